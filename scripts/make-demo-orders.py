#!/usr/bin/env python3
"""Writes the demo task of Finetune Studio: shop order messages, written the many ways customers
write them, each with the one JSON object the shop's order system takes from it (product code,
quantity as a number, pickup or delivery). Deterministic (seeded), so the files in resources/demo/
can be regenerated exactly:  scripts/make-demo-orders.py resources/demo"""
import json
import random
import sys

NAMES = ["Anna", "Ben", "Clara", "David", "Elif", "Farid", "Grace", "Hugo", "Ines", "Jonas", "Kemal", "Lena",
         "Maya", "Noah", "Olga", "Pavel", "Rosa", "Sami", "Tara", "Umar", "Vera", "Wen", "Yusuf", "Zoe"]
# How customers name a product (one, several), and the product code the shop's system uses.
PRODUCTS = [
    ("bread", [("loaf of bread", "loaves of bread"), ("loaf", "loaves")]),
    ("milk", [("bottle of milk", "bottles of milk"), ("pint of milk", "pints of milk")]),
    ("eggs", [("box of eggs", "boxes of eggs"), ("carton of eggs", "cartons of eggs")]),
    ("honey", [("jar of honey", "jars of honey"), ("pot of honey", "pots of honey")]),
    ("rice", [("bag of rice", "bags of rice"), ("pack of rice", "packs of rice")]),
    ("tea", [("box of tea", "boxes of tea"), ("pack of tea", "packs of tea")]),
    ("coffee", [("bag of coffee", "bags of coffee"), ("pack of coffee beans", "packs of coffee beans")]),
    ("soap", [("bar of soap", "bars of soap"), ("soap", "soaps")]),
    ("candle", [("candle", "candles"), ("wax candle", "wax candles")]),
    ("apple", [("apple", "apples"), ("green apple", "green apples")]),
    ("lemon", [("lemon", "lemons")]),
    ("flour", [("sack of flour", "sacks of flour"), ("bag of flour", "bags of flour")]),
]
# Quantities: one item is written as a word ("a jar of honey", "one loaf"), more as one digit
# ("7 lemons"). Number words above one and numbers above nine are left out on purpose: the starter
# model is pre-trained on minutes of CPU, knows no arithmetic words, cuts "12" into two digits and
# confuses the digits 1 and 2 when one follows the other; LoRA runs on it did not learn those
# (docs/evaluation.md, "On the demo task"). A real base model would.
ONE = ["a", "one", "a single"]
QUANTITIES = [1, 1, 2, 3, 4, 5, 6, 7, 8, 9]
TEMPLATES = [
    "Hi, this is {name}. I would like {qty} {item}, {when}.",
    "{name} here: please send {qty} {item} {when}.",
    "Can I order {qty} {item}? {When}. Thanks, {name}",
    "Order for {name}: {qty} {item}, {when}.",
    "Hello! {Qty} {item} for me please, {when}. - {name}",
    "I need {qty} {item} {when}. My name is {name}.",
    "Good morning, {name} speaking. Could I have {qty} {item} {when}?",
    "please {qty} {item} {when} ({name})",
    "Dear shop, {name} would like to buy {qty} {item}, {when}.",
    "{Qty} {item}, {when}, thank you! {name}",
]
WHEN = [("for pickup", "pickup"), ("to pick up in the shop", "pickup"), ("for collection", "pickup"),
        ("and I will come by to get them", "pickup"), ("delivered to my home", "delivery"), ("for delivery", "delivery"),
        ("brought to my door", "delivery"), ("sent to my address", "delivery")]
# Many messages, each seen about once: a run on 400 seen 30 times learnt them by heart and still
# guessed a field on new ones.
TRAIN = 2000
SYSTEM = "You turn a customer's message into an order for the shop system: JSON with item, quantity and fulfilment."


def capitalised(text):
    return text[0].upper() + text[1:]


def example(rng):
    code, names = rng.choice(PRODUCTS)
    singular, plural = rng.choice(names)
    quantity = rng.choice(QUANTITIES)
    qty = rng.choice(ONE) if quantity == 1 else str(quantity)
    if qty == "a" and singular[0] in "aeiou":
        qty = "an"
    item = singular if quantity == 1 else plural
    when, fulfilment = rng.choice(WHEN)
    text = rng.choice(TEMPLATES).format(name=rng.choice(NAMES), qty=qty, Qty=capitalised(qty), item=item, when=when,
                                        When=capitalised(when))
    reply = json.dumps({"item": code, "quantity": quantity, "fulfilment": fulfilment})
    return {"messages": [{"role": "system", "content": SYSTEM}, {"role": "user", "content": text},
                         {"role": "assistant", "content": reply}]}


def main():
    out = sys.argv[1] if len(sys.argv) > 1 else "resources/demo"
    rng = random.Random(20261123)
    seen, rows = set(), []
    while len(rows) < TRAIN + 120:
        e = example(rng)
        key = e["messages"][1]["content"]
        if key in seen:
            continue
        seen.add(key)
        rows.append(e)
    for name, part in (("train", rows[:TRAIN]), ("validation", rows[TRAIN:TRAIN + 60]), ("test", rows[TRAIN + 60:])):
        with open(f"{out}/orders-{name}.jsonl", "w", encoding="utf-8") as f:
            for e in part:
                f.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
