// Tokenizer: a model folder's tokenizer (tokenizer.json or tokenizer.model) and its special tokens.
#include "tokenizer/tokenizer.h"

#include "io/atomic_file.h"
#include "io/json_file.h"
#include "tokenizer/hf_tokenizer.h"
#include "tokenizer/spm_tokenizer.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <sys/stat.h>

namespace ft {

namespace {

// A special token in tokenizer_config.json is a string or {"content": ...}.
std::string tokenText(const nlohmann::json& j, const char* key) {
    if (!j.contains(key)) return {};
    const auto& v = j[key];
    if (v.is_string()) return v.get<std::string>();
    if (v.is_object() && v.contains("content") && v["content"].is_string()) return v["content"].get<std::string>();
    return {};
}

void readTemplates(const nlohmann::json& ct, TokenizerConfig& c, const std::string& src) {
    if (ct.is_string()) {
        c.chatTemplate = ct.get<std::string>();
    } else if (ct.is_array()) { // [{"name": "default", "template": "..."}, ...]
        for (const auto& t : ct) {
            if (!t.contains("name") || !t.contains("template")) throw Error(src + ": chat_template list entries need name and template");
            const std::string name = t["name"].get<std::string>();
            if (name == "default") c.chatTemplate = t["template"].get<std::string>();
            else c.namedTemplates[name] = t["template"].get<std::string>();
        }
    } else if (!ct.is_null()) {
        throw Error(src + ": chat_template must be a string or a list of {name, template}");
    }
}

} // namespace

TokenizerConfig readTokenizerConfig(const std::string& dir) {
    TokenizerConfig c;
    const std::string path = dir + "/tokenizer_config.json";
    if (fileExists(path)) {
        nlohmann::json j = readJsonFile(path);
        c.bosToken = tokenText(j, "bos_token");
        c.eosToken = tokenText(j, "eos_token");
        c.padToken = tokenText(j, "pad_token");
        c.unkToken = tokenText(j, "unk_token");
        if (j.contains("add_bos_token") && j["add_bos_token"].is_boolean()) c.addBosToken = j["add_bos_token"].get<bool>();
        if (j.contains("add_eos_token") && j["add_eos_token"].is_boolean()) c.addEosToken = j["add_eos_token"].get<bool>();
        if (j.contains("chat_template")) readTemplates(j["chat_template"], c, path);
    }
    // Newer repositories keep the template in its own file; it takes precedence.
    if (fileExists(dir + "/chat_template.jinja")) c.chatTemplate = readFile(dir + "/chat_template.jinja");
    else if (fileExists(dir + "/chat_template.json")) {
        const std::string p = dir + "/chat_template.json";
        nlohmann::json j = readJsonFile(p);
        if (j.contains("chat_template")) readTemplates(j["chat_template"], c, p);
    }
    return c;
}

std::shared_ptr<const Tokenizer> Tokenizer::load(const std::string& dir) {
    try {
        std::shared_ptr<Tokenizer> t;
        if (fileExists(dir + "/tokenizer.json")) t = std::make_shared<HfTokenizer>(dir + "/tokenizer.json", dir);
        else if (fileExists(dir + "/tokenizer.model")) t = std::make_shared<SpmTokenizer>(dir + "/tokenizer.model", dir);
        else throw Error(dir + " holds no tokenizer.json or tokenizer.model", "copy the tokenizer files of the model into the folder");
        t->m_config = readTokenizerConfig(dir);
        TokenizerConfig& c = t->m_config;
        c.bosId = c.bosToken.empty() ? -1 : t->tokenToId(c.bosToken);
        c.eosId = c.eosToken.empty() ? -1 : t->tokenToId(c.eosToken);
        c.padId = c.padToken.empty() ? -1 : t->tokenToId(c.padToken);
        c.unkId = c.unkToken.empty() ? -1 : t->tokenToId(c.unkToken);
        return t;
    } catch (...) {
        rethrowWithContext("loading tokenizer " + dir);
    }
}

StreamingDecoder::StreamingDecoder(const Tokenizer& tokenizer, bool skipSpecialTokens)
    : m_tokenizer(tokenizer), m_skipSpecial(skipSpecialTokens) {}

std::string StreamingDecoder::push(int32_t id) {
    m_ids.push_back(id);
    const std::vector<int32_t> window(m_ids.begin() + long(m_prefixStart), m_ids.end());
    const std::string text = m_tokenizer.decode(window, m_skipSpecial);
    // Hold back while the text ends in a replacement character: more bytes may complete it.
    if (text.size() >= 3 && text.compare(text.size() - 3, 3, "\xEF\xBF\xBD") == 0) return {};
    if (text.size() <= m_emittedBytes) return {};
    std::string fresh = text.substr(m_emittedBytes);
    m_emittedBytes = text.size();
    // Keep a short window of context (decoders strip leading spaces, merge byte tokens); settle the
    // rest. The new window must not start inside a run of byte-fallback tokens ("<0xE4>"...), which
    // decode as one unit.
    if (m_ids.size() - m_prefixStart > 8) {
        auto isByteToken = [&](int32_t id) {
            const std::string t = m_tokenizer.idToToken(id);
            return t.size() == 6 && t.compare(0, 3, "<0x") == 0 && t[5] == '>';
        };
        size_t start = m_ids.size() - 4;
        while (start > m_prefixStart && isByteToken(m_ids[start])) --start;
        if (start > m_prefixStart) {
            m_prefixStart = start;
            const std::vector<int32_t> tail(m_ids.begin() + long(m_prefixStart), m_ids.end());
            m_emittedBytes = m_tokenizer.decode(tail, m_skipSpecial).size();
        }
    }
    return fresh;
}

std::string StreamingDecoder::finish() {
    const std::vector<int32_t> window(m_ids.begin() + long(m_prefixStart), m_ids.end());
    const std::string text = m_tokenizer.decode(window, m_skipSpecial);
    std::string rest = text.size() > m_emittedBytes ? text.substr(m_emittedBytes) : std::string();
    m_emittedBytes = text.size();
    return rest;
}

} // namespace ft
