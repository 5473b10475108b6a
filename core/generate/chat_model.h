// ChatModel: a base model, optionally with a LoRA adapter, ready to answer conversations the way
// its chat template formats them, streaming the reply's text as it is generated. One instance is
// used by one thread at a time. Plain types only (the studio's Compare view includes this).
#pragma once
#include "chat/chat_template.h"

#include <atomic>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace ft {

struct ChatModelOptions {
    std::string modelDir;
    std::string adapterDir;   // "" = the base model alone; a full fine-tune's model folder replaces the base
    std::string tokenizerDir; // "" = modelDir
    std::string chatTemplate; // "" = the tokenizer's; else a family name or a .jinja file
    std::string device = "auto";
    std::string dtype = "auto"; // auto: bf16 on CUDA, fp32 on the CPU
};

struct ReplySettings {
    int64_t maxNewTokens = 256;
    double temperature = 0; // 0 = greedy
    int64_t topK = 0;
    double topP = 1;
    double repetitionPenalty = 1;
    uint64_t seed = 0;
};

struct ChatReply {
    std::string text;
    int64_t promptTokens = 0, newTokens = 0;
    std::string finishReason; // "eos", "max_tokens", "cancelled", ...
    double seconds = 0;
};

class ChatModel {
public:
    // Loads everything; throws ft::Error naming the folder and the problem.
    static std::unique_ptr<ChatModel> load(const ChatModelOptions& options);
    ~ChatModel();

    std::string renderPrompt(const std::vector<ChatMessage>& conversation) const; // with the generation prompt
    // Generates the next assistant turn. onText receives the reply's text piece by piece.
    ChatReply reply(const std::vector<ChatMessage>& conversation, const ReplySettings& settings,
                    const std::function<void(const std::string& piece)>& onText = {}, const std::atomic<bool>* cancel = nullptr);

    const ChatModelOptions& options() const;
    std::string description() const; // "Qwen2ForCausalLM on cpu, fp32, with adapter r16"

private:
    ChatModel();
    struct Impl;
    std::unique_ptr<Impl> m;
};

} // namespace ft
