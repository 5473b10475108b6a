// The decoders of tokenizer.json: ids back to text.
#include "tokenizer/decoder.h"

#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/unicode.h"
#include "util/error.h"
#include "util/strings.h"

#include <nlohmann/json.hpp>

namespace ft {

namespace {

// Bytes to text, replacing invalid sequences with U+FFFD as String::from_utf8_lossy does.
std::string lossyUtf8(const std::string& bytes) {
    std::string out;
    out.reserve(bytes.size());
    for (size_t pos = 0; pos < bytes.size();) unicode::appendUtf8(out, unicode::decodeUtf8(bytes, pos));
    return out;
}

class ByteLevelDecoder final : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override {
        std::string bytes;
        for (const auto& t : tokens) {
            std::string mapped;
            bool ok = true;
            for (size_t pos = 0; pos < t.size() && ok;) {
                const int b = unicodeToByte(unicode::decodeUtf8(t, pos));
                if (b < 0) ok = false;
                else mapped += char(b);
            }
            bytes += ok ? mapped : t; // a token with unmapped characters passes through as its own bytes
        }
        tokens.assign(1, lossyUtf8(bytes));
    }
};

class MetaspaceDecoder final : public Decoder {
public:
    std::string replacement = "\xE2\x96\x81";
    bool stripFirstSpace = true;
    void decodeChain(std::vector<std::string>& tokens) const override {
        for (size_t i = 0; i < tokens.size(); ++i) {
            std::string s;
            const std::string& t = tokens[i];
            for (size_t pos = 0; pos < t.size();) {
                if (t.compare(pos, replacement.size(), replacement) == 0) {
                    s += ' ';
                    pos += replacement.size();
                } else {
                    s += t[pos++];
                }
            }
            if (i == 0 && stripFirstSpace && !s.empty() && s[0] == ' ') s.erase(0, 1);
            tokens[i] = s;
        }
    }
};

class ReplaceDecoder final : public Decoder {
public:
    std::string from, to;
    void decodeChain(std::vector<std::string>& tokens) const override {
        for (auto& t : tokens) t = replaceAll(t, from, to);
    }
};

class ByteFallbackDecoder final : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override {
        std::vector<std::string> out;
        std::string pending; // bytes of consecutive <0xXX> tokens
        size_t pendingCount = 0;
        auto flush = [&] {
            if (!pendingCount) return;
            if (unicode::isValidUtf8(pending)) out.push_back(pending);
            else
                for (size_t i = 0; i < pendingCount; ++i) out.push_back("\xEF\xBF\xBD");
            pending.clear();
            pendingCount = 0;
        };
        for (const auto& t : tokens) {
            unsigned v = 0;
            if (t.size() == 6 && t.compare(0, 3, "<0x") == 0 && t[5] == '>' && std::sscanf(t.c_str() + 3, "%2X", &v) == 1) {
                pending += char(v);
                ++pendingCount;
            } else {
                flush();
                out.push_back(t);
            }
        }
        flush();
        tokens.swap(out);
    }
};

class FuseDecoder final : public Decoder {
public:
    void decodeChain(std::vector<std::string>& tokens) const override {
        std::string all;
        for (const auto& t : tokens) all += t;
        tokens.assign(1, all);
    }
};

class StripDecoder final : public Decoder {
public:
    std::string content = " ";
    size_t start = 0, stop = 0;
    void decodeChain(std::vector<std::string>& tokens) const override {
        if (content.empty()) return;
        for (auto& t : tokens) {
            for (size_t i = 0; i < start && t.compare(0, content.size(), content) == 0; ++i) t.erase(0, content.size());
            for (size_t i = 0; i < stop && t.size() >= content.size() && t.compare(t.size() - content.size(), content.size(), content) == 0;
                 ++i)
                t.erase(t.size() - content.size());
        }
    }
};

class SequenceDecoder final : public Decoder {
public:
    std::vector<std::unique_ptr<Decoder>> parts;
    void decodeChain(std::vector<std::string>& tokens) const override {
        for (const auto& p : parts) p->decodeChain(tokens);
    }
};

} // namespace

std::unique_ptr<Decoder> Decoder::fromJson(const nlohmann::json& j, const std::string& src) {
    if (j.is_null()) return nullptr;
    const std::string type = j.value("type", "");
    if (type == "Sequence") {
        auto seq = std::make_unique<SequenceDecoder>();
        for (const auto& part : j.at("decoders"))
            if (auto d = fromJson(part, src)) seq->parts.push_back(std::move(d));
        return seq;
    }
    if (type == "ByteLevel") return std::make_unique<ByteLevelDecoder>();
    if (type == "ByteFallback") return std::make_unique<ByteFallbackDecoder>();
    if (type == "Fuse") return std::make_unique<FuseDecoder>();
    if (type == "Metaspace") {
        auto m = std::make_unique<MetaspaceDecoder>();
        if (j.contains("replacement")) m->replacement = j["replacement"].get<std::string>();
        if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) m->stripFirstSpace = j["prepend_scheme"] != "never";
        else if (j.contains("add_prefix_space")) m->stripFirstSpace = j["add_prefix_space"].get<bool>();
        return m;
    }
    if (type == "Replace") {
        auto r = std::make_unique<ReplaceDecoder>();
        const auto& pattern = j.at("pattern");
        if (!pattern.contains("String")) throw Error(src + ": Replace decoder with a regex pattern is not supported");
        r->from = pattern["String"].get<std::string>();
        r->to = j.at("content").get<std::string>();
        return r;
    }
    if (type == "Strip") {
        auto s = std::make_unique<StripDecoder>();
        s->content = j.value("content", std::string(" "));
        s->start = j.value("start", size_t(0));
        s->stop = j.value("stop", size_t(0));
        return s;
    }
    throw Error(src + ": decoder \"" + type + "\" is not supported",
                "supported decoders: ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, Sequence");
}

} // namespace ft
