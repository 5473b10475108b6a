// CausalLM: the decoder stack and its LM head; forward for training, scoring and generation.
#include "model/llama_model.h"

#include "model/attention_mask.h"
#include "model/checkpointed_layer.h"
#include "model/kv_cache.h"
#include "model/rotary_embedding.h"

#include "torch_pch.h"

namespace ft {

BackboneImpl::BackboneImpl(const LlamaConfig& c, const torch::TensorOptions& options) {
    embed_tokens = register_module("embed_tokens", Embedding(c.vocabSize, c.hiddenSize, options));
    layers = register_module("layers", torch::nn::ModuleList());
    for (int64_t i = 0; i < c.numLayers; ++i) layers->push_back(DecoderLayer(c, options));
    norm = register_module("norm", RmsNorm(c.hiddenSize, c.rmsNormEps, options));
}

CausalLMImpl::CausalLMImpl(const LlamaConfig& c, const torch::TensorOptions& options) : m_config(c) {
    model = register_module("model", Backbone(c, options));
    if (!c.tieWordEmbeddings) lm_head = register_module("lm_head", Linear(c.hiddenSize, c.vocabSize, false, options));
    m_invFreq = ropeInverseFrequencies(c).to(options.device());
}

torch::Tensor CausalLMImpl::hidden(const torch::Tensor& ids, const ForwardOptions& opt) {
    const int64_t B = ids.size(0), T = ids.size(1);
    const int64_t start = opt.cache ? opt.cache->length() : 0;
    torch::Tensor positions = opt.positions;
    if (!positions.defined()) positions = torch::arange(start, start + T, ids.options().dtype(torch::kInt64)).unsqueeze(0).expand({B, T});

    auto h = model->embed_tokens(ids);
    AttentionContext ctx;
    std::tie(ctx.cos, ctx.sin) = ropeCosSin(m_invFreq, positions, h.scalar_type());
    ctx.cache = opt.cache;
    torch::Tensor keyValid;
    if (opt.cache) keyValid = opt.cache->keyValid();
    ctx.mask = opt.mask.defined() ? opt.mask : buildAttentionMask(start, T, keyValid, m_config.slidingWindow, ids.device());

    const bool checkpoint = opt.checkpointLayers && torch::GradMode::is_enabled() && !opt.cache;
    // The frozen embedding's output needs a gradient path, or the first checkpointed layer would
    // have no input that requires grad and its adapters would get none.
    if (checkpoint && !h.requires_grad()) h.requires_grad_(true); // (a trained embedding's output has one)
    for (size_t i = 0; i < model->layers->size(); ++i) {
        auto* layer = model->layers[i]->as<DecoderLayerImpl>();
        h = checkpoint ? checkpointedLayer(*layer, h, ctx, int64_t(i)) : layer->forward(h, ctx, int64_t(i));
    }
    if (opt.cache) opt.cache->advance(T);
    return model->norm(h);
}

torch::Tensor CausalLMImpl::lmHeadWeight() const {
    return lm_head ? lm_head->weight : model->embed_tokens->weight;
}

torch::Tensor CausalLMImpl::logits(const torch::Tensor& hidden) {
    return torch::linear(hidden, lmHeadWeight());
}

torch::Tensor CausalLMImpl::forward(const torch::Tensor& ids, const ForwardOptions& opt) {
    return logits(hidden(ids, opt));
}

torch::Device CausalLMImpl::device() const {
    return model->embed_tokens->weight.device();
}

torch::ScalarType CausalLMImpl::dtype() const {
    return model->embed_tokens->weight.scalar_type();
}

void initRandomWeights(CausalLM& m, uint64_t seed, double std, double embeddingStd) {
    torch::NoGradGuard noGrad;
    auto gen = at::detail::createCPUGenerator(seed);
    for (auto& p : m->named_parameters()) {
        auto& t = p.value();
        const bool isNorm = p.key().find("norm") != std::string::npos;
        const double sigma = p.key().find("embed_tokens") != std::string::npos ? embeddingStd : std;
        auto values = isNorm ? 1.0 + at::normal(0.0, 0.1, t.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat32))
                             : at::normal(0.0, sigma, t.sizes(), gen, torch::TensorOptions().dtype(torch::kFloat32));
        t.copy_(values);
    }
}

} // namespace ft
