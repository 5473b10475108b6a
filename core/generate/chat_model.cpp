// ChatModel: a base model with an optional adapter that replies to a conversation, streaming.
#include "generate/chat_model.h"

#include "train/run_folder.h"

#include "generate/generator.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <chrono>

#include "torch_pch.h"

namespace ft {

struct ChatModel::Impl {
    ChatModelOptions options;
    LoadedModel model;
    std::shared_ptr<const Tokenizer> tokenizer;
    std::unique_ptr<ChatTemplate> tmpl;
    std::vector<int64_t> stopIds;
    std::string description;
};

ChatModel::ChatModel() : m(std::make_unique<Impl>()) {}
ChatModel::~ChatModel() = default;

std::unique_ptr<ChatModel> ChatModel::load(const ChatModelOptions& options) {
    std::unique_ptr<ChatModel> self(new ChatModel());
    Impl& s = *self->m;
    s.options = options;
    LoadOptions load;
    load.device = parseDevice(options.device);
    load.dtype = resolveDtype(options.dtype, load.device);
    // A full fine-tune's model folder stands in for the base model and its adapter.
    const bool tunedModel = !options.adapterDir.empty() && holdsModel(options.adapterDir);
    s.model = loadModel(tunedModel ? options.adapterDir : options.modelDir, load);
    s.description = s.model.config.architecture + " on " + load.device.str() + ", " + dtypeName(load.dtype);
    if (tunedModel) s.description += ", fully fine-tuned";
    if (!options.adapterDir.empty() && !tunedModel) {
        try {
            const LoraConfig lora = loadAdapter(options.adapterDir, s.model.model);
            s.description += ", adapter r" + std::to_string(lora.r);
        } catch (...) {
            rethrowWithContext("loading adapter " + options.adapterDir);
        }
    }
    s.model.model->eval();
    s.tokenizer = Tokenizer::load(options.tokenizerDir.empty() ? options.modelDir : options.tokenizerDir);
    s.tmpl = std::make_unique<ChatTemplate>(ChatTemplate::forTokenizer(*s.tokenizer, options.chatTemplate));
    s.stopIds = replyStopIds(s.model.eosTokenIds, *s.tokenizer, *s.tmpl);
    return self;
}

const ChatModelOptions& ChatModel::options() const {
    return m->options;
}

std::string ChatModel::description() const {
    return m->description;
}

std::string ChatModel::renderPrompt(const std::vector<ChatMessage>& conversation) const {
    return m->tmpl->render(conversation, /*addGenerationPrompt=*/true);
}

ChatReply ChatModel::reply(const std::vector<ChatMessage>& conversation, const ReplySettings& settings,
                           const std::function<void(const std::string&)>& onText, const std::atomic<bool>* cancel) {
    const auto start = std::chrono::steady_clock::now();
    const std::string prompt = renderPrompt(conversation);
    // The template writes BOS and the other special tokens itself, as apply_chat_template does.
    const std::vector<int32_t> promptIds32 = m->tokenizer->encode(prompt, /*addSpecialTokens=*/false);
    const std::vector<int64_t> promptIds(promptIds32.begin(), promptIds32.end());
    if (promptIds.empty()) throw Error("the conversation renders to an empty prompt");
    GenerateOptions o;
    o.maxNewTokens = settings.maxNewTokens;
    o.sampling.temperature = settings.temperature;
    o.sampling.topK = settings.topK;
    o.sampling.topP = settings.topP;
    o.sampling.repetitionPenalty = settings.repetitionPenalty;
    o.sampling.seed = settings.seed;
    o.sampling.validate();
    o.eosTokenIds = m->stopIds;
    o.cancel = cancel;
    StreamingDecoder stream(*m->tokenizer, /*skipSpecialTokens=*/true);
    if (onText)
        o.onToken = [&](size_t, int64_t token) {
            const std::string piece = stream.push(int32_t(token));
            if (!piece.empty()) onText(piece);
            return true;
        };
    torch::NoGradGuard noGrad;
    const GenerationResult r = generate(*m->model.model, {promptIds}, o).at(0);
    if (onText) {
        const std::string rest = stream.finish();
        if (!rest.empty()) onText(rest);
    }
    ChatReply out;
    out.text = m->tokenizer->decode(std::vector<int32_t>(r.tokens.begin(), r.tokens.end()), /*skipSpecialTokens=*/true);
    out.promptTokens = int64_t(promptIds.size());
    out.newTokens = int64_t(r.tokens.size());
    out.finishReason = finishReasonName(r.reason);
    out.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return out;
}

} // namespace ft
