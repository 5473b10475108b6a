// The normalizers of tokenizer.json.
#include "tokenizer/normalizer.h"

#include "tokenizer/regex.h"
#include "tokenizer/unicode.h"
#include "util/error.h"
#include "util/strings.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace ft {

namespace {

class SequenceNormalizer final : public Normalizer {
public:
    std::vector<std::unique_ptr<Normalizer>> parts;
    std::string normalize(const std::string& text) const override {
        std::string s = text;
        for (const auto& p : parts) s = p->normalize(s);
        return s;
    }
};

class NfcNormalizer final : public Normalizer {
public:
    std::string normalize(const std::string& text) const override { return unicode::nfc(text); }
};

class NfdNormalizer final : public Normalizer {
public:
    std::string normalize(const std::string& text) const override { return unicode::nfd(text); }
};

class PrependNormalizer final : public Normalizer {
public:
    std::string prefix;
    std::string normalize(const std::string& text) const override { return text.empty() ? text : prefix + text; }
};

class ReplaceNormalizer final : public Normalizer {
public:
    std::string from, to;
    std::unique_ptr<Regex> regex;
    std::string normalize(const std::string& text) const override {
        if (regex) {
            const auto cps = unicode::toCodepoints(text);
            std::string out;
            size_t last = 0;
            for (const auto& [b, e] : regex->findAll(cps)) {
                out += unicode::fromCodepoints({cps.begin() + long(last), cps.begin() + long(b)});
                out += to;
                last = e;
            }
            out += unicode::fromCodepoints({cps.begin() + long(last), cps.end()});
            return out;
        }
        return replaceAll(text, from, to);
    }
};

class LowercaseNormalizer final : public Normalizer {
public:
    std::string normalize(const std::string& text) const override {
        std::string out;
        for (size_t pos = 0; pos < text.size();) unicode::appendUtf8(out, unicode::simpleLowercase(unicode::decodeUtf8(text, pos)));
        return out;
    }
};

class StripNormalizer final : public Normalizer {
public:
    bool left = true, right = true;
    std::string normalize(const std::string& text) const override {
        auto cps = unicode::toCodepoints(text);
        size_t b = 0, e = cps.size();
        if (left)
            while (b < e && unicode::isWhiteSpace(cps[b])) ++b;
        if (right)
            while (e > b && unicode::isWhiteSpace(cps[e - 1])) --e;
        return unicode::fromCodepoints({cps.begin() + long(b), cps.begin() + long(e)});
    }
};

class StripAccentsNormalizer final : public Normalizer {
public:
    std::string normalize(const std::string& text) const override {
        std::string out;
        for (size_t pos = 0; pos < text.size();) {
            const uint32_t cp = unicode::decodeUtf8(text, pos);
            if (unicode::category(cp) != unicode::Mark) unicode::appendUtf8(out, cp);
        }
        return out;
    }
};

std::string patternString(const nlohmann::json& pattern, bool& isRegex, const std::string& src) {
    if (pattern.contains("String")) {
        isRegex = false;
        return pattern["String"].get<std::string>();
    }
    if (pattern.contains("Regex")) {
        isRegex = true;
        return pattern["Regex"].get<std::string>();
    }
    throw Error(src + ": a pattern must be {\"String\": ...} or {\"Regex\": ...}");
}

} // namespace

std::unique_ptr<Normalizer> Normalizer::fromJson(const nlohmann::json& j, const std::string& src) {
    if (j.is_null()) return nullptr;
    const std::string type = j.value("type", "");
    if (type == "Sequence") {
        auto seq = std::make_unique<SequenceNormalizer>();
        for (const auto& part : j.at("normalizers"))
            if (auto n = fromJson(part, src)) seq->parts.push_back(std::move(n));
        return seq;
    }
    if (type == "NFC") return std::make_unique<NfcNormalizer>();
    if (type == "NFD") return std::make_unique<NfdNormalizer>();
    if (type == "Lowercase") return std::make_unique<LowercaseNormalizer>();
    if (type == "StripAccents") return std::make_unique<StripAccentsNormalizer>();
    if (type == "Prepend") {
        auto n = std::make_unique<PrependNormalizer>();
        n->prefix = j.at("prepend").get<std::string>();
        return n;
    }
    if (type == "Replace") {
        auto n = std::make_unique<ReplaceNormalizer>();
        bool isRegex = false;
        const std::string pattern = patternString(j.at("pattern"), isRegex, src);
        if (isRegex) n->regex = std::make_unique<Regex>(pattern);
        else n->from = pattern;
        n->to = j.at("content").get<std::string>();
        return n;
    }
    if (type == "Strip") {
        auto n = std::make_unique<StripNormalizer>();
        n->left = j.value("strip_left", true);
        n->right = j.value("strip_right", true);
        return n;
    }
    throw Error(src + ": normalizer \"" + type + "\" is not supported",
                "supported normalizers: Sequence, NFC, NFD, Prepend, Replace, Lowercase, Strip, StripAccents");
}

} // namespace ft
