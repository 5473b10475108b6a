// Text generation with a KV cache: one or many prompts of different lengths (left-padded into one
// batch), sampling, stops on EOS ids / id sequences / strings, per-token streaming and cancellation.
// Each row's result depends only on its own prompt and the options, never on its batch-mates.
#pragma once
#include "generate/sampler.h"

#include <atomic>
#include <functional>
#include <string>
#include <vector>

namespace ft {

class CausalLMImpl;

enum class FinishReason { Eos, StopSequence, StopString, MaxTokens, Cancelled };
const char* finishReasonName(FinishReason reason);

struct GenerateOptions {
    int64_t maxNewTokens = 128;
    SamplingOptions sampling;
    std::vector<int64_t> eosTokenIds; // any of these ends a row (kept in its output)
    bool ignoreEos = false;
    std::vector<std::vector<int64_t>> stopSequences;                // id sequences that end a row
    std::vector<std::string> stopStrings;                           // need `decode`
    std::function<std::string(const std::vector<int64_t>&)> decode; // new tokens -> text
    // Called for every new token of every unfinished row; return false to cancel the whole call.
    std::function<bool(size_t row, int64_t token)> onToken;
    const std::atomic<bool>* cancel = nullptr; // polled between decode steps
};

struct GenerationResult {
    std::vector<int64_t> tokens; // new tokens only (the EOS or stop token included)
    FinishReason reason = FinishReason::MaxTokens;
};

struct GenerationTiming {
    double prefillSeconds = 0, decodeSeconds = 0;
    int64_t prefillTokens = 0, decodeSteps = 0;
};

std::vector<GenerationResult> generate(CausalLMImpl& model, const std::vector<std::vector<int64_t>>& prompts,
                                       const GenerateOptions& options, GenerationTiming* timing = nullptr);

// log p(ids[i+1] | ids[0..i]) for i in [0, n-1): n-1 values, computed in float32.
std::vector<double> scoreTokens(CausalLMImpl& model, const std::vector<int64_t>& ids);

} // namespace ft
