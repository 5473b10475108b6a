#!/usr/bin/env python3
"""Writes the demo task of Finetune Studio: shop order messages, written the many ways customers
write them, each with the one JSON object a shop system wants from it. Deterministic (seeded), so
the files in resources/demo/ can be regenerated exactly:  scripts/make-demo-orders.py resources/demo"""
import json
import random
import sys

NAMES = ["Anna", "Ben", "Clara", "David", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemal", "Lena",
         "Maya", "Noah", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe"]
ITEMS = [("apple", "apples"), ("loaf of bread", "loaves of bread"), ("jar of honey", "jars of honey"),
         ("bag of rice", "bags of rice"), ("bottle of milk", "bottles of milk"), ("box of eggs", "boxes of eggs"),
         ("candle", "candles"), ("notebook", "notebooks"), ("bar of soap", "bars of soap"), ("lemon", "lemons"),
         ("cup of coffee", "cups of coffee"), ("pack of tea", "packs of tea"), ("pencil", "pencils"),
         ("onion", "onions"), ("tomato", "tomatoes"), ("sack of flour", "sacks of flour")]
CANONICAL = {"apple": "apple", "loaf of bread": "bread", "jar of honey": "honey", "bag of rice": "rice",
             "bottle of milk": "milk", "box of eggs": "eggs", "candle": "candle", "notebook": "notebook",
             "bar of soap": "soap", "lemon": "lemon", "cup of coffee": "coffee", "pack of tea": "tea",
             "pencil": "pencil", "onion": "onion", "tomato": "tomato", "sack of flour": "flour"}
WORDS = {1: "one", 2: "two", 3: "three", 4: "four", 5: "five", 6: "six", 7: "seven", 8: "eight", 9: "nine", 10: "ten", 12: "twelve"}
TEMPLATES = [
    "Hi, this is {name}. I would like {qty} {item}, {when}.",
    "{name} here: please send {qty} {item} {when}.",
    "Can I order {qty} {item}? {When}. Thanks, {name}",
    "Order for {name}: {qty} {item}, {when}.",
    "Hello! {qty_cap} {item} for me please, {when}. - {name}",
    "I need {qty} {item} {when}. My name is {name}.",
    "Good morning, {name} speaking. Could you get {qty} {item} ready {when}?",
    "please {qty} {item} {when} ({name})",
]
WHEN = [("for pickup", "pickup"), ("to be picked up in the shop", "pickup"), ("I will collect them", "pickup"),
        ("delivered to my home", "delivery"), ("for delivery", "delivery"), ("brought to my door", "delivery")]
SYSTEM = "Turn the customer's message into an order: JSON with name, item, quantity and fulfilment."


def example(rng):
    name = rng.choice(NAMES)
    singular, plural = rng.choice(ITEMS)
    quantity = rng.choice([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 12, 15, 20, 24])
    item = singular if quantity == 1 else plural
    spelled = WORDS.get(quantity) if rng.random() < 0.4 else None
    qty = spelled or str(quantity)
    when, fulfilment = rng.choice(WHEN)
    text = rng.choice(TEMPLATES).format(name=name, qty=qty, qty_cap=qty[0].upper() + qty[1:], item=item, when=when,
                                        When=when[0].upper() + when[1:])
    reply = json.dumps({"name": name, "item": CANONICAL[singular], "quantity": quantity, "fulfilment": fulfilment})
    return {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text},
                         {"role": "assistant", "content": reply}]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "resources/demo"
    rng = random.Random(20261123)
    seen, rows = set(), []
    while len(rows) < 520:
        e = example(rng)
        key = e["messages"][1]["content"]
        if key in seen:
            continue
        seen.add(key)
        rows.append(e)
    for name, part in (("train", rows[:400]), ("validation", rows[400:460]), ("test", rows[460:])):
        with open(f"{out}/orders-{name}.jsonl", "w", encoding="utf-8") as f:
            for e in part:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
