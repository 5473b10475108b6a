// A model folder's tokenizer as GGUF metadata that splits text into the same ids as ours.
#include "gguf/gguf_vocab.h"

#include "gguf/spm_model_proto.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <nlohmann/json.hpp>
#include <unordered_map>

namespace ft::gguf {

namespace {

using json = nlohmann::json;

// The regexes of the pre-tokenizers llama.cpp knows by name, as tokenizer.json files spell them.
const char* kLlama3Regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
const char* kQwen2Regex =
    "(?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\\r\\n\\p{L}\\p{N}]?\\p{L}+|\\p{N}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";

// The pre-tokenizer as a signature: "split:REGEX", "bytelevel:regex" (GPT-2's own regex) or
// "bytelevel", "digits:individual", one per step.
void signature(const json& p, std::vector<std::string>& out) {
    if (!p.is_object()) return;
    const std::string type = p.value("type", "");
    if (type == "Sequence") {
        for (const auto& q : p.value("pretokenizers", json::array())) signature(q, out);
    } else if (type == "Split") {
        const auto& pattern = p.value("pattern", json::object());
        out.push_back("split:" +
                      (pattern.contains("Regex") ? pattern["Regex"].get<std::string>() : "string:" + pattern.value("String", "")));
    } else if (type == "ByteLevel") {
        out.push_back(p.value("use_regex", true) ? "bytelevel:regex" : "bytelevel");
    } else if (type == "Digits") {
        out.push_back(p.value("individual_digits", false) ? "digits:individual" : "digits");
    } else {
        out.push_back(type);
    }
}

bool isByteLevel(const json& tok) {
    std::vector<std::string> sig;
    signature(tok.value("pre_tokenizer", json()), sig);
    for (const auto& s : sig)
        if (s.rfind("bytelevel", 0) == 0) return true;
    const json& decoder = tok.value("decoder", json());
    return decoder.is_object() && decoder.value("type", "") == "ByteLevel";
}

// Prepend "▁" in the normalizer, or a Metaspace pre-tokenizer that prepends.
bool prependsSpace(const json& tok) {
    const std::string text = tok.value("normalizer", json()).dump() + tok.value("pre_tokenizer", json()).dump();
    if (text.find("\"Prepend\"") != std::string::npos) return true;
    const json& pre = tok.value("pre_tokenizer", json());
    if (pre.is_object() && pre.value("type", "") == "Metaspace")
        return pre.value("prepend_scheme", pre.value("add_prefix_space", true) ? "always" : "never") != "never";
    return false;
}

std::string mergeText(const json& m) {
    if (m.is_string()) return m.get<std::string>();
    if (m.is_array() && m.size() == 2) return m[0].get<std::string>() + " " + m[1].get<std::string>();
    throw Error("a merge is neither \"a b\" nor [\"a\", \"b\"]");
}

bool isByteToken(const std::string& t) {
    return t.size() == 6 && t.compare(0, 3, "<0x") == 0 && t[5] == '>' && std::isxdigit((unsigned char)t[3]) &&
           std::isxdigit((unsigned char)t[4]);
}

void fromTokenizerJson(const std::string& path, Vocab& v) {
    const json tok = readJsonFile(path);
    const json& model = tok.at("model");
    if (model.value("type", "BPE") != "BPE")
        throw Error(path + ": a " + model.value("type", "") + " tokenizer cannot be written to GGUF yet (BPE tokenizers can)");
    const json& vocab = model.at("vocab");
    int64_t size = 0;
    for (const auto& [token, id] : vocab.items()) size = std::max<int64_t>(size, id.get<int64_t>() + 1);
    for (const auto& a : tok.value("added_tokens", json::array())) size = std::max<int64_t>(size, a.at("id").get<int64_t>() + 1);
    v.tokens.assign(size_t(size), "");
    v.types.assign(size_t(size), Unused);
    for (const auto& [token, id] : vocab.items()) {
        v.tokens[size_t(id.get<int64_t>())] = token;
        v.types[size_t(id.get<int64_t>())] = Normal;
    }
    const bool byteLevel = isByteLevel(tok);
    if (!model.value("unk_token", json()).is_null()) {
        const auto it = vocab.find(model["unk_token"].get<std::string>());
        if (it != vocab.end()) v.unk = it->get<int32_t>();
    }
    if (v.unk >= 0) v.types[size_t(v.unk)] = Unknown;
    if (!byteLevel && model.value("byte_fallback", false))
        for (size_t i = 0; i < v.tokens.size(); ++i)
            if (isByteToken(v.tokens[i])) v.types[i] = Byte;
    for (const auto& a : tok.value("added_tokens", json::array())) {
        const size_t id = a.at("id").get<size_t>();
        v.tokens[id] = a.at("content").get<std::string>();
        if (int32_t(id) != v.unk) v.types[id] = a.value("special", false) ? Control : UserDefined;
    }
    for (size_t i = 0; i < v.tokens.size(); ++i)
        if (v.tokens[i].empty()) v.tokens[i] = "[PAD" + std::to_string(i) + "]";

    std::vector<std::string> merges;
    for (const auto& m : model.value("merges", json::array())) merges.push_back(mergeText(m));
    if (byteLevel) {
        v.model = "gpt2";
        v.merges = std::move(merges);
        const json& pre = tok.value("pre_tokenizer", json());
        v.pre = preTokenizerName(pre.dump());
        if (v.pre.empty()) {
            v.pre = "default";
            v.warnings.push_back(
                "llama.cpp does not know this tokenizer's pre-tokenizer by name; it will split text "
                "with its default rules, so some texts may get other tokens than in training");
        }
    } else {
        // SentencePiece-style BPE: llama.cpp merges the pair whose result scores highest, so a token
        // made by merge rank r scores -r (earlier merges win, as in the file's order).
        v.model = "llama";
        v.scores.assign(v.tokens.size(), 0.0f);
        std::unordered_map<std::string, size_t> ids;
        for (size_t i = 0; i < v.tokens.size(); ++i) ids.emplace(v.tokens[i], i);
        for (size_t r = 0; r < merges.size(); ++r) {
            const auto space = merges[r].find(' ');
            const auto it = ids.find(merges[r].substr(0, space) + merges[r].substr(space + 1));
            if (it != ids.end() && v.scores[it->second] == 0.0f) v.scores[it->second] = -float(r + 1);
        }
        v.addSpacePrefix = prependsSpace(tok);
    }
}

void fromSpmModel(const std::string& path, Vocab& v) {
    const SpmModelProto m = parseSpmModel(readFile(path), path);
    if (m.modelType != 2)
        v.warnings.push_back(
            "the SentencePiece model is not BPE (it is a unigram model); llama.cpp splits text with "
            "BPE-style merges by score, which can choose other pieces than SentencePiece does");
    v.model = "llama";
    for (const auto& p : m.pieces) {
        v.tokens.push_back(p.piece);
        v.scores.push_back(p.score);
        v.types.push_back(p.type);
        if (p.type == Unknown && v.unk < 0) v.unk = int32_t(v.tokens.size() - 1);
    }
    v.addSpacePrefix = m.addDummyPrefix;
}

} // namespace

std::string preTokenizerName(const std::string& preTokenizerJson) {
    std::vector<std::string> sig;
    signature(json::parse(preTokenizerJson, nullptr, false), sig);
    const auto is = [&](std::vector<std::string> want) { return sig == want; };
    if (is({std::string("split:") + kLlama3Regex, "bytelevel"})) return "llama-bpe";
    if (is({std::string("split:") + kQwen2Regex, "bytelevel"})) return "qwen2";
    if (is({"bytelevel:regex"})) return "gpt-2";
    if (is({"digits:individual", "bytelevel:regex"})) return "smollm";
    if (sig.size() == 4 && sig[0] == "split:\\p{N}{1,3}" && sig[1] == "split:[\u4e00-\u9fa5\u3040-\u309f\u30a0-\u30ff]+" &&
        sig[2].rfind("split:[!\"#$%&'()*+,\\-./:;<=>?@", 0) == 0 && sig[3] == "bytelevel")
        return "deepseek-v3";
    return "";
}

Vocab readVocab(const std::string& dir, int64_t modelVocabSize, const std::vector<int64_t>& eosIds) {
    Vocab v;
    try {
        const std::string jsonPath = dir + "/tokenizer.json", spmPath = dir + "/tokenizer.model";
        // tokenizer.json first, as the engine's tokenizer loads it: the file must split text into the
        // ids training saw. (Where both exist they can differ: Mistral's tokenizer.json, converted by
        // transformers, splits runs of spaces otherwise than its tokenizer.model. llama.cpp then
        // follows the scores it is given; tests/reference/test_ref_gguf checks that.)
        const bool useJson = fileExists(jsonPath);
        if (useJson) fromTokenizerJson(jsonPath, v);
        else if (fileExists(spmPath)) fromSpmModel(spmPath, v);
        else throw Error(dir + " has neither tokenizer.json nor tokenizer.model");

        // Tokens added through tokenizer_config.json beyond tokenizer.model's pieces.
        const auto tokenizer = Tokenizer::load(dir);
        for (int32_t id = int32_t(v.tokens.size()); id < tokenizer->vocabSize(); ++id) {
            v.tokens.push_back(tokenizer->idToToken(id));
            v.types.push_back(tokenizer->isSpecial(id) ? Control : UserDefined);
            if (!v.scores.empty()) v.scores.push_back(0.0f);
        }
        for (int32_t id = 0; id < int32_t(v.tokens.size()); ++id)
            if (tokenizer->isSpecial(id) && v.types[size_t(id)] == Normal) v.types[size_t(id)] = Control;

        if (int64_t(v.tokens.size()) > modelVocabSize)
            throw Error(
                format("the tokenizer has %zu tokens but the model's embedding only %lld rows", v.tokens.size(), (long long)modelVocabSize),
                "GGUF needs one embedding row per token; use the tokenizer the model was trained with");
        while (int64_t(v.tokens.size()) < modelVocabSize) {
            v.tokens.push_back("[PAD" + std::to_string(v.tokens.size()) + "]");
            v.types.push_back(Unused);
            if (!v.scores.empty()) v.scores.push_back(0.0f);
        }

        const TokenizerConfig& c = tokenizer->config();
        v.bos = c.bosId;
        v.eos = c.eosId >= 0 ? c.eosId : (eosIds.empty() ? -1 : int32_t(eosIds.front()));
        for (int64_t id : eosIds)
            if (id != v.eos) {
                v.eot = int32_t(id);
                break;
            }
        v.pad = c.padId;
        if (v.unk < 0 && c.unkId >= 0 && size_t(c.unkId) < v.types.size()) {
            // Named only in tokenizer_config.json (tokenizer.json files converted by transformers 5).
            v.unk = c.unkId;
            v.types[size_t(v.unk)] = Unknown;
        }
        // Whether BOS/EOS are added: what the tokenizer's post-processor does, unless tokenizer_config.json
        // says so explicitly (transformers' Llama tokenizers rebuild the post-processor from it).
        const auto with = tokenizer->encode("a", true), without = tokenizer->encode("a", false);
        v.addBos = v.bos >= 0 && !with.empty() && with.front() == v.bos && (without.empty() || without.front() != v.bos);
        v.addEos = v.eos >= 0 && !with.empty() && with.back() == v.eos && (without.empty() || without.back() != v.eos);
        if (fileExists(dir + "/tokenizer_config.json")) {
            const json config = readJsonFile(dir + "/tokenizer_config.json");
            if (config.contains("add_bos_token") && config["add_bos_token"].is_boolean())
                v.addBos = v.bos >= 0 && config["add_bos_token"].get<bool>();
            if (config.contains("add_eos_token") && config["add_eos_token"].is_boolean())
                v.addEos = v.eos >= 0 && config["add_eos_token"].get<bool>();
        }
    } catch (...) {
        rethrowWithContext("reading the tokenizer in " + dir + " for GGUF");
    }
    return v;
}

void writeVocab(Writer& w, const Vocab& v, const std::string& chatTemplate) {
    w.set("tokenizer.ggml.model", Value::string(v.model));
    if (v.model == "gpt2") w.set("tokenizer.ggml.pre", Value::string(v.pre));
    else w.set("tokenizer.ggml.pre", Value::string("default"));
    w.set("tokenizer.ggml.tokens", Value::stringArray(v.tokens));
    if (!v.scores.empty()) w.set("tokenizer.ggml.scores", Value::f32Array(v.scores));
    w.set("tokenizer.ggml.token_type", Value::i32Array(v.types));
    if (!v.merges.empty()) w.set("tokenizer.ggml.merges", Value::stringArray(v.merges));
    if (v.bos >= 0) w.set("tokenizer.ggml.bos_token_id", Value::u32(uint32_t(v.bos)));
    if (v.eos >= 0) w.set("tokenizer.ggml.eos_token_id", Value::u32(uint32_t(v.eos)));
    if (v.eot >= 0) w.set("tokenizer.ggml.eot_token_id", Value::u32(uint32_t(v.eot)));
    if (v.unk >= 0) w.set("tokenizer.ggml.unknown_token_id", Value::u32(uint32_t(v.unk)));
    if (v.pad >= 0) w.set("tokenizer.ggml.padding_token_id", Value::u32(uint32_t(v.pad)));
    w.set("tokenizer.ggml.add_bos_token", Value::boolean(v.addBos));
    w.set("tokenizer.ggml.add_eos_token", Value::boolean(v.addEos));
    if (v.model == "llama") w.set("tokenizer.ggml.add_space_prefix", Value::boolean(v.addSpacePrefix));
    if (!chatTemplate.empty()) w.set("tokenizer.chat_template", Value::string(chatTemplate));
}

} // namespace ft::gguf
