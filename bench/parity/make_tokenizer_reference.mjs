// Reference token ids for tests/data/tokenizers, from @huggingface/tokenizers (which reproduces the
// Rust tokenizers library id for id). Usage, from the repository root:
//   node bench/parity/make_tokenizer_reference.mjs FIXTURES_DIR
// FIXTURES_DIR holds one folder per tokenizer (tokenizer.json + tokenizer_config.json), as
// scripts/fetch-fixtures makes it. Writes tests/data/tokenizers/reference-<name>.jsonl.
// bench/parity/tokenizer_reference.py checks the same files against the Python tokenizers library.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { Tokenizer } from "@huggingface/tokenizers";

const fixtures = process.argv[2];
const texts = JSON.parse(readFileSync("tests/data/tokenizers/texts.json", "utf8"));
for (const name of readdirSync(fixtures).sort()) {
  const dir = `${fixtures}/${name}`;
  let json;
  try { json = JSON.parse(readFileSync(`${dir}/tokenizer.json`, "utf8")); } catch { continue; }
  // No tokenizer_config: the reference is what tokenizer.json alone specifies.
  const tok = new Tokenizer(json, {});
  const lines = texts.map((text) => {
    const ids = tok.encode(text, { add_special_tokens: false }).ids;
    const decode = (skip) =>
      ids.length ? tok.decode(ids, { skip_special_tokens: skip, clean_up_tokenization_spaces: false }) : "";
    const idsSpecial = tok.encode(text, { add_special_tokens: true }).ids;
    return JSON.stringify({
      text, ids, ids_special: idsSpecial,
      decoded: decode(false),
      decoded_skip: decode(true),
    });
  });
  writeFileSync(`tests/data/tokenizers/reference-${name}.jsonl`, lines.join("\n") + "\n");
  console.log(`${name}: ${texts.length} texts`);
}
