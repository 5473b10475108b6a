// The regex engine's parser: a pattern's text into a syntax tree (see regex_syntax.h).
#include "tokenizer/regex_syntax.h"

#include "util/error.h"

#include <algorithm>

namespace ft::regex_detail {

namespace {

class Parser {
public:
    Parser(const std::string& pattern, std::vector<CharClass>& classes)
        : m_pattern(pattern), m_cps(unicode::toCodepoints(pattern)), m_classes(classes) {}

    Node parse() {
        Node n = parseAlt(false);
        if (m_pos != m_cps.size()) fail("unbalanced ')'");
        return n;
    }

private:
    [[noreturn]] void fail(const std::string& what) const {
        throw Error(format("regular expression \"%s\": %s at position %zu", m_pattern.c_str(), what.c_str(), m_pos),
                    "the tokenizer's split pattern uses regex syntax this engine does not support");
    }
    bool eof() const { return m_pos >= m_cps.size(); }
    uint32_t peek(size_t ahead = 0) const { return m_pos + ahead < m_cps.size() ? m_cps[m_pos + ahead] : 0; }
    uint32_t next() {
        if (eof()) fail("unexpected end");
        return m_cps[m_pos++];
    }

    Node parseAlt(bool fold) {
        Node alt;
        alt.kind = Node::Alt;
        alt.children.push_back(parseConcat(fold));
        while (!eof() && peek() == '|') {
            ++m_pos;
            alt.children.push_back(parseConcat(fold));
        }
        if (alt.children.size() == 1) return std::move(alt.children[0]);
        return alt;
    }

    Node parseConcat(bool fold) {
        Node cat;
        cat.kind = Node::Concat;
        while (!eof() && peek() != '|' && peek() != ')') {
            // An inline "(?i)" switches case folding on for the rest of this group.
            if (peek() == '(' && peek(1) == '?' && peek(2) == 'i' && peek(3) == ')') {
                m_pos += 4;
                fold = true;
                continue;
            }
            cat.children.push_back(parseRepeat(fold));
        }
        return cat;
    }

    int parseNumber() {
        int v = 0;
        bool any = false;
        while (!eof() && peek() >= '0' && peek() <= '9') {
            v = v * 10 + int(next() - '0');
            any = true;
        }
        if (!any) fail("expected a number in {}");
        return v;
    }

    Node parseRepeat(bool fold) {
        Node atom = parseAtom(fold);
        while (!eof()) {
            int min, max;
            const uint32_t c = peek();
            if (c == '*') min = 0, max = -1, ++m_pos;
            else if (c == '+') min = 1, max = -1, ++m_pos;
            else if (c == '?') min = 0, max = 1, ++m_pos;
            else if (c == '{' && peek(1) >= '0' && peek(1) <= '9') {
                ++m_pos;
                min = max = parseNumber();
                if (peek() == ',') {
                    ++m_pos;
                    max = peek() == '}' ? -1 : parseNumber();
                }
                if (next() != '}') fail("expected '}'");
                if (max != -1 && max < min) fail("bad repetition range");
            } else {
                break;
            }
            Node rep;
            rep.kind = Node::Repeat;
            rep.min = min;
            rep.max = max;
            if (!eof() && peek() == '?') {
                rep.greedy = false;
                ++m_pos;
            } else if (!eof() && peek() == '+') {
                fail("possessive quantifiers are not supported");
            }
            rep.children.push_back(std::move(atom));
            atom = std::move(rep);
        }
        return atom;
    }

    static bool hex(uint32_t c, uint32_t& v) {
        if (c >= '0' && c <= '9') v = c - '0';
        else if (c >= 'a' && c <= 'f') v = c - 'a' + 10;
        else if (c >= 'A' && c <= 'F') v = c - 'A' + 10;
        else return false;
        return true;
    }

    uint32_t parseHex(int digits) {
        uint32_t v = 0, d;
        for (int i = 0; i < digits; ++i) {
            if (!hex(next(), d)) fail("bad hex escape");
            v = v * 16 + d;
        }
        return v;
    }

    uint8_t parseProperty() {
        if (next() != '{') fail("expected '{' after \\p");
        std::string name;
        while (!eof() && peek() != '}') name += char(next());
        ++m_pos;
        static const std::pair<const char*, unicode::Category> names[] = {
            {"L", unicode::Letter}, {"Letter", unicode::Letter}, {"M", unicode::Mark},        {"Mark", unicode::Mark},
            {"N", unicode::Number}, {"Number", unicode::Number}, {"P", unicode::Punctuation}, {"Punctuation", unicode::Punctuation},
            {"S", unicode::Symbol}, {"Symbol", unicode::Symbol}, {"Z", unicode::Separator},   {"Separator", unicode::Separator},
            {"C", unicode::Other},  {"Other", unicode::Other},
        };
        for (const auto& [n, cat] : names)
            if (name == n) return uint8_t(1u << cat);
        fail("Unicode property \\p{" + name + "} is not supported");
    }

    // Applies an escape (after the backslash) to a class; returns false if it is a single character `cp`.
    bool classEscape(CharClass& cls, uint32_t& cp) {
        const uint32_t c = next();
        switch (c) {
        case 'p': cls.categories |= parseProperty(); return true;
        case 'P': cls.notCategories.push_back(parseProperty()); return true;
        case 's': cls.whiteSpace = true; return true;
        case 'S': cls.notWhiteSpace = true; return true;
        case 'd': cls.categories |= uint8_t(1u << unicode::Number); return true; // Unicode digits, as N
        case 'D': cls.notCategories.push_back(uint8_t(1u << unicode::Number)); return true;
        case 'w':
            cls.categories |= uint8_t((1u << unicode::Letter) | (1u << unicode::Mark) | (1u << unicode::Number));
            cls.ranges.push_back({'_', '_'});
            return true;
        case 'W':
            cls.notCategories.push_back(uint8_t((1u << unicode::Letter) | (1u << unicode::Mark) | (1u << unicode::Number)));
            return true;
        case 'r': cp = '\r'; return false;
        case 'n': cp = '\n'; return false;
        case 't': cp = '\t'; return false;
        case 'f': cp = '\f'; return false;
        case 'v': cp = '\v'; return false;
        case '0': cp = 0; return false;
        case 'x':
            if (peek() == '{') {
                ++m_pos;
                uint32_t v = 0, d;
                while (peek() != '}') {
                    if (!hex(next(), d)) fail("bad \\x{} escape");
                    v = v * 16 + d;
                }
                ++m_pos;
                cp = v;
            } else {
                cp = parseHex(2);
            }
            return false;
        case 'u': cp = parseHex(4); return false;
        default:
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9'))
                fail(std::string("escape \\") + char(c) + " is not supported");
            cp = c; // escaped punctuation stands for itself
            return false;
        }
    }

    void addFolded(CharClass& cls, uint32_t lo, uint32_t hi, bool fold) {
        cls.ranges.push_back({lo, hi});
        if (!fold) return;
        for (uint32_t c = std::max<uint32_t>(lo, 'A'); c <= std::min<uint32_t>(hi, 'Z'); ++c) cls.ranges.push_back({c + 32, c + 32});
        for (uint32_t c = std::max<uint32_t>(lo, 'a'); c <= std::min<uint32_t>(hi, 'z'); ++c) cls.ranges.push_back({c - 32, c - 32});
    }

    Node classNode(CharClass cls) {
        Node n;
        n.kind = Node::ClassRef;
        n.classIndex = int(m_classes.size());
        m_classes.push_back(std::move(cls));
        return n;
    }

    Node parseClass(bool fold) {
        CharClass cls;
        if (peek() == '^') {
            cls.negated = true;
            ++m_pos;
        }
        bool first = true;
        while (true) {
            if (eof()) fail("unterminated character class");
            uint32_t c = next();
            if (c == ']' && !first) break;
            first = false;
            uint32_t lo = c;
            if (c == '[') fail("nested character classes are not supported");
            if (c == '\\') {
                if (classEscape(cls, lo)) continue;
            }
            if (peek() == '-' && peek(1) != ']' && m_pos + 1 < m_cps.size()) {
                ++m_pos;
                uint32_t hi = next();
                if (hi == '\\' && classEscape(cls, hi)) fail("a class escape cannot end a range");
                if (hi < lo) fail("bad character range");
                addFolded(cls, lo, hi, fold);
            } else {
                addFolded(cls, lo, lo, fold);
            }
        }
        return classNode(std::move(cls));
    }

    Node literal(uint32_t cp, bool fold) {
        Node n;
        n.kind = Node::Literal;
        n.fold = fold;
        n.cp = fold ? foldCase(cp) : cp;
        return n;
    }

    Node parseAtom(bool fold) {
        const uint32_t c = next();
        switch (c) {
        case '(': {
            Node inner;
            if (peek() == '?') {
                ++m_pos;
                const uint32_t k = next();
                if (k == ':') {
                    inner = parseAlt(fold);
                } else if (k == 'i' && peek() == ':') {
                    ++m_pos;
                    inner = parseAlt(true);
                } else if (k == '=' || k == '!') {
                    Node look;
                    look.kind = Node::Look;
                    look.negative = k == '!';
                    look.children.push_back(parseAlt(fold));
                    inner = std::move(look);
                } else {
                    fail("group kind (?" + std::string(1, char(k)) + " is not supported");
                }
            } else {
                inner = parseAlt(fold);
            }
            if (next() != ')') fail("expected ')'");
            return inner;
        }
        case '[': return parseClass(fold);
        case '.': {
            Node n;
            n.kind = Node::Any;
            return n;
        }
        case '^': {
            Node n;
            n.kind = Node::Begin;
            return n;
        }
        case '$': {
            Node n;
            n.kind = Node::End;
            return n;
        }
        case '\\': {
            if (peek() == 'A' || peek() == 'z') {
                Node n;
                n.kind = next() == 'A' ? Node::Begin : Node::End;
                return n;
            }
            CharClass cls;
            uint32_t cp = 0;
            if (classEscape(cls, cp)) return classNode(std::move(cls));
            return literal(cp, fold);
        }
        case '*':
        case '+':
        case '?': fail("nothing to repeat");
        default: return literal(c, fold);
        }
    }

    std::string m_pattern;
    std::vector<uint32_t> m_cps;
    size_t m_pos = 0;
    std::vector<CharClass>& m_classes;
};

} // namespace

Node parseRegex(const std::string& pattern, std::vector<CharClass>& classes) {
    return Parser(pattern, classes).parse();
}

} // namespace ft::regex_detail
