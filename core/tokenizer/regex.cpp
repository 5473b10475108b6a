#include "tokenizer/regex.h"

#include "tokenizer/unicode.h"
#include "util/error.h"

#include <algorithm>

namespace ft {

namespace {

struct CharClass {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    uint8_t categories = 0;               // bit per unicode::Category: members
    std::vector<uint8_t> notCategories;   // each mask: members are chars outside it (\P{..}, \S, \D, \W)
    bool whiteSpace = false, notWhiteSpace = false;
    bool negated = false;

    bool matches(uint32_t cp) const {
        bool in = false;
        for (const auto& [lo, hi] : ranges)
            if (cp >= lo && cp <= hi) {
                in = true;
                break;
            }
        if (!in && (categories || !notCategories.empty() || whiteSpace || notWhiteSpace)) {
            const uint8_t bit = uint8_t(1u << unicode::category(cp));
            if (categories & bit) in = true;
            for (uint8_t mask : notCategories)
                if (!(mask & bit)) in = true;
            if (whiteSpace || notWhiteSpace) {
                const bool ws = unicode::isWhiteSpace(cp);
                if ((whiteSpace && ws) || (notWhiteSpace && !ws)) in = true;
            }
        }
        return in != negated;
    }
};

enum class Op : uint8_t { Char, CharFold, Class, Any, Split, Jmp, Match, LookAhead, LookAheadNot, AssertBegin, AssertEnd };

struct Inst {
    Op op;
    uint32_t cp = 0;   // Char / CharFold
    int x = 0, y = 0;  // Class index; Split targets (x preferred); Jmp target; LookAhead: sub-program start, continue pc
};

// AST
struct Node {
    enum Kind { Empty, Literal, ClassRef, Any, Concat, Alt, Repeat, Look, Begin, End } kind = Empty;
    uint32_t cp = 0;
    bool fold = false;
    int classIndex = 0;
    int min = 0, max = 0;   // Repeat: max -1 = unbounded
    bool greedy = true, negative = false;
    std::vector<Node> children;
};

uint32_t foldCase(uint32_t cp) {
    return unicode::simpleLowercase(cp);
}

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
            {"L", unicode::Letter}, {"Letter", unicode::Letter}, {"M", unicode::Mark}, {"Mark", unicode::Mark},
            {"N", unicode::Number}, {"Number", unicode::Number}, {"P", unicode::Punctuation},
            {"Punctuation", unicode::Punctuation}, {"S", unicode::Symbol}, {"Symbol", unicode::Symbol},
            {"Z", unicode::Separator}, {"Separator", unicode::Separator}, {"C", unicode::Other}, {"Other", unicode::Other},
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
        case 'd': cls.categories |= uint8_t(1u << unicode::Number); return true;   // Unicode digits, as N
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
            cp = c;   // escaped punctuation stands for itself
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
        case '*': case '+': case '?': fail("nothing to repeat");
        default: return literal(c, fold);
        }
    }

    std::string m_pattern;
    std::vector<uint32_t> m_cps;
    size_t m_pos = 0;
    std::vector<CharClass>& m_classes;
};

} // namespace

struct Regex::Program {
    std::vector<Inst> code;
    std::vector<CharClass> classes;

    int emit(Inst i) {
        code.push_back(i);
        return int(code.size()) - 1;
    }

    void compile(const Node& n) {
        switch (n.kind) {
        case Node::Empty: break;
        case Node::Literal: emit({n.fold ? Op::CharFold : Op::Char, n.cp}); break;
        case Node::ClassRef: emit({Op::Class, 0, n.classIndex}); break;
        case Node::Any: emit({Op::Any}); break;
        case Node::Begin: emit({Op::AssertBegin}); break;
        case Node::End: emit({Op::AssertEnd}); break;
        case Node::Concat:
            for (const auto& c : n.children) compile(c);
            break;
        case Node::Alt: {
            std::vector<int> jumps;
            for (size_t i = 0; i < n.children.size(); ++i) {
                if (i + 1 < n.children.size()) {
                    const int split = emit({Op::Split});
                    code[size_t(split)].x = split + 1;
                    compile(n.children[i]);
                    jumps.push_back(emit({Op::Jmp}));
                    code[size_t(split)].y = int(code.size());
                } else {
                    compile(n.children[i]);
                }
            }
            for (int j : jumps) code[size_t(j)].x = int(code.size());
            break;
        }
        case Node::Repeat: {
            const Node& body = n.children[0];
            for (int i = 0; i < n.min; ++i) compile(body);
            if (n.max == -1) {
                const int split = emit({Op::Split});
                compile(body);
                emit({Op::Jmp, 0, split});
                setSplit(split, split + 1, int(code.size()), n.greedy);
            } else {
                std::vector<int> splits;
                for (int i = n.min; i < n.max; ++i) {
                    splits.push_back(emit({Op::Split}));
                    compile(body);
                }
                for (int s : splits) setSplit(s, s + 1, int(code.size()), n.greedy);
            }
            break;
        }
        case Node::Look: {
            const int look = emit({n.negative ? Op::LookAheadNot : Op::LookAhead});
            const int jmp = emit({Op::Jmp});
            code[size_t(look)].x = int(code.size());
            compile(n.children[0]);
            emit({Op::Match});
            code[size_t(jmp)].x = int(code.size());
            code[size_t(look)].y = jmp;   // continue with the jump over the sub-program
            break;
        }
        }
    }

    void setSplit(int at, int body, int exit, bool greedy) {
        code[size_t(at)].x = greedy ? body : exit;
        code[size_t(at)].y = greedy ? exit : body;
    }

    // Depth-first backtracking from (pc, pos); returns the end of the first match in priority order or -1.
    // `stack` is scratch space, reused between calls to avoid an allocation per position.
    long run(const std::vector<uint32_t>& text, int startPc, size_t startPos,
             std::vector<std::pair<int, size_t>>& stack) const {
        stack.clear();
        stack.emplace_back(startPc, startPos);
        while (!stack.empty()) {
            auto [pc, pos] = stack.back();
            stack.pop_back();
            while (true) {
                const Inst& in = code[size_t(pc)];
                bool ok = true;
                switch (in.op) {
                case Op::Char: ok = pos < text.size() && text[pos] == in.cp; ++pos, ++pc; break;
                case Op::CharFold: ok = pos < text.size() && foldCase(text[pos]) == in.cp; ++pos, ++pc; break;
                case Op::Class: ok = pos < text.size() && classes[size_t(in.x)].matches(text[pos]); ++pos, ++pc; break;
                case Op::Any: ok = pos < text.size() && text[pos] != '\n'; ++pos, ++pc; break;
                case Op::AssertBegin: ok = pos == 0; ++pc; break;
                case Op::AssertEnd: ok = pos == text.size(); ++pc; break;
                case Op::Split: stack.emplace_back(in.y, pos); pc = in.x; break;
                case Op::Jmp: pc = in.x; break;
                case Op::Match: return long(pos);
                case Op::LookAhead:
                case Op::LookAheadNot: {
                    std::vector<std::pair<int, size_t>> lookStack;
                    const bool found = run(text, in.x, pos, lookStack) >= 0;
                    ok = found == (in.op == Op::LookAhead);
                    pc = in.y;
                    break;
                }
                }
                if (!ok) break;
            }
        }
        return -1;
    }
};

Regex::Regex(const std::string& pattern) : m_pattern(pattern), m_program(std::make_unique<Program>()) {
    Parser parser(pattern, m_program->classes);
    const Node ast = parser.parse();
    m_program->compile(ast);
    m_program->emit({Op::Match});
}

Regex::~Regex() = default;
Regex::Regex(Regex&&) noexcept = default;
Regex& Regex::operator=(Regex&&) noexcept = default;

long Regex::matchAt(const std::vector<uint32_t>& text, size_t pos) const {
    thread_local std::vector<std::pair<int, size_t>> stack;
    const long end = m_program->run(text, 0, pos, stack);
    return end < 0 ? -1 : end - long(pos);
}

std::vector<std::pair<size_t, size_t>> Regex::findAll(const std::vector<uint32_t>& text) const {
    std::vector<std::pair<size_t, size_t>> out;
    for (size_t pos = 0; pos < text.size();) {
        const long len = matchAt(text, pos);
        if (len > 0) {
            out.emplace_back(pos, pos + size_t(len));
            pos += size_t(len);
        } else {
            ++pos;
        }
    }
    return out;
}

} // namespace ft
