// Writing a model, or a run's adapter, as a GGUF file llama.cpp loads.
#include "export/gguf_export.h"

#include "chat/chat_template.h"
#include "gguf/gguf_quant.h"
#include "gguf/gguf_vocab.h"
#include "gguf/gguf_writer.h"
#include "io/atomic_file.h"
#include "io/safetensors.h"
#include "lora/lora_adapter.h"
#include "lora/lora_config.h"
#include "model/model_loader.h"
#include "model/rotary_embedding.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include "torch_pch.h"

#include <cstring>
#include <filesystem>

namespace ft {

namespace fs = std::filesystem;

namespace {

using gguf::TensorType;

const std::pair<const char*, const char*> kLayerNames[] = {
    {"input_layernorm", "attn_norm"}, {"self_attn.q_proj", "attn_q"},      {"self_attn.k_proj", "attn_k"},
    {"self_attn.v_proj", "attn_v"},   {"self_attn.o_proj", "attn_output"}, {"post_attention_layernorm", "ffn_norm"},
    {"mlp.gate_proj", "ffn_gate"},    {"mlp.up_proj", "ffn_up"},           {"mlp.down_proj", "ffn_down"},
};

// llama.cpp's "llama" rotary pairs adjacent dimensions (2i, 2i+1) where Hugging Face pairs i with
// i + hd/2; within each head, GGUF row 2i + s is Hugging Face row s * hd/2 + i.
torch::Tensor interleaveHeads(const torch::Tensor& t, int64_t heads) {
    const auto shape = t.sizes().vec();
    const int64_t half = t.size(0) / heads / 2;
    std::vector<int64_t> view = {heads, 2, half};
    for (size_t i = 1; i < shape.size(); ++i) view.push_back(shape[i]);
    return t.reshape(view).transpose(1, 2).reshape(shape).contiguous();
}

TensorType matrixType(const std::string& type) {
    if (type == "f32") return TensorType::F32;
    if (type == "bf16") return TensorType::BF16;
    if (type == "q8_0") return TensorType::Q8_0;
    return TensorType::F16;
}

gguf::FileType fileType(const std::string& type) {
    if (type == "f32") return gguf::FileType::AllF32;
    if (type == "bf16") return gguf::FileType::MostlyBF16;
    if (type == "q8_0") return gguf::FileType::MostlyQ8_0;
    return gguf::FileType::MostlyF16;
}

void encode(const torch::Tensor& t, TensorType type, const std::string& name, std::vector<uint8_t>& out) {
    auto f = t.to(torch::kCPU, torch::kFloat32).contiguous();
    if (!torch::isfinite(f).all().item<bool>())
        throw Error("tensor " + name + " holds NaN or infinite values", "the model is broken; nothing was written");
    torch::Tensor stored;
    switch (type) {
    case TensorType::F32: stored = f; break;
    case TensorType::F16: stored = f.to(torch::kFloat16); break;
    case TensorType::BF16: stored = f.to(torch::kBFloat16); break;
    case TensorType::Q8_0:
        out.resize(size_t(f.numel()) / gguf::kQ8_0Block * gguf::kQ8_0BlockBytes);
        gguf::quantizeQ8_0(f.data_ptr<float>(), size_t(f.numel()), out.data());
        return;
    }
    out.resize(size_t(stored.numel() * stored.element_size()));
    std::memcpy(out.data(), stored.data_ptr(), out.size());
}

void setHyperParameters(gguf::Writer& w, const std::string& arch, const LlamaConfig& c) {
    using gguf::Value;
    const auto key = [&](const char* k) { return arch + "." + k; };
    w.set(key("context_length"), Value::u32(uint32_t(c.maxPositions)));
    w.set(key("embedding_length"), Value::u32(uint32_t(c.hiddenSize)));
    w.set(key("block_count"), Value::u32(uint32_t(c.numLayers)));
    w.set(key("feed_forward_length"), Value::u32(uint32_t(c.intermediateSize)));
    w.set(key("attention.head_count"), Value::u32(uint32_t(c.numHeads)));
    w.set(key("attention.head_count_kv"), Value::u32(uint32_t(c.numKvHeads)));
    w.set(key("attention.layer_norm_rms_epsilon"), Value::f32(float(c.rmsNormEps)));
    w.set(key("rope.freq_base"), Value::f32(float(c.ropeTheta)));
    w.set(key("rope.dimension_count"), Value::u32(uint32_t(c.headDim)));
    w.set(key("vocab_size"), Value::u32(uint32_t(c.vocabSize)));
    if (c.headDim * c.numHeads != c.hiddenSize) {
        w.set(key("attention.key_length"), Value::u32(uint32_t(c.headDim)));
        w.set(key("attention.value_length"), Value::u32(uint32_t(c.headDim)));
    }
    if (c.ropeScaling == RopeScaling::Linear) {
        w.set(key("rope.scaling.type"), Value::string("linear"));
        w.set(key("rope.scaling.factor"), Value::f32(float(c.ropeFactor)));
    }
}

std::string architectureOf(const LlamaConfig& c) {
    if (c.modelType == "qwen2") return "qwen2";
    if (c.modelType == "llama" || c.modelType == "mistral") return "llama";
    throw Error("model_type \"" + c.modelType + "\" has no GGUF architecture here (llama, mistral and qwen2 do)");
}

std::string nameFor(const GgufOptions& options, const std::string& outPath) {
    if (!options.name.empty()) return options.name;
    std::string name = fs::path(outPath).filename().string();
    if (name.size() > 5 && name.substr(name.size() - 5) == ".gguf") name.resize(name.size() - 5);
    return name;
}

void createParentFolder(const std::string& outPath) {
    std::error_code ec;
    const fs::path parent = fs::path(outPath).parent_path();
    if (!parent.empty()) fs::create_directories(parent, ec);
    if (ec) throw Error("cannot create " + parent.string() + ": " + ec.message());
}

} // namespace

void validateGgufType(const std::string& type) {
    if (type != "f32" && type != "f16" && type != "bf16" && type != "q8_0")
        throw Error("GGUF type \"" + type + "\" is not one of f32, f16, bf16, q8_0");
}

std::string ggufTensorName(const std::string& hf) {
    if (hf == "model.embed_tokens.weight") return "token_embd.weight";
    if (hf == "model.norm.weight") return "output_norm.weight";
    if (hf == "lm_head.weight") return "output.weight";
    const std::string prefix = "model.layers.";
    if (hf.rfind(prefix, 0) == 0) {
        const size_t dot = hf.find('.', prefix.size());
        const std::string layer = hf.substr(prefix.size(), dot - prefix.size());
        const std::string rest = hf.substr(dot + 1);
        for (const auto& [from, to] : kLayerNames) {
            const std::string f = from;
            if (rest == f + ".weight") return "blk." + layer + "." + to + ".weight";
            if (rest == f + ".bias") return "blk." + layer + "." + to + ".bias";
        }
    }
    throw Error("tensor " + hf + " has no GGUF name");
}

GgufExportResult exportGguf(const ExportSource& s, const std::string& outPath, const GgufOptions& options) {
    GgufExportResult result;
    result.path = outPath;
    try {
        validateGgufType(options.type);
        if (fs::exists(outPath) && !options.overwrite)
            throw Error(outPath + " already exists", "choose another file name; nothing was overwritten");
        const std::string tokenizerDir = s.tokenizerDir.empty() ? s.modelDir : s.tokenizerDir;

        // Merge in float32, as for the merged Hugging Face export.
        LoadedModel m = loadModel(s.modelDir, {torch::kCPU, torch::kFloat32});
        if (!s.adapterDir.empty()) {
            loadAdapter(s.adapterDir, m.model);
            mergeLora(m.model);
        }
        const LlamaConfig& c = m.config;
        result.architecture = architectureOf(c);
        const bool interleave = result.architecture == "llama";
        if (c.slidingWindow > 0 && c.slidingWindow < c.maxPositions)
            result.warnings.push_back(
                format("the model attends within a sliding window of %lld tokens; llama.cpp's llama "
                       "architecture attends to the whole context, so prompts longer than the window differ",
                       (long long)c.slidingWindow));
        if (c.mlpBias) throw Error("the model has MLP biases, which GGUF's llama architecture does not load");

        gguf::Writer w;
        w.set("general.architecture", gguf::Value::string(result.architecture));
        w.set("general.type", gguf::Value::string("model"));
        w.set("general.name", gguf::Value::string(nameFor(options, outPath)));
        w.set("general.file_type", gguf::Value::u32(uint32_t(fileType(options.type))));
        if (options.type == "q8_0") w.set("general.quantization_version", gguf::Value::u32(2));
        setHyperParameters(w, result.architecture, c);

        const auto tokenizer = Tokenizer::load(tokenizerDir);
        const std::string chatTemplate = ChatTemplate::forTokenizer(*tokenizer, s.chatTemplate).source();
        const gguf::Vocab vocab = gguf::readVocab(tokenizerDir, c.vocabSize, m.eosTokenIds);
        gguf::writeVocab(w, vocab, chatTemplate);
        for (const auto& warning : vocab.warnings) result.warnings.push_back(warning);

        if (c.ropeScaling == RopeScaling::Llama3) {
            LlamaConfig plain = c;
            plain.ropeScaling = RopeScaling::None;
            const torch::Tensor factors = ropeInverseFrequencies(plain) / ropeInverseFrequencies(c);
            w.addTensor("rope_freqs.weight", {uint64_t(factors.numel())}, TensorType::F32,
                        [factors](std::vector<uint8_t>& out) { encode(factors, TensorType::F32, "rope_freqs.weight", out); });
        }
        const TensorType matrix = matrixType(options.type);
        for (const auto& p : m.model->named_parameters()) {
            const std::string hf = p.key();
            const std::string gname = ggufTensorName(hf);
            torch::Tensor t = p.value().detach();
            std::vector<uint64_t> ne;
            for (int64_t d = t.dim() - 1; d >= 0; --d) ne.push_back(uint64_t(t.size(d)));
            TensorType type = t.dim() == 1 ? TensorType::F32 : matrix;
            if (type == TensorType::Q8_0 && ne[0] % gguf::kQ8_0Block != 0) {
                type = TensorType::F16; // as llama.cpp's converter does for rows that are not whole blocks
                result.warnings.push_back(gname + " is stored as F16: its rows are not a multiple of 32 values");
            }
            int64_t heads = 0;
            if (interleave && hf.find("self_attn.q_proj.") != std::string::npos) heads = c.numHeads;
            if (interleave && hf.find("self_attn.k_proj.") != std::string::npos) heads = c.numKvHeads;
            w.addTensor(gname, ne, type, [t, heads, type, gname](std::vector<uint8_t>& out) {
                encode(heads ? interleaveHeads(t, heads) : t, type, gname, out);
            });
        }
        createParentFolder(outPath);
        result.tensors = w.tensorCount();
        result.bytes = w.write(outPath);
    } catch (...) {
        rethrowWithContext("exporting GGUF to " + outPath);
    }
    return result;
}

GgufExportResult exportGgufAdapter(const ExportSource& s, const std::string& outPath, const GgufOptions& options) {
    GgufExportResult result;
    result.path = outPath;
    try {
        validateGgufType(options.type);
        if (options.type == "q8_0") throw Error("a GGUF adapter is written as f32, f16 or bf16 (its B matrices have rank-sized rows)");
        if (fs::exists(outPath) && !options.overwrite)
            throw Error(outPath + " already exists", "choose another file name; nothing was overwritten");
        if (s.adapterDir.empty()) throw Error("no adapter to export");
        const LlamaConfig c = LlamaConfig::fromFile(s.modelDir + "/config.json");
        result.architecture = architectureOf(c);
        const LoraConfig lora =
            LoraConfig::fromPeftJson(readFile(s.adapterDir + "/adapter_config.json"), s.adapterDir + "/adapter_config.json");
        std::map<std::string, std::vector<int64_t>> baseShapes;
        for (const auto& [name, shape] : expectedTensors(c)) baseShapes[name] = shape;

        gguf::Writer w;
        w.set("general.architecture", gguf::Value::string(result.architecture));
        w.set("general.type", gguf::Value::string("adapter"));
        w.set("general.name", gguf::Value::string(nameFor(options, outPath)));
        w.set("adapter.type", gguf::Value::string("lora"));
        // llama.cpp scales by alpha / rank; this alpha gives the adapter's own scaling (rsLoRA included).
        w.set("adapter.lora.alpha", gguf::Value::f32(float(lora.scaling() * double(lora.r))));

        const auto file = std::make_shared<SafetensorsFile>(s.adapterDir + "/adapter_model.safetensors");
        const std::string prefix = "base_model.model.";
        const TensorType type = matrixType(options.type);
        for (const auto& e : file->entries()) {
            const std::string suffixA = ".lora_A.weight", suffixB = ".lora_B.weight";
            const auto endsWith = [&](const std::string& suffix) {
                return e.name.size() > suffix.size() && e.name.compare(e.name.size() - suffix.size(), suffix.size(), suffix) == 0;
            };
            const bool isA = endsWith(suffixA), isB = endsWith(suffixB);
            if (e.name.rfind(prefix, 0) != 0 || (!isA && !isB) || e.shape.size() != 2)
                throw Error(file->path() + ": tensor " + e.name + " is not a LoRA A or B matrix of a projection");
            const std::string module = e.name.substr(prefix.size(), e.name.size() - prefix.size() - suffixA.size());
            const auto base = baseShapes.find(module + ".weight");
            if (base == baseShapes.end())
                throw Error(file->path() + ": tensor " + e.name + " adapts " + module + ", which the base model does not have");
            const int64_t expectOut = isA ? lora.r : base->second[0], expectIn = isA ? base->second[1] : lora.r;
            if (e.shape[0] != expectOut || e.shape[1] != expectIn)
                throw Error(format("%s: tensor %s is [%lld, %lld], not [%lld, %lld] as r %lld and the base model's %s need",
                                   file->path().c_str(), e.name.c_str(), (long long)e.shape[0], (long long)e.shape[1], (long long)expectOut,
                                   (long long)expectIn, (long long)lora.r, module.c_str()));
            int64_t heads = 0; // B's rows are the projection's outputs: q/k rows take llama.cpp's order
            if (isB && result.architecture == "llama" && module.find("self_attn.q_proj") != std::string::npos) heads = c.numHeads;
            if (isB && result.architecture == "llama" && module.find("self_attn.k_proj") != std::string::npos) heads = c.numKvHeads;
            const std::string gname = ggufTensorName(module + ".weight") + (isA ? ".lora_a" : ".lora_b");
            const std::string name = e.name;
            w.addTensor(gname, {uint64_t(e.shape[1]), uint64_t(e.shape[0])}, type,
                        [file, name, heads, type, gname](std::vector<uint8_t>& out) {
                            const torch::Tensor t = file->tensor(name);
                            encode(heads ? interleaveHeads(t, heads) : t, type, gname, out);
                        });
        }
        if (w.tensorCount() == 0) throw Error(file->path() + " holds no LoRA tensors");
        createParentFolder(outPath);
        result.tensors = w.tensorCount();
        result.bytes = w.write(outPath);
    } catch (...) {
        rethrowWithContext("exporting the GGUF adapter to " + outPath);
    }
    return result;
}

} // namespace ft
