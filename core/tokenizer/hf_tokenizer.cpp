// HfTokenizer: a tokenizer.json's pipeline (normalizer, pre-tokenizer, model, decoder) put
// together.
#include "tokenizer/hf_tokenizer.h"

#include "io/json_file.h"
#include "util/error.h"

#include <nlohmann/json.hpp>

namespace ft {

HfTokenizer::HfTokenizer(const std::string& path, const std::string& dir) {
    m_dir = dir;
    nlohmann::json j = readJsonFile(path);
    try {
        if (!j.is_object() || !j.contains("model") || !j["model"].is_object())
            throw Error(path + ": no \"model\" object; this is not a tokenizer.json");
        const std::string type = j["model"].value("type", std::string("BPE"));
        if (type != "BPE")
            throw Error(path + ": tokenizer model type \"" + type + "\" is not supported",
                        "only BPE tokenizers (Llama, Mistral, Qwen, Gemma, SmolLM, DeepSeek...) are supported");
        m_model = std::make_unique<BpeModel>(j["model"], path);
        m_normalizer = Normalizer::fromJson(j.value("normalizer", nlohmann::json()), path);
        m_preTokenizer = PreTokenizer::fromJson(j.value("pre_tokenizer", nlohmann::json()), path);
        m_decoder = Decoder::fromJson(j.value("decoder", nlohmann::json()), path);
        if (j.contains("added_tokens") && j["added_tokens"].is_array()) {
            for (const auto& a : j["added_tokens"]) {
                AddedToken t;
                t.id = a.at("id").get<int32_t>();
                t.content = a.at("content").get<std::string>();
                t.special = a.value("special", false);
                t.lstrip = a.value("lstrip", false);
                t.rstrip = a.value("rstrip", false);
                t.singleWord = a.value("single_word", false);
                t.normalized = a.value("normalized", false);
                m_added.add(t);
            }
        }
        readPostProcessor(j.value("post_processor", nlohmann::json()), path);
    } catch (const nlohmann::json::exception& e) {
        throw Error(format("%s: unexpected structure: %s", path.c_str(), e.what()));
    } catch (const Error& e) {
        if (std::string(e.what()).find(path) != std::string::npos) throw;
        throw Error(path + ": " + e.what(), e.hint()); // e.g. a regex the engine cannot compile
    }
    m_kind = m_model->byteFallback() ? "tokenizer.json (BPE, SentencePiece-style)" : "tokenizer.json (BPE, byte-level)";
}

void HfTokenizer::readPostProcessor(const nlohmann::json& j, const std::string& src) {
    if (j.is_null()) return;
    const std::string type = j.value("type", "");
    if (type == "ByteLevel") return; // affects offsets only
    if (type == "Sequence") {
        for (const auto& p : j.at("processors")) readPostProcessor(p, src);
        return;
    }
    if (type == "TemplateProcessing") {
        m_template.clear();
        const auto& specials = j.value("special_tokens", nlohmann::json::object());
        for (const auto& item : j.at("single")) {
            if (item.contains("Sequence")) {
                m_template.push_back({true, {}});
            } else if (item.contains("SpecialToken")) {
                const std::string name = item["SpecialToken"].at("id").get<std::string>();
                if (!specials.contains(name)) throw Error(src + ": post_processor uses special token \"" + name + "\" without defining it");
                m_template.push_back({false, specials[name].at("ids").get<std::vector<int32_t>>()});
            }
        }
        return;
    }
    if (type == "BertProcessing" || type == "RobertaProcessing") {
        m_template = {{false, {j.at("cls").at(1).get<int32_t>()}}, {true, {}}, {false, {j.at("sep").at(1).get<int32_t>()}}};
        return;
    }
    throw Error(src + ": post-processor \"" + type + "\" is not supported");
}

std::vector<int32_t> HfTokenizer::encode(const std::string& text, bool addSpecialTokens) const {
    std::vector<int32_t> ids;
    for (const Segment& seg : m_added.split(text)) {
        if (seg.id >= 0) {
            ids.push_back(seg.id);
            continue;
        }
        std::string part = text.substr(seg.begin, seg.end - seg.begin);
        if (m_normalizer) part = m_normalizer->normalize(part);
        std::vector<Piece> pieces{{part, seg.begin == 0}};
        if (m_preTokenizer) m_preTokenizer->apply(pieces);
        for (const auto& p : pieces) m_model->encode(p.text, ids);
    }
    if (!addSpecialTokens || m_template.empty()) return ids;
    std::vector<int32_t> out;
    for (const auto& part : m_template) {
        if (part.isSequence) out.insert(out.end(), ids.begin(), ids.end());
        else out.insert(out.end(), part.ids.begin(), part.ids.end());
    }
    return out;
}

std::string HfTokenizer::decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const {
    std::vector<std::string> tokens;
    tokens.reserve(ids.size());
    for (int32_t id : ids) {
        if (const AddedToken* a = m_added.byId(id)) {
            if (skipSpecialTokens && a->special) continue;
            tokens.push_back(a->content);
        } else {
            const std::string& t = m_model->idToToken(id);
            if (!t.empty()) tokens.push_back(t);
        }
    }
    if (m_decoder) m_decoder->decodeChain(tokens);
    std::string out;
    for (const auto& t : tokens) out += t;
    return out;
}

int32_t HfTokenizer::vocabSize() const {
    int32_t n = int32_t(m_model->vocabSize());
    for (const auto& t : m_added.tokens()) n = std::max(n, t.id + 1);
    return n;
}

int32_t HfTokenizer::tokenToId(const std::string& token) const {
    if (const AddedToken* a = m_added.byContent(token)) return a->id;
    return m_model->tokenToId(token);
}

std::string HfTokenizer::idToToken(int32_t id) const {
    if (const AddedToken* a = m_added.byId(id)) return a->content;
    return m_model->idToToken(id);
}

bool HfTokenizer::isSpecial(int32_t id) const {
    const AddedToken* a = m_added.byId(id);
    return a && a->special;
}

} // namespace ft
