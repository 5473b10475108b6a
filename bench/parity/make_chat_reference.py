#!/usr/bin/python3
"""Reference renderings for tests/data/chat_templates, made with Python's Jinja2 configured the way
transformers' apply_chat_template configures it (ImmutableSandboxedEnvironment, trim_blocks,
lstrip_blocks, loop controls, raise_exception, strftime_now, tojson with ensure_ascii=False and a
{% generation %} tag). Needs only python3-jinja2 (Debian). Usage, from the repository root:
    /usr/bin/python3 bench/parity/make_chat_reference.py
Writes tests/data/chat_templates/reference.jsonl. (@huggingface/jinja, used before,
ignores the argument of str.strip/lstrip/rstrip, so Python's Jinja2 is the reference here.)
"""
import json
from datetime import datetime
from pathlib import Path

from jinja2 import nodes
from jinja2.exceptions import TemplateError
from jinja2.ext import Extension
from jinja2.sandbox import ImmutableSandboxedEnvironment


class GenerationTag(Extension):
    tags = {"generation"}

    def parse(self, parser):
        lineno = next(parser.stream).lineno
        body = parser.parse_statements(["name:endgeneration"], drop_needle=True)
        return nodes.CallBlock(self.call_method("_render", []), [], [], body).set_lineno(lineno)

    def _render(self, caller):
        return caller()


def raise_exception(message):
    raise TemplateError(message)


def tojson(x, ensure_ascii=False, indent=None, separators=None, sort_keys=False):
    return json.dumps(x, ensure_ascii=ensure_ascii, indent=indent, separators=separators, sort_keys=sort_keys)


def make_env():
    env = ImmutableSandboxedEnvironment(trim_blocks=True, lstrip_blocks=True,
                                        extensions=[GenerationTag, "jinja2.ext.loopcontrols"])
    env.filters["tojson"] = tojson
    env.globals["raise_exception"] = raise_exception
    env.globals["strftime_now"] = lambda fmt: datetime.now().strftime(fmt)
    return env


def main():
    d = Path("tests/data/chat_templates")
    conversations = json.loads((d / "conversations.json").read_text())
    specials = json.loads((d / "special_tokens.json").read_text())
    env = make_env()
    lines = []
    for path in sorted(d.glob("*.jinja")):
        name = path.stem
        template = env.from_string(path.read_text())
        for conv, messages in conversations.items():
            for agp in (False, True):
                record = {"template": name, "conversation": conv, "add_generation_prompt": agp}
                try:
                    record["text"] = template.render(messages=messages, add_generation_prompt=agp, **specials[name])
                except TemplateError as e:
                    record["error"] = str(e)
                lines.append(json.dumps(record, ensure_ascii=False))
    (d / "reference.jsonl").write_text("\n".join(lines) + "\n")
    print(f"{len(lines)} renderings")


if __name__ == "__main__":
    main()
