// Runs a GGUF file through llama.cpp (the prebuilt CPU build inside the npm package node-llama-cpp)
// and prints what it makes of it, for bench/gguf/llama_cpp_check.sh to compare with `finetune`.
// stdin: {"texts": ["..."], "prompts": [[ids...]], "new_tokens": 24}
// stdout: {"tokens": [[ids] per text], "generated": [[ids] per prompt], "probs": [[p] per prompt]}
import {getLlama} from "node-llama-cpp";

let text = "";
for await (const chunk of process.stdin) text += chunk;   // (readFileSync(0) fails with EAGAIN on some pipes)
const input = JSON.parse(text);
const llama = await getLlama({gpu: false, build: "never", logLevel: "error"});
const model = await llama.loadModel({modelPath: process.argv[2]});
const out = {tokens: [], generated: [], probs: []};
for (const text of input.texts) out.tokens.push(Array.from(model.tokenize(text, true)));
for (const prompt of input.prompts) {
    // One thread: two of llama.cpp's threads on a 2-core machine wait for each other, busily.
    const context = await model.createContext({contextSize: 512, batchSize: 512, sequences: 1, threads: 1});
    const sequence = context.getSequence();
    const ids = [], probs = [];
    for await (const step of sequence.evaluateWithMetadata(prompt, {probabilities: true},
                                                           {temperature: 0, yieldEogToken: true})) {
        ids.push(step.token);
        probs.push(step.probabilities.get(step.token));
        if (ids.length >= input.new_tokens) break;
    }
    out.generated.push(ids);
    out.probs.push(probs);
    await context.dispose();
}
console.log(JSON.stringify(out));
await model.dispose();
