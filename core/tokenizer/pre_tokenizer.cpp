// The pre-tokenizers of tokenizer.json: splitting text into words before the model.
#include "tokenizer/pre_tokenizer.h"

#include "tokenizer/regex.h"
#include "tokenizer/unicode.h"
#include "util/error.h"

#include <array>
#include <nlohmann/json.hpp>

namespace ft {

namespace {

const char* const kGpt2Pattern = R"('s|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+)";

enum class Behavior { Removed, Isolated, MergedWithPrevious, MergedWithNext, Contiguous };

Behavior parseBehavior(const std::string& s, const std::string& src) {
    if (s == "Removed") return Behavior::Removed;
    if (s == "Isolated") return Behavior::Isolated;
    if (s == "MergedWithPrevious") return Behavior::MergedWithPrevious;
    if (s == "MergedWithNext") return Behavior::MergedWithNext;
    if (s == "Contiguous") return Behavior::Contiguous;
    throw Error(src + ": split behavior \"" + s + "\" is unknown");
}

// Cuts `piece` at the given [begin, end) code point ranges ("matches") according to `behavior`.
void splitPiece(const Piece& piece, const std::vector<uint32_t>& cps, const std::vector<std::pair<size_t, size_t>>& matches,
                Behavior behavior, bool invert, std::vector<Piece>& out) {
    struct Span {
        size_t b, e;
        bool match;
    };
    std::vector<Span> spans;
    size_t last = 0;
    for (const auto& [b, e] : matches) {
        if (b > last) spans.push_back({last, b, invert});
        spans.push_back({b, e, !invert});
        last = e;
    }
    if (last < cps.size()) spans.push_back({last, cps.size(), invert});

    std::vector<std::pair<size_t, size_t>> pieces;
    switch (behavior) {
    case Behavior::Removed:
        for (const auto& s : spans)
            if (!s.match) pieces.emplace_back(s.b, s.e);
        break;
    case Behavior::Isolated:
        for (const auto& s : spans) pieces.emplace_back(s.b, s.e);
        break;
    case Behavior::MergedWithPrevious:
        for (const auto& s : spans) {
            if (s.match && !pieces.empty()) pieces.back().second = s.e;
            else pieces.emplace_back(s.b, s.e);
        }
        break;
    case Behavior::MergedWithNext: {
        bool pendingMatch = false;
        for (const auto& s : spans) {
            if (pendingMatch) {
                pieces.back().second = s.e;
                pendingMatch = s.match;
            } else {
                pieces.emplace_back(s.b, s.e);
                pendingMatch = s.match;
            }
        }
        break;
    }
    case Behavior::Contiguous: {
        bool lastMatch = false;
        for (const auto& s : spans) {
            if (s.match && lastMatch && !pieces.empty()) pieces.back().second = s.e;
            else pieces.emplace_back(s.b, s.e);
            lastMatch = s.match;
        }
        break;
    }
    }
    for (const auto& [b, e] : pieces)
        if (e > b) out.push_back({unicode::fromCodepoints({cps.begin() + long(b), cps.begin() + long(e)}), piece.atStart && b == 0});
}

class SplitPreTokenizer final : public PreTokenizer {
public:
    std::unique_ptr<Regex> regex;
    std::vector<uint32_t> literal;
    Behavior behavior = Behavior::Isolated;
    bool invert = false;

    std::vector<std::pair<size_t, size_t>> find(const std::vector<uint32_t>& cps) const {
        if (regex) return regex->findAll(cps);
        std::vector<std::pair<size_t, size_t>> out;
        if (literal.empty()) return out;
        for (size_t i = 0; i + literal.size() <= cps.size();) {
            if (std::equal(literal.begin(), literal.end(), cps.begin() + long(i))) {
                out.emplace_back(i, i + literal.size());
                i += literal.size();
            } else {
                ++i;
            }
        }
        return out;
    }

    void apply(std::vector<Piece>& pieces) const override {
        std::vector<Piece> out;
        for (const auto& p : pieces) {
            const auto cps = unicode::toCodepoints(p.text);
            splitPiece(p, cps, find(cps), behavior, invert, out);
        }
        pieces.swap(out);
    }
};

class ByteLevelPreTokenizer final : public PreTokenizer {
public:
    bool addPrefixSpace = false;
    std::unique_ptr<SplitPreTokenizer> split; // the GPT-2 regex when use_regex

    void apply(std::vector<Piece>& pieces) const override {
        if (addPrefixSpace)
            for (auto& p : pieces)
                if (p.text.empty() || p.text[0] != ' ') p.text.insert(0, 1, ' ');
        if (split) split->apply(pieces);
        for (auto& p : pieces) {
            std::string mapped;
            mapped.reserve(p.text.size() * 2);
            for (unsigned char b : p.text) mapped += byteToUnicode(b);
            p.text.swap(mapped);
        }
    }
};

class MetaspacePreTokenizer final : public PreTokenizer {
public:
    std::string replacement = "\xE2\x96\x81"; // U+2581
    enum class Prepend { Always, First, Never } prepend = Prepend::Always;
    bool split = true;

    void apply(std::vector<Piece>& pieces) const override {
        std::vector<Piece> out;
        for (auto p : pieces) {
            std::string s;
            for (char c : p.text) {
                if (c == ' ') s += replacement;
                else s += c;
            }
            const bool startsWith = s.compare(0, replacement.size(), replacement) == 0;
            if (!startsWith && (prepend == Prepend::Always || (prepend == Prepend::First && p.atStart))) s = replacement + s;
            if (!split) {
                out.push_back({s, p.atStart});
                continue;
            }
            // Split before every replacement character, which stays at the front of its piece.
            size_t begin = 0;
            for (size_t pos = s.find(replacement, 1); pos != std::string::npos; pos = s.find(replacement, pos + 1)) {
                if (pos > begin) out.push_back({s.substr(begin, pos - begin), p.atStart && begin == 0});
                begin = pos;
            }
            if (begin < s.size()) out.push_back({s.substr(begin), p.atStart && begin == 0});
        }
        pieces.swap(out);
    }
};

class CategorySplitPreTokenizer final : public PreTokenizer {
public:
    enum class Kind { Digits, DigitsIndividual, Whitespace, WhitespaceSplit, Punctuation } kind;
    std::unique_ptr<Regex> regex;

    void apply(std::vector<Piece>& pieces) const override {
        std::vector<Piece> out;
        for (const auto& p : pieces) {
            const auto cps = unicode::toCodepoints(p.text);
            std::vector<std::pair<size_t, size_t>> matches;
            if (regex) {
                matches = regex->findAll(cps);
            } else {
                for (size_t i = 0; i < cps.size(); ++i) {
                    bool hit = false;
                    if (kind == Kind::Digits || kind == Kind::DigitsIndividual) hit = unicode::category(cps[i]) == unicode::Number;
                    else if (kind == Kind::WhitespaceSplit) hit = unicode::isWhiteSpace(cps[i]);
                    else hit = unicode::category(cps[i]) == unicode::Punctuation || (cps[i] < 0x80 && std::ispunct(int(cps[i])));
                    if (hit) matches.emplace_back(i, i + 1);
                }
            }
            switch (kind) {
            case Kind::Digits: splitPiece(p, cps, matches, Behavior::Contiguous, false, out); break;
            case Kind::DigitsIndividual:
            case Kind::Punctuation: splitPiece(p, cps, matches, Behavior::Isolated, false, out); break;
            case Kind::WhitespaceSplit: splitPiece(p, cps, matches, Behavior::Removed, false, out); break;
            case Kind::Whitespace: splitPiece(p, cps, matches, Behavior::Removed, true, out); break;
            }
        }
        pieces.swap(out);
    }
};

class SequencePreTokenizer final : public PreTokenizer {
public:
    std::vector<std::unique_ptr<PreTokenizer>> parts;
    void apply(std::vector<Piece>& pieces) const override {
        for (const auto& p : parts) p->apply(pieces);
    }
};

} // namespace

const std::string& byteToUnicode(unsigned char b) {
    static const std::array<std::string, 256> table = [] {
        std::array<std::string, 256> t;
        int next = 0;
        for (int i = 0; i < 256; ++i) {
            const bool printable = (i >= 0x21 && i <= 0x7E) || (i >= 0xA1 && i <= 0xAC) || (i >= 0xAE && i <= 0xFF);
            unicode::appendUtf8(t[size_t(i)], printable ? uint32_t(i) : uint32_t(256 + next++));
        }
        return t;
    }();
    return table[b];
}

int unicodeToByte(uint32_t cp) {
    static const std::array<int, 512> table = [] {
        std::array<int, 512> t;
        t.fill(-1);
        for (int b = 0; b < 256; ++b) {
            size_t pos = 0;
            t[unicode::decodeUtf8(byteToUnicode(uint8_t(b)), pos)] = b;
        }
        return t;
    }();
    return cp < 512 ? table[cp] : -1;
}

std::unique_ptr<PreTokenizer> PreTokenizer::fromJson(const nlohmann::json& j, const std::string& src) {
    if (j.is_null()) return nullptr;
    const std::string type = j.value("type", "");
    if (type == "Sequence") {
        auto seq = std::make_unique<SequencePreTokenizer>();
        for (const auto& part : j.at("pretokenizers"))
            if (auto p = fromJson(part, src)) seq->parts.push_back(std::move(p));
        return seq;
    }
    if (type == "Split") {
        auto s = std::make_unique<SplitPreTokenizer>();
        const auto& pattern = j.at("pattern");
        if (pattern.contains("Regex")) s->regex = std::make_unique<Regex>(pattern["Regex"].get<std::string>());
        else if (pattern.contains("String")) s->literal = unicode::toCodepoints(pattern["String"].get<std::string>());
        else throw Error(src + ": Split pattern must be {\"String\": ...} or {\"Regex\": ...}");
        s->behavior = parseBehavior(j.value("behavior", "Isolated"), src);
        s->invert = j.value("invert", false);
        return s;
    }
    if (type == "ByteLevel") {
        auto b = std::make_unique<ByteLevelPreTokenizer>();
        b->addPrefixSpace = j.value("add_prefix_space", false);
        if (j.value("use_regex", true)) {
            b->split = std::make_unique<SplitPreTokenizer>();
            b->split->regex = std::make_unique<Regex>(kGpt2Pattern);
        }
        return b;
    }
    if (type == "Metaspace") {
        auto m = std::make_unique<MetaspacePreTokenizer>();
        if (j.contains("replacement")) m->replacement = j["replacement"].get<std::string>();
        m->split = j.value("split", true);
        if (j.contains("prepend_scheme") && j["prepend_scheme"].is_string()) {
            const std::string scheme = j["prepend_scheme"].get<std::string>();
            m->prepend = scheme == "first"   ? MetaspacePreTokenizer::Prepend::First
                         : scheme == "never" ? MetaspacePreTokenizer::Prepend::Never
                                             : MetaspacePreTokenizer::Prepend::Always;
        } else if (j.contains("add_prefix_space")) {
            m->prepend = j["add_prefix_space"].get<bool>() ? MetaspacePreTokenizer::Prepend::Always : MetaspacePreTokenizer::Prepend::Never;
        }
        return m;
    }
    if (type == "Digits") {
        auto d = std::make_unique<CategorySplitPreTokenizer>();
        d->kind = j.value("individual_digits", false) ? CategorySplitPreTokenizer::Kind::DigitsIndividual
                                                      : CategorySplitPreTokenizer::Kind::Digits;
        return d;
    }
    if (type == "Whitespace") {
        auto w = std::make_unique<CategorySplitPreTokenizer>();
        w->kind = CategorySplitPreTokenizer::Kind::Whitespace;
        w->regex = std::make_unique<Regex>(R"(\w+|[^\w\s]+)");
        return w;
    }
    if (type == "WhitespaceSplit") {
        auto w = std::make_unique<CategorySplitPreTokenizer>();
        w->kind = CategorySplitPreTokenizer::Kind::WhitespaceSplit;
        return w;
    }
    if (type == "Punctuation") {
        auto w = std::make_unique<CategorySplitPreTokenizer>();
        w->kind = CategorySplitPreTokenizer::Kind::Punctuation;
        return w;
    }
    throw Error(src + ": pre-tokenizer \"" + type + "\" is not supported",
                "supported: Split, ByteLevel, Metaspace, Digits, Whitespace, WhitespaceSplit, Punctuation, Sequence");
}

} // namespace ft
