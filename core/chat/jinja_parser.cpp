// The Jinja parser: a chat template's text into the syntax tree jinja_ast.h describes.
#include "chat/jinja_parser.h"

#include "util/error.h"

#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <cstring>

namespace ft::jinja {

namespace {

// ---------------------------------------------------------------- template-level scanning

struct Chunk {
    enum Kind { Text, Output, Block } kind;
    std::string content; // text, or the inside of the tag
    size_t line;
};

size_t lineAt(const std::string& s, size_t pos) {
    size_t line = 1;
    for (size_t i = 0; i < pos && i < s.size(); ++i) line += s[i] == '\n';
    return line;
}

bool isBlankRun(const std::string& s, size_t from, size_t to) {
    for (size_t i = from; i < to; ++i)
        if (s[i] != ' ' && s[i] != '\t') return false;
    return true;
}

std::vector<Chunk> scan(const std::string& src) {
    std::vector<Chunk> chunks;
    std::string text;
    size_t pos = 0;
    bool stripNextLeading = false, trimNextNewline = false;
    auto appendText = [&](std::string t) {
        if (stripNextLeading) {
            size_t i = 0;
            while (i < t.size() && std::isspace(static_cast<unsigned char>(t[i]))) ++i;
            t.erase(0, i);
        } else if (trimNextNewline && !t.empty() && t[0] == '\n') {
            t.erase(0, 1);
        }
        stripNextLeading = trimNextNewline = false;
        text += t;
    };
    while (pos <= src.size()) {
        const size_t open = src.find('{', pos);
        if (open == std::string::npos || open + 1 >= src.size()) {
            appendText(src.substr(pos));
            break;
        }
        const char k = src[open + 1];
        if (k != '{' && k != '%' && k != '#') {
            appendText(src.substr(pos, open + 1 - pos));
            pos = open + 1;
            continue;
        }
        std::string before = src.substr(pos, open - pos);
        size_t inner = open + 2;
        const bool minusBefore = inner < src.size() && src[inner] == '-';
        const bool plusBefore = inner < src.size() && src[inner] == '+';
        if (minusBefore || plusBefore) ++inner;
        const bool isBlockLike = k == '%' || k == '#';
        // Leading whitespace control applies to the text that precedes the tag.
        appendText(before);
        if (minusBefore) {
            while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.pop_back();
        } else if (isBlockLike && !plusBefore) { // lstrip_blocks
            // Only when nothing but spaces and tabs precede the tag on its source line.
            const size_t srcNewline = open == 0 ? std::string::npos : src.rfind('\n', open - 1);
            const size_t srcLineStart = srcNewline == std::string::npos ? 0 : srcNewline + 1;
            if (isBlankRun(src, srcLineStart, open))
                while (!text.empty() && (text.back() == ' ' || text.back() == '\t')) text.pop_back();
        }
        const std::string close = k == '{' ? "}}" : k == '%' ? "%}" : "#}";
        size_t end = src.find(close, inner);
        if (k == '{') { // "}}" may appear inside a string literal or dict: find the real end
            char quote = 0;
            int depth = 0;
            for (end = inner; end + 1 < src.size(); ++end) {
                const char c = src[end];
                if (quote) {
                    if (c == '\\') ++end;
                    else if (c == quote) quote = 0;
                } else if (c == '\'' || c == '"') quote = c;
                else if (c == '{') ++depth;
                else if (c == '}' && depth > 0) --depth;
                else if (c == '}' && src[end + 1] == '}') break;
            }
            if (end + 1 >= src.size()) end = std::string::npos;
        }
        if (end == std::string::npos)
            throw Error(format("chat template line %zu: unclosed tag (expected \"%s\")", lineAt(src, open), close.c_str()));
        size_t contentEnd = end;
        const bool minusAfter = contentEnd > inner && src[contentEnd - 1] == '-';
        if (minusAfter) --contentEnd;
        std::string content = src.substr(inner, contentEnd - inner);
        pos = end + 2;
        if (k == '#') { // comment
            stripNextLeading = minusAfter;
            trimNextNewline = !minusAfter;
            continue;
        }
        if (!text.empty()) {
            chunks.push_back({Chunk::Text, text, lineAt(src, open)});
            text.clear();
        }
        // {% raw %} ... {% endraw %}: the inside is text, verbatim.
        std::string trimmed = content;
        trimmed.erase(0, trimmed.find_first_not_of(" \t\n\r"));
        trimmed.erase(trimmed.find_last_not_of(" \t\n\r") + 1);
        if (k == '%' && trimmed == "raw") {
            const size_t endRaw = src.find("endraw", pos);
            const size_t rawClose = endRaw == std::string::npos ? std::string::npos : src.rfind("{%", endRaw);
            if (rawClose == std::string::npos) throw Error(format("chat template line %zu: raw without endraw", lineAt(src, open)));
            std::string raw = src.substr(pos, rawClose - pos);
            if (!minusAfter && !raw.empty() && raw[0] == '\n') raw.erase(0, 1);
            chunks.push_back({Chunk::Text, raw, lineAt(src, pos)});
            pos = src.find("%}", endRaw) + 2;
            continue;
        }
        chunks.push_back({k == '{' ? Chunk::Output : Chunk::Block, content, lineAt(src, open)});
        stripNextLeading = minusAfter;
        trimNextNewline = !minusAfter && k == '%'; // trim_blocks
    }
    if (!text.empty()) chunks.push_back({Chunk::Text, text, lineAt(src, src.size())});
    return chunks;
}

// ---------------------------------------------------------------- expression tokens

struct Token {
    enum Kind { Name, String, Int, Float, Op, End } kind;
    std::string text;
    int64_t i = 0;
    double f = 0;
};

std::vector<Token> tokenize(const std::string& s, size_t line) {
    std::vector<Token> out;
    size_t p = 0;
    auto fail = [&](const std::string& what) -> void { throw Error(format("chat template line %zu: %s", line, what.c_str())); };
    while (p < s.size()) {
        const char c = s[p];
        if (std::isspace(static_cast<unsigned char>(c))) {
            ++p;
        } else if (std::isalpha(static_cast<unsigned char>(c)) || c == '_') {
            size_t e = p;
            while (e < s.size() && (std::isalnum(static_cast<unsigned char>(s[e])) || s[e] == '_')) ++e;
            out.push_back({Token::Name, s.substr(p, e - p)});
            p = e;
        } else if (std::isdigit(static_cast<unsigned char>(c))) {
            size_t e = p;
            bool isFloat = false;
            while (e < s.size() && (std::isdigit(static_cast<unsigned char>(s[e])) || s[e] == '_')) ++e;
            if (e + 1 < s.size() && s[e] == '.' && std::isdigit(static_cast<unsigned char>(s[e + 1]))) {
                isFloat = true;
                ++e;
                while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
            }
            if (e < s.size() && (s[e] == 'e' || s[e] == 'E')) {
                isFloat = true;
                ++e;
                if (e < s.size() && (s[e] == '+' || s[e] == '-')) ++e;
                while (e < s.size() && std::isdigit(static_cast<unsigned char>(s[e]))) ++e;
            }
            std::string num = s.substr(p, e - p);
            num.erase(std::remove(num.begin(), num.end(), '_'), num.end());
            Token t{isFloat ? Token::Float : Token::Int, num};
            if (isFloat) t.f = std::strtod(num.c_str(), nullptr);
            else t.i = std::strtoll(num.c_str(), nullptr, 10);
            out.push_back(t);
            p = e;
        } else if (c == '\'' || c == '"') {
            std::string v;
            size_t e = p + 1;
            for (; e < s.size() && s[e] != c; ++e) {
                if (s[e] == '\\' && e + 1 < s.size()) {
                    const char n = s[++e];
                    switch (n) {
                    case 'n': v += '\n'; break;
                    case 't': v += '\t'; break;
                    case 'r': v += '\r'; break;
                    case '\\': v += '\\'; break;
                    case '\'': v += '\''; break;
                    case '"': v += '"'; break;
                    default: v += '\\'; v += n;
                    }
                } else {
                    v += s[e];
                }
            }
            if (e >= s.size()) fail("unterminated string");
            out.push_back({Token::String, v});
            p = e + 1;
        } else {
            static const char* const ops[] = {"//", "**", "==", "!=", "<=", ">=", "+", "-", "*", "/", "%", "~", "<",
                                              ">",  "=",  "(",  ")",  "[",  "]",  "{", "}", ",", ".", ":", "|"};
            bool found = false;
            for (const char* op : ops) {
                const size_t n = std::strlen(op);
                if (s.compare(p, n, op) == 0) {
                    out.push_back({Token::Op, op});
                    p += n;
                    found = true;
                    break;
                }
            }
            if (!found) fail(std::string("unexpected character '") + c + "'");
        }
    }
    out.push_back({Token::End, ""});
    return out;
}

// ---------------------------------------------------------------- expression parser

class ExprParser {
public:
    ExprParser(std::vector<Token> tokens, size_t line) : m_t(std::move(tokens)), m_line(line) {}

    ExprPtr parseExpression() { return parseConditional(); }
    bool atEnd() const { return m_t[m_i].kind == Token::End; }
    const Token& peek(size_t k = 0) const { return m_t[std::min(m_i + k, m_t.size() - 1)]; }
    bool isName(const char* n, size_t k = 0) const { return peek(k).kind == Token::Name && peek(k).text == n; }
    bool isOp(const char* o, size_t k = 0) const { return peek(k).kind == Token::Op && peek(k).text == o; }
    Token next() { return m_t[m_i < m_t.size() - 1 ? m_i++ : m_i]; }
    void expectOp(const char* o) {
        if (!isOp(o)) fail(std::string("expected '") + o + "' but found '" + peek().text + "'");
        ++m_i;
    }
    std::string expectName() {
        if (peek().kind != Token::Name) fail("expected a name but found '" + peek().text + "'");
        return next().text;
    }
    [[noreturn]] void fail(const std::string& what) const { throw Error(format("chat template line %zu: %s", m_line, what.c_str())); }
    void expectEnd() {
        if (!atEnd()) fail("unexpected '" + peek().text + "'");
    }

    ExprPtr make(Expr::Kind k) {
        auto e = std::make_unique<Expr>();
        e->kind = k;
        e->line = m_line;
        return e;
    }

    // An expression without a top-level ternary "if" (used as for-loop iterables with a filter).
    ExprPtr parseOr() {
        ExprPtr left = parseAnd();
        while (isName("or")) {
            next();
            left = binary("or", std::move(left), parseAnd());
        }
        return left;
    }

private:
    ExprPtr binary(const std::string& op, ExprPtr a, ExprPtr b) {
        auto e = make(Expr::Binary);
        e->name = op;
        e->children.push_back(std::move(a));
        e->children.push_back(std::move(b));
        return e;
    }

    ExprPtr parseConditional() {
        ExprPtr value = parseOr();
        while (isName("if")) {
            next();
            auto e = make(Expr::Conditional);
            ExprPtr cond = parseOr();
            ExprPtr otherwise;
            if (isName("else")) {
                next();
                otherwise = parseConditional();
            }
            e->children.push_back(std::move(value));
            e->children.push_back(std::move(cond));
            e->children.push_back(std::move(otherwise));
            value = std::move(e);
        }
        return value;
    }

    ExprPtr parseAnd() {
        ExprPtr left = parseNot();
        while (isName("and")) {
            next();
            left = binary("and", std::move(left), parseNot());
        }
        return left;
    }

    ExprPtr parseNot() {
        if (isName("not")) {
            next();
            auto e = make(Expr::Unary);
            e->name = "not";
            e->children.push_back(parseNot());
            return e;
        }
        return parseCompare();
    }

    ExprPtr parseCompare() {
        ExprPtr left = parseMath1();
        while (true) {
            std::string op;
            if (peek().kind == Token::Op && (peek().text == "==" || peek().text == "!=" || peek().text == "<" || peek().text == ">" ||
                                             peek().text == "<=" || peek().text == ">="))
                op = next().text;
            else if (isName("in")) op = (next(), "in");
            else if (isName("not") && isName("in", 1)) op = (next(), next(), "not in");
            else break;
            left = binary(op, std::move(left), parseMath1());
        }
        return left;
    }

    ExprPtr parseMath1() {
        ExprPtr left = parseConcat();
        while (isOp("+") || isOp("-")) {
            const std::string op = next().text;
            left = binary(op, std::move(left), parseConcat());
        }
        return left;
    }

    ExprPtr parseConcat() {
        ExprPtr left = parseMath2();
        while (isOp("~")) {
            next();
            left = binary("~", std::move(left), parseMath2());
        }
        return left;
    }

    ExprPtr parseMath2() {
        ExprPtr left = parsePow();
        while (isOp("*") || isOp("/") || isOp("//") || isOp("%")) {
            const std::string op = next().text;
            left = binary(op, std::move(left), parsePow());
        }
        return left;
    }

    ExprPtr parsePow() {
        ExprPtr left = parseUnary();
        while (isOp("**")) {
            next();
            left = binary("**", std::move(left), parseUnary());
        }
        return left;
    }

    ExprPtr parseUnary() {
        if (isOp("-") || isOp("+")) {
            auto e = make(Expr::Unary);
            e->name = next().text;
            e->children.push_back(parseUnary());
            return parseFilters(std::move(e));
        }
        return parseFilters(parsePostfix(parsePrimary()));
    }

    void parseArgs(Expr& call) { // after '('
        while (!isOp(")")) {
            if (peek().kind == Token::Name && isOp("=", 1)) {
                call.keywordNames.push_back(next().text);
                next();
                call.children.push_back(parseExpression());
            } else {
                if (!call.keywordNames.empty()) fail("positional argument after a keyword argument");
                call.children.push_back(parseExpression());
            }
            if (!isOp(",")) break;
            next();
        }
        expectOp(")");
    }

    ExprPtr parseFilters(ExprPtr subject) {
        while (true) {
            if (isOp("|")) {
                next();
                auto f = make(Expr::Filter);
                f->name = expectName();
                f->children.push_back(std::move(subject));
                if (isOp("(")) {
                    next();
                    parseArgs(*f);
                }
                subject = std::move(f);
            } else if (isName("is")) {
                next();
                auto t = make(Expr::Test);
                if (isName("not")) {
                    next();
                    t->negated = true;
                }
                t->name = expectName();
                t->children.push_back(std::move(subject));
                if (isOp("(")) {
                    next();
                    parseArgs(*t);
                } else if (peek().kind == Token::String || peek().kind == Token::Int || peek().kind == Token::Float ||
                           (peek().kind == Token::Name && !isName("and") && !isName("or") && !isName("else") && !isName("if") &&
                            !isName("not") && !isName("in") && !isName("is"))) {
                    t->children.push_back(parsePrimary()); // "x is divisibleby 3", "x is sameas none"
                }
                subject = std::move(t);
            } else {
                return subject;
            }
        }
    }

    ExprPtr parsePostfix(ExprPtr e) {
        while (true) {
            if (isOp(".")) {
                next();
                auto a = make(Expr::Attr);
                if (peek().kind == Token::Int) a->name = next().text;
                else a->name = expectName();
                a->children.push_back(std::move(e));
                e = std::move(a);
            } else if (isOp("[")) {
                next();
                ExprPtr parts[3];
                bool isSlice = false;
                for (int k = 0; k < 3; ++k) {
                    if (!isOp(":") && !isOp("]")) parts[k] = parseExpression();
                    if (isOp(":") && k < 2) {
                        next();
                        isSlice = true;
                    } else {
                        break;
                    }
                }
                expectOp("]");
                auto s = make(isSlice ? Expr::Slice : Expr::Item);
                s->children.push_back(std::move(e));
                if (isSlice)
                    for (auto& p : parts) s->children.push_back(std::move(p));
                else s->children.push_back(std::move(parts[0]));
                e = std::move(s);
            } else if (isOp("(")) {
                next();
                auto c = make(Expr::Call);
                c->children.push_back(std::move(e));
                parseArgs(*c);
                e = std::move(c);
            } else {
                return e;
            }
        }
    }

    ExprPtr parsePrimary() {
        const Token t = next();
        switch (t.kind) {
        case Token::String: {
            auto e = make(Expr::Literal);
            std::string s = t.text;
            while (peek().kind == Token::String) s += next().text; // adjacent literals concatenate
            e->value = Value(s);
            return e;
        }
        case Token::Int: {
            auto e = make(Expr::Literal);
            e->value = Value(t.i);
            return e;
        }
        case Token::Float: {
            auto e = make(Expr::Literal);
            e->value = Value(t.f);
            return e;
        }
        case Token::Name: {
            auto e = make(Expr::Literal);
            if (t.text == "true" || t.text == "True") e->value = Value(true);
            else if (t.text == "false" || t.text == "False") e->value = Value(false);
            else if (t.text == "none" || t.text == "None") e->value = Value::none();
            else {
                e->kind = Expr::Name;
                e->name = t.text;
            }
            return e;
        }
        case Token::Op:
            if (t.text == "(") {
                ExprPtr first = parseExpression();
                if (isOp(",")) {
                    auto tuple = make(Expr::TupleLit);
                    tuple->children.push_back(std::move(first));
                    while (isOp(",")) {
                        next();
                        if (isOp(")")) break;
                        tuple->children.push_back(parseExpression());
                    }
                    expectOp(")");
                    return tuple;
                }
                expectOp(")");
                return first;
            }
            if (t.text == "[") {
                auto list = make(Expr::ListLit);
                while (!isOp("]")) {
                    list->children.push_back(parseExpression());
                    if (!isOp(",")) break;
                    next();
                }
                expectOp("]");
                return list;
            }
            if (t.text == "{") {
                auto dict = make(Expr::DictLit);
                while (!isOp("}")) {
                    dict->children.push_back(parseExpression());
                    expectOp(":");
                    dict->children.push_back(parseExpression());
                    if (!isOp(",")) break;
                    next();
                }
                expectOp("}");
                return dict;
            }
            break;
        case Token::End: fail("unexpected end of expression");
        }
        fail("unexpected '" + t.text + "'");
    }

    std::vector<Token> m_t;
    size_t m_i = 0;
    size_t m_line;
};

// ---------------------------------------------------------------- statement parser

class StmtParser {
public:
    explicit StmtParser(std::vector<Chunk> chunks) : m_chunks(std::move(chunks)) {}

    StmtList parseAll() {
        std::string stop;
        StmtList body = parseBody({}, stop);
        if (!stop.empty()) throw Error(format("chat template line %zu: unexpected {%% %s %%}", m_lastLine, stop.c_str()));
        return body;
    }

private:
    // Parses statements until a block whose keyword is in `terminators`; returns it in `stop`.
    StmtList parseBody(const std::vector<std::string>& terminators, std::string& stop) {
        StmtList body;
        stop.clear();
        while (m_pos < m_chunks.size()) {
            const Chunk& c = m_chunks[m_pos++];
            m_lastLine = c.line;
            if (c.kind == Chunk::Text) {
                auto s = std::make_unique<Stmt>();
                s->kind = Stmt::Text;
                s->text = c.content;
                body.push_back(std::move(s));
                continue;
            }
            ExprParser p(tokenize(c.content, c.line), c.line);
            if (c.kind == Chunk::Output) {
                auto s = std::make_unique<Stmt>();
                s->kind = Stmt::Output;
                s->expr = p.parseExpression();
                p.expectEnd();
                body.push_back(std::move(s));
                continue;
            }
            const std::string keyword = p.expectName();
            for (const auto& t : terminators)
                if (keyword == t) {
                    stop = keyword;
                    m_stopParser = std::make_unique<ExprParser>(std::move(p));
                    return body;
                }
            body.push_back(parseStatement(keyword, p, c.line));
        }
        if (!terminators.empty())
            throw Error(format("chat template: missing {%% %s %%} (the template ended first)", terminators.back().c_str()));
        return body;
    }

    std::unique_ptr<Stmt> parseStatement(const std::string& keyword, ExprParser& p, size_t line) {
        auto s = std::make_unique<Stmt>();
        s->line = line;
        std::string stop;
        if (keyword == "if") {
            s->kind = Stmt::If;
            ExprPtr cond = p.parseExpression();
            p.expectEnd();
            while (true) {
                StmtList body = parseBody({"elif", "else", "endif"}, stop);
                s->branches.emplace_back(std::move(cond), std::move(body));
                if (stop == "elif") {
                    cond = m_stopParser->parseExpression();
                    m_stopParser->expectEnd();
                    continue;
                }
                if (stop == "else") s->elseBody = parseBody({"endif"}, stop);
                break;
            }
        } else if (keyword == "for") {
            s->kind = Stmt::For;
            s->targets.push_back(p.expectName());
            while (p.isOp(",")) {
                p.next();
                s->targets.push_back(p.expectName());
            }
            if (!p.isName("in")) p.fail("expected 'in' in for loop");
            p.next();
            s->expr = p.parseOr();
            if (p.isName("if")) {
                p.next();
                s->loopFilter = p.parseOr();
            }
            if (p.isName("recursive")) p.fail("recursive loops are not supported");
            p.expectEnd();
            s->body = parseBody({"else", "endfor"}, stop);
            if (stop == "else") s->elseBody = parseBody({"endfor"}, stop);
        } else if (keyword == "set") {
            std::string first = p.expectName();
            if (p.isOp(".")) {
                p.next();
                s->targets = {first, p.expectName()};
                s->attrTarget = true;
            } else {
                s->targets.push_back(first);
                while (p.isOp(",")) {
                    p.next();
                    s->targets.push_back(p.expectName());
                }
            }
            if (p.isOp("=")) {
                p.next();
                s->kind = Stmt::Set;
                s->expr = p.parseExpression();
                p.expectEnd();
            } else {
                p.expectEnd();
                s->kind = Stmt::SetBlock;
                s->body = parseBody({"endset"}, stop);
            }
        } else if (keyword == "macro") {
            s->kind = Stmt::Macro;
            s->macroName = p.expectName();
            p.expectOp("(");
            while (!p.isOp(")")) {
                std::string name = p.expectName();
                ExprPtr def;
                if (p.isOp("=")) {
                    p.next();
                    def = p.parseExpression();
                }
                s->params.emplace_back(name, std::move(def));
                if (!p.isOp(",")) break;
                p.next();
            }
            p.expectOp(")");
            p.expectEnd();
            s->body = parseBody({"endmacro"}, stop);
        } else if (keyword == "generation") {
            s->kind = Stmt::Generation;
            p.expectEnd();
            s->body = parseBody({"endgeneration"}, stop);
        } else if (keyword == "break" || keyword == "continue") {
            s->kind = keyword == "break" ? Stmt::Break : Stmt::Continue;
            p.expectEnd();
        } else {
            p.fail("statement {% " + keyword + " %} is not supported");
        }
        return s;
    }

    std::vector<Chunk> m_chunks;
    size_t m_pos = 0;
    size_t m_lastLine = 0;
    std::unique_ptr<ExprParser> m_stopParser; // the parser of the block that ended the last body
};

} // namespace

StmtList parseTemplate(const std::string& source) {
    return StmtParser(scan(source)).parseAll();
}

} // namespace ft::jinja
