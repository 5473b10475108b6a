// Reference renderings for tests/data/chat_templates, from @huggingface/jinja (which renders chat
// templates as transformers' apply_chat_template does). Usage, from the repository root:
//   node bench/parity/make_chat_reference.mjs
// Writes tests/data/chat_templates/reference.jsonl: one line per (template, conversation,
// add_generation_prompt) with the rendered text, or the error the template raised.
import { readFileSync, writeFileSync, readdirSync } from "node:fs";
import { Template } from "@huggingface/jinja";

const dir = "tests/data/chat_templates";
const conversations = JSON.parse(readFileSync(`${dir}/conversations.json`, "utf8"));
const specials = JSON.parse(readFileSync(`${dir}/special_tokens.json`, "utf8"));
const lines = [];
for (const file of readdirSync(dir).filter((f) => f.endsWith(".jinja")).sort()) {
  const name = file.replace(/\.jinja$/, "");
  const template = new Template(readFileSync(`${dir}/${file}`, "utf8"));
  for (const [conv, messages] of Object.entries(conversations)) {
    for (const addGenerationPrompt of [false, true]) {
      const context = {
        messages, add_generation_prompt: addGenerationPrompt, ...specials[name],
      };   // raise_exception is a built-in of the renderer, as in transformers
      let record = { template: name, conversation: conv, add_generation_prompt: addGenerationPrompt };
      try { record.text = template.render(context); } catch (e) { record.error = String(e.message); }
      lines.push(JSON.stringify(record));
    }
  }
}
writeFileSync(`${dir}/reference.jsonl`, lines.join("\n") + "\n");
console.log(`${lines.length} renderings`);
