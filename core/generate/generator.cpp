// Text generation with a KV cache: batched prompts, sampling, stop conditions, streaming,
// cancellation.
#include "generate/generator.h"

#include "model/kv_cache.h"
#include "model/llama_model.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>
#include "torch_pch.h"

namespace ft {

const char* finishReasonName(FinishReason r) {
    switch (r) {
    case FinishReason::Eos: return "eos";
    case FinishReason::StopSequence: return "stop_sequence";
    case FinishReason::StopString: return "stop_string";
    case FinishReason::MaxTokens: return "max_tokens";
    case FinishReason::Cancelled: return "cancelled";
    }
    return "unknown";
}

namespace {

using Clock = std::chrono::steady_clock;

double secondsSince(Clock::time_point t0, const torch::Device& device) {
    if (device.is_cuda()) torch::cuda::synchronize();
    return std::chrono::duration<double>(Clock::now() - t0).count();
}

bool endsWith(const std::vector<int64_t>& tokens, const std::vector<int64_t>& tail) {
    return !tail.empty() && tokens.size() >= tail.size() && std::equal(tail.rbegin(), tail.rend(), tokens.rbegin());
}

void checkPrompts(const std::vector<std::vector<int64_t>>& prompts, int64_t vocab) {
    for (size_t r = 0; r < prompts.size(); ++r) {
        if (prompts[r].empty()) throw Error(format("prompt %zu is empty; generation needs at least one token", r));
        for (int64_t id : prompts[r])
            if (id < 0 || id >= vocab)
                throw Error(format("prompt %zu holds token id %lld, outside the vocabulary [0, %lld)", r, (long long)id, (long long)vocab));
    }
}

} // namespace

std::vector<GenerationResult> generate(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts, const GenerateOptions& o,
                                       GenerationTiming* timing) {
    o.sampling.validate();
    if (o.maxNewTokens < 0) throw Error("max new tokens must be >= 0");
    if (!o.stopStrings.empty() && !o.decode) throw Error("stop strings need a tokenizer to decode with");
    const LlamaConfig& cfg = model.config();
    checkPrompts(prompts, cfg.vocabSize);
    const size_t B = prompts.size();
    std::vector<GenerationResult> results(B);
    if (B == 0 || o.maxNewTokens == 0) return results;

    torch::NoGradGuard noGrad;
    const auto device = model.device();
    int64_t L = 0;
    for (const auto& p : prompts) L = std::max<int64_t>(L, int64_t(p.size()));

    // Left-pad every prompt to L: row r's tokens occupy [L - len_r, L).
    auto ids = torch::zeros({int64_t(B), L}, torch::kInt64);
    auto positions = torch::zeros({int64_t(B), L}, torch::kInt64);
    KvCache cache(cfg, int64_t(B), L + o.maxNewTokens, torch::TensorOptions().dtype(model.dtype()).device(device));
    auto keyValid = torch::ones({int64_t(B), L + o.maxNewTokens}, torch::kBool);
    std::vector<int64_t> nextPos(B);
    for (size_t r = 0; r < B; ++r) {
        const int64_t len = int64_t(prompts[r].size()), pad = L - len;
        for (int64_t j = 0; j < len; ++j) {
            ids[r][pad + j] = prompts[r][size_t(j)];
            positions[r][pad + j] = j;
        }
        if (pad > 0) keyValid[r].narrow(0, 0, pad).fill_(false);
        nextPos[r] = len;
    }
    cache.keyValid() = keyValid.to(device);

    std::vector<at::Generator> generators;
    for (size_t r = 0; r < B; ++r) generators.push_back(at::detail::createCPUGenerator(o.sampling.seed));
    std::vector<std::vector<int64_t>> history(prompts);
    std::vector<char> done(B, 0);
    size_t remaining = B;

    auto t0 = Clock::now();
    auto hidden = model.hidden(ids.to(device), {positions.to(device), &cache, {}, false});
    auto logits = model.logits(hidden.select(1, L - 1)).to(torch::kFloat32).to(torch::kCPU); // [B, V]
    if (timing) {
        timing->prefillSeconds = secondsSince(t0, device);
        timing->prefillTokens = int64_t(B) * L;
    }
    auto tDecode = Clock::now();
    bool cancelled = false;
    for (int64_t step = 0; step < o.maxNewTokens && remaining > 0; ++step) {
        if (o.cancel && o.cancel->load()) cancelled = true;
        auto next = torch::zeros({int64_t(B), 1}, torch::kInt64);
        auto nextPositions = torch::zeros({int64_t(B), 1}, torch::kInt64);
        for (size_t r = 0; r < B && !cancelled; ++r) {
            if (done[r]) { // finished rows keep decoding a harmless token; their output is frozen
                next[r][0] = history[r].back();
                nextPositions[r][0] = nextPos[r]++;
                continue;
            }
            const int64_t token = sampleToken(logits[r].clone(), history[r], o.sampling, generators[r]);
            history[r].push_back(token);
            GenerationResult& res = results[r];
            res.tokens.push_back(token);
            next[r][0] = token;
            nextPositions[r][0] = nextPos[r]++;
            if (o.onToken && !o.onToken(r, token)) cancelled = true;
            bool finished = true;
            if (!o.ignoreEos && std::find(o.eosTokenIds.begin(), o.eosTokenIds.end(), token) != o.eosTokenIds.end())
                res.reason = FinishReason::Eos;
            else if (std::any_of(o.stopSequences.begin(), o.stopSequences.end(),
                                 [&](const std::vector<int64_t>& s) { return endsWith(res.tokens, s); }))
                res.reason = FinishReason::StopSequence;
            else if (!o.stopStrings.empty() && [&] {
                         const std::string text = o.decode(res.tokens);
                         return std::any_of(o.stopStrings.begin(), o.stopStrings.end(),
                                            [&](const std::string& s) { return !s.empty() && text.find(s) != std::string::npos; });
                     }())
                res.reason = FinishReason::StopString;
            else finished = false;
            if (finished) {
                done[r] = 1;
                --remaining;
            }
        }
        if (cancelled) break;
        if (remaining == 0 || step + 1 == o.maxNewTokens) break;
        hidden = model.hidden(next.to(device), {nextPositions.to(device), &cache, {}, false});
        logits = model.logits(hidden.select(1, 0)).to(torch::kFloat32).to(torch::kCPU);
        if (timing) ++timing->decodeSteps;
    }
    if (timing) timing->decodeSeconds = secondsSince(tDecode, device);
    for (size_t r = 0; r < B; ++r)
        if (!done[r]) results[r].reason = cancelled ? FinishReason::Cancelled : FinishReason::MaxTokens;
    return results;
}

std::vector<double> scoreTokens(CausalLMImpl& model, const std::vector<int64_t>& ids) {
    if (ids.size() < 2) return {};
    const int64_t vocab = model.config().vocabSize;
    for (int64_t id : ids)
        if (id < 0 || id >= vocab)
            throw Error(format("token id %lld is outside the vocabulary [0, %lld)", (long long)id, (long long)vocab));
    torch::NoGradGuard noGrad;
    const int64_t n = int64_t(ids.size());
    auto input = torch::tensor(ids, torch::kInt64).unsqueeze(0).to(model.device());
    auto hidden = model.hidden(input).squeeze(0).narrow(0, 0, n - 1);             // [n-1, H]
    auto logp = torch::log_softmax(model.logits(hidden).to(torch::kFloat32), -1); // [n-1, V]
    auto targets = input.squeeze(0).narrow(0, 1, n - 1).unsqueeze(1);
    auto picked = logp.gather(1, targets).squeeze(1).to(torch::kFloat64).to(torch::kCPU).contiguous();
    return std::vector<double>(picked.data_ptr<double>(), picked.data_ptr<double>() + picked.numel());
}

} // namespace ft
