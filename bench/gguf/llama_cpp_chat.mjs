// Answers chat prompts with a GGUF file in llama.cpp (node-llama-cpp's prebuilt CPU build), as a user
// of llama.cpp would get them: llama.cpp's own tokenizer (BOS as the file says), greedy decoding until
// an end-of-generation token. For bench/gguf/llama_cpp_run_check.sh.
// usage: node llama_cpp_chat.mjs MODEL.gguf [ADAPTER.gguf | -] < {"prompts": ["rendered chat text", ...], "max_tokens": 96}
// stdout: {"replies": ["...", ...]}
import {getLlama} from "node-llama-cpp";

let text = "";
for await (const chunk of process.stdin) text += chunk;   // (readFileSync(0) fails with EAGAIN on some pipes)
const input = JSON.parse(text);
const [modelPath, adapterPath = "-"] = process.argv.slice(2);
const llama = await getLlama({gpu: false, build: "never", logLevel: "error"});
const model = await llama.loadModel({modelPath});
// One thread: on a 2-core machine two of llama.cpp's threads wait for each other, busily, for about
// a second per token of this tiny model.
const options = {contextSize: 1024, sequences: 1, threads: 1};
if (adapterPath !== "-") options.lora = {adapters: [{filePath: adapterPath}]};
const context = await model.createContext(options);
const replies = [];
for (const prompt of input.prompts) {
    const sequence = context.getSequence();
    const tokens = model.tokenize(prompt, true);
    if (model.tokens.shouldPrependBosToken && model.tokens.bos !== null) tokens.unshift(model.tokens.bos);
    const out = [];
    for await (const token of sequence.evaluate(tokens, {temperature: 0, yieldEogToken: true})) {
        if (model.isEogToken(token)) break;
        out.push(token);
        if (out.length >= input.max_tokens) break;
    }
    replies.push(model.detokenize(out));
    sequence.dispose();
}
console.log(JSON.stringify({replies}));
await context.dispose();
await model.dispose();
