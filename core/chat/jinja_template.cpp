// The Jinja renderer: a parsed chat template run over its context, with the filters and tests chat
// templates use.
#include "chat/jinja_template.h"

#include "chat/jinja_parser.h"
#include "util/error.h"
#include "util/strings.h"

#include <algorithm>
#include <cmath>
#include <ctime>
#include <map>
#include <memory>

namespace ft::jinja {

namespace {

[[noreturn]] void fail(size_t line, const std::string& what) {
    throw Error(format("chat template line %zu: %s", line, what.c_str()));
}

bool containsGeneration(const StmtList& body) {
    for (const auto& s : body) {
        if (s->kind == Stmt::Generation) return true;
        if (containsGeneration(s->body) || containsGeneration(s->elseBody)) return true;
        for (const auto& [c, b] : s->branches)
            if (containsGeneration(b)) return true;
    }
    return false;
}

std::string stripChars(const std::string& s, const std::string& chars, bool left, bool right) {
    auto isStrip = [&](char c) {
        return chars.empty() ? std::isspace(static_cast<unsigned char>(c)) != 0 : chars.find(c) != std::string::npos;
    };
    size_t b = 0, e = s.size();
    if (left)
        while (b < e && isStrip(s[b])) ++b;
    if (right)
        while (e > b && isStrip(s[e - 1])) --e;
    return s.substr(b, e - b);
}

std::string upper(std::string s) {
    for (auto& c : s) c = char(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (auto& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string capitalize(const std::string& s) {
    std::string out = lower(s);
    if (!out.empty()) out[0] = char(std::toupper(static_cast<unsigned char>(out[0])));
    return out;
}

std::string title(const std::string& s) {
    std::string out = s;
    bool start = true;
    for (auto& c : out) {
        const bool alpha = std::isalpha(static_cast<unsigned char>(c)) != 0;
        c = char(alpha ? (start ? std::toupper(static_cast<unsigned char>(c)) : std::tolower(static_cast<unsigned char>(c))) : c);
        start = !alpha;
    }
    return out;
}

List split(const std::string& s, const Value& sepValue, int64_t maxSplit) {
    List out;
    if (sepValue.isUndefined() || sepValue.isNone()) { // Python's whitespace split
        size_t i = 0;
        while (i < s.size()) {
            while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
            if (i >= s.size()) break;
            size_t j = i;
            if (maxSplit >= 0 && int64_t(out.size()) == maxSplit) {
                out.push_back(Value(stripChars(s.substr(i), "", false, true)));
                return out;
            }
            while (j < s.size() && !std::isspace(static_cast<unsigned char>(s[j]))) ++j;
            out.push_back(Value(s.substr(i, j - i)));
            i = j;
        }
        return out;
    }
    const std::string sep = sepValue.toString();
    if (sep.empty()) throw Error("split: empty separator");
    size_t pos = 0;
    for (size_t hit; (maxSplit < 0 || int64_t(out.size()) < maxSplit) && (hit = s.find(sep, pos)) != std::string::npos;
         pos = hit + sep.size())
        out.push_back(Value(s.substr(pos, hit - pos)));
    out.push_back(Value(s.substr(pos)));
    return out;
}

// Python-style index normalisation; returns false when out of range.
bool normIndex(int64_t& i, size_t n) {
    if (i < 0) i += int64_t(n);
    return i >= 0 && i < int64_t(n);
}

List listOf(const Value& v, size_t line) {
    if (v.isList()) return v.list();
    if (v.isDict()) {
        List keys;
        for (const auto& [k, val] : v.dict().items) keys.push_back(Value(k));
        return keys;
    }
    if (v.isString()) {
        List chars;
        const std::string& s = v.str();
        for (size_t i = 0; i < s.size();) {
            size_t n = 1;
            const auto b = static_cast<unsigned char>(s[i]);
            if (b >= 0xF0) n = 4;
            else if (b >= 0xE0) n = 3;
            else if (b >= 0xC0) n = 2;
            chars.push_back(Value(s.substr(i, n)));
            i += n;
        }
        return chars;
    }
    if (v.isUndefined() || v.isNone()) return {};
    fail(line, "cannot iterate over a " + v.typeName());
}

size_t utf8Chars(const std::string& s) {
    size_t n = 0;
    for (unsigned char c : s) n += (c & 0xC0) != 0x80;
    return n;
}

class Renderer {
public:
    explicit Renderer(const Value& context) {
        auto root = std::make_shared<Dict>();
        addGlobals(*root);
        if (context.isDict())
            for (const auto& [k, v] : context.dict().items) root->set(k, v);
        m_scopes.push_back(root);
    }

    void run(const StmtList& body) { exec(body); }
    RenderResult result() { return {std::move(m_out), std::move(m_spans)}; }

private:
    std::string m_out;
    std::vector<std::pair<size_t, size_t>> m_spans;
    std::vector<std::shared_ptr<Dict>> m_scopes;
    bool m_break = false, m_continue = false;

    // ------------------------------------------------------------ statements
    void exec(const StmtList& body) {
        for (const auto& s : body) {
            if (m_break || m_continue) return;
            execOne(*s);
        }
    }

    void execOne(const Stmt& s) {
        switch (s.kind) {
        case Stmt::Text: m_out += s.text; break;
        case Stmt::Output: m_out += eval(*s.expr).toString(); break;
        case Stmt::If:
            for (const auto& [cond, body] : s.branches)
                if (eval(*cond).truthy()) {
                    exec(body);
                    return;
                }
            exec(s.elseBody);
            break;
        case Stmt::For: execFor(s); break;
        case Stmt::Set: assign(s, eval(*s.expr)); break;
        case Stmt::SetBlock: {
            std::string saved;
            saved.swap(m_out);
            exec(s.body);
            saved.swap(m_out);
            assign(s, Value(saved));
            break;
        }
        case Stmt::Macro: defineMacro(s); break;
        case Stmt::Generation: {
            const size_t start = m_out.size();
            exec(s.body);
            m_spans.emplace_back(start, m_out.size());
            break;
        }
        case Stmt::Break: m_break = true; break;
        case Stmt::Continue: m_continue = true; break;
        }
    }

    void assign(const Stmt& s, const Value& v) {
        if (s.attrTarget) {
            Value ns = lookup(s.targets[0]);
            if (!ns.isDict() || !ns.dict().isNamespace) fail(s.line, "cannot set an attribute of '" + s.targets[0] + "' (not a namespace)");
            ns.dict().set(s.targets[1], v);
            return;
        }
        if (s.targets.size() == 1) {
            m_scopes.back()->set(s.targets[0], v);
            return;
        }
        const List items = listOf(v, s.line);
        if (items.size() != s.targets.size()) fail(s.line, "cannot unpack into " + std::to_string(s.targets.size()) + " names");
        for (size_t i = 0; i < items.size(); ++i) m_scopes.back()->set(s.targets[i], items[i]);
    }

    void execFor(const Stmt& s) {
        const Value iterable = eval(*s.expr);
        List items;
        if (iterable.isDict() && s.targets.size() == 2) { // for k, v in dict (without .items()) is an error in Python; allow items
            items = listOf(iterable, s.line);
        } else {
            items = listOf(iterable, s.line);
        }
        if (s.loopFilter) {
            List kept;
            for (const auto& item : items) {
                pushScope();
                bindTargets(s, item);
                if (eval(*s.loopFilter).truthy()) kept.push_back(item);
                m_scopes.pop_back();
            }
            items.swap(kept);
        }
        if (items.empty()) {
            exec(s.elseBody);
            return;
        }
        const int64_t n = int64_t(items.size());
        for (int64_t i = 0; i < n; ++i) {
            pushScope();
            bindTargets(s, items[size_t(i)]);
            auto loop = std::make_shared<Dict>();
            loop->set("index", Value(i + 1));
            loop->set("index0", Value(i));
            loop->set("revindex", Value(n - i));
            loop->set("revindex0", Value(n - i - 1));
            loop->set("first", Value(i == 0));
            loop->set("last", Value(i == n - 1));
            loop->set("length", Value(n));
            loop->set("previtem", i > 0 ? items[size_t(i - 1)] : Value());
            loop->set("nextitem", i + 1 < n ? items[size_t(i + 1)] : Value());
            loop->set("cycle", Value::function([i](CallArgs& a) {
                          return a.positional.empty() ? Value() : a.positional[size_t(i) % a.positional.size()];
                      }));
            m_scopes.back()->set("loop", Value(loop));
            exec(s.body);
            m_scopes.pop_back();
            m_continue = false;
            if (m_break) {
                m_break = false;
                break;
            }
        }
    }

    void bindTargets(const Stmt& s, const Value& item) {
        if (s.targets.size() == 1) {
            m_scopes.back()->set(s.targets[0], item);
            return;
        }
        const List parts = listOf(item, s.line);
        if (parts.size() != s.targets.size()) fail(s.line, "cannot unpack a loop item into " + std::to_string(s.targets.size()) + " names");
        for (size_t k = 0; k < parts.size(); ++k) m_scopes.back()->set(s.targets[k], parts[k]);
    }

    void pushScope() { m_scopes.push_back(std::make_shared<Dict>()); }

    void defineMacro(const Stmt& s) {
        const Stmt* def = &s;
        m_scopes.back()->set(s.macroName, Value::function([this, def](CallArgs& args) {
                                 auto scope = std::make_shared<Dict>();
                                 for (size_t i = 0; i < def->params.size(); ++i) {
                                     Value v = args.get(i, def->params[i].first.c_str());
                                     if (v.isUndefined() && def->params[i].second) v = eval(*def->params[i].second);
                                     scope->set(def->params[i].first, v);
                                 }
                                 std::vector<std::shared_ptr<Dict>> saved{m_scopes.front()};
                                 saved.swap(m_scopes);
                                 m_scopes.push_back(scope);
                                 std::string out;
                                 out.swap(m_out);
                                 exec(def->body);
                                 out.swap(m_out);
                                 saved.swap(m_scopes);
                                 return Value(out);
                             }));
    }

    Value lookup(const std::string& name) const {
        for (auto it = m_scopes.rbegin(); it != m_scopes.rend(); ++it)
            if ((*it)->has(name)) return (*it)->get(name);
        return Value();
    }

    // ------------------------------------------------------------ expressions
    Value eval(const Expr& e) {
        switch (e.kind) {
        case Expr::Literal: return e.value;
        case Expr::Name: return lookup(e.name);
        case Expr::ListLit:
        case Expr::TupleLit: {
            List items;
            for (const auto& c : e.children) items.push_back(eval(*c));
            return Value(std::move(items));
        }
        case Expr::DictLit: {
            auto d = std::make_shared<Dict>();
            for (size_t i = 0; i + 1 < e.children.size(); i += 2) d->set(eval(*e.children[i]).toString(), eval(*e.children[i + 1]));
            return Value(d);
        }
        case Expr::Attr: return attribute(eval(*e.children[0]), e.name, e.line);
        case Expr::Item: return item(eval(*e.children[0]), eval(*e.children[1]), e.line);
        case Expr::Slice: return slice(e);
        case Expr::Call: return call(e);
        case Expr::Filter: return filter(e);
        case Expr::Test: {
            const bool r = test(e);
            return Value(e.negated ? !r : r);
        }
        case Expr::Unary: {
            const Value v = eval(*e.children[0]);
            if (e.name == "not") return Value(!v.truthy());
            if (e.name == "-") return v.type() == Value::Type::Float ? Value(-v.asDouble()) : Value(-v.asInt());
            return v;
        }
        case Expr::Binary: return binary(e);
        case Expr::Conditional:
            if (eval(*e.children[1]).truthy()) return eval(*e.children[0]);
            return e.children[2] ? eval(*e.children[2]) : Value();
        }
        return Value();
    }

    Value attribute(const Value& obj, const std::string& name, size_t line) {
        if (obj.isDict()) {
            if (obj.dict().has(name)) return obj.dict().get(name);
            return method(obj, name, line);
        }
        if (obj.isString() || obj.isList()) return method(obj, name, line);
        return Value();
    }

    Value item(const Value& obj, const Value& key, size_t line) {
        if (obj.isDict()) return obj.dict().get(key.toString());
        if (obj.isList() && key.isNumber()) {
            int64_t i = key.asInt();
            return normIndex(i, obj.list().size()) ? obj.list()[size_t(i)] : Value();
        }
        if (obj.isString() && key.isNumber()) {
            const List chars = listOf(obj, line);
            int64_t i = key.asInt();
            return normIndex(i, chars.size()) ? chars[size_t(i)] : Value();
        }
        if (key.isString()) return attribute(obj, key.str(), line);
        return Value();
    }

    Value slice(const Expr& e) {
        const Value obj = eval(*e.children[0]);
        const List items = listOf(obj, e.line);
        const int64_t n = int64_t(items.size());
        auto opt = [&](size_t k) { return e.children[k] ? eval(*e.children[k]) : Value(); };
        const Value stepV = opt(3);
        const int64_t step = stepV.isNumber() ? stepV.asInt() : 1;
        if (step == 0) fail(e.line, "slice step cannot be zero");
        auto bound = [&](const Value& v, int64_t dflt) {
            if (!v.isNumber()) return dflt;
            int64_t i = v.asInt();
            if (i < 0) i += n;
            return step > 0 ? std::clamp<int64_t>(i, 0, n) : std::clamp<int64_t>(i, -1, n - 1);
        };
        const int64_t start = bound(opt(1), step > 0 ? 0 : n - 1), stop = bound(opt(2), step > 0 ? n : -1);
        List out;
        for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(items[size_t(i)]);
        if (obj.isString()) {
            std::string s;
            for (const auto& c : out) s += c.str();
            return Value(s);
        }
        return Value(std::move(out));
    }

    CallArgs evalArgs(const Expr& e, size_t first) {
        CallArgs a;
        const size_t kw = e.keywordNames.size();
        const size_t positional = e.children.size() - first - kw;
        for (size_t i = 0; i < positional; ++i) a.positional.push_back(eval(*e.children[first + i]));
        for (size_t i = 0; i < kw; ++i) a.keywords.emplace_back(e.keywordNames[i], eval(*e.children[first + positional + i]));
        return a;
    }

    Value call(const Expr& e) {
        const Expr& callee = *e.children[0];
        CallArgs args = evalArgs(e, 1);
        Value f;
        if (callee.kind == Expr::Attr) { // obj.method(...)
            const Value obj = eval(*callee.children[0]);
            if (obj.isDict() && obj.dict().has(callee.name)) f = obj.dict().get(callee.name);
            else return callMethod(obj, callee.name, args, e.line);
        } else {
            f = eval(callee);
        }
        if (f.type() != Value::Type::Function)
            fail(e.line, "'" + (callee.kind == Expr::Name ? callee.name : std::string("value")) + "' is not callable");
        return f.fn()(args);
    }

    // A method looked up as an attribute but not called: give back a bound function.
    Value method(const Value& obj, const std::string& name, size_t line) {
        static const char* const known[] = {"strip",      "lstrip",  "rstrip", "split", "startswith", "endswith", "upper", "lower", "title",
                                            "capitalize", "replace", "items",  "keys",  "values",     "get",      "find",  "count", "join"};
        for (const char* k : known)
            if (name == k) return Value::function([this, obj, name, line](CallArgs& a) { return callMethod(obj, name, a, line); });
        return Value();
    }

    Value callMethod(const Value& obj, const std::string& name, CallArgs& a, size_t line) {
        if (obj.isString()) {
            const std::string& s = obj.str();
            const Value arg0 = a.get(0, "chars");
            const std::string chars = arg0.isString() ? arg0.str() : "";
            if (name == "strip") return Value(stripChars(s, chars, true, true));
            if (name == "lstrip") return Value(stripChars(s, chars, true, false));
            if (name == "rstrip") return Value(stripChars(s, chars, false, true));
            if (name == "upper") return Value(upper(s));
            if (name == "lower") return Value(lower(s));
            if (name == "title") return Value(title(s));
            if (name == "capitalize") return Value(capitalize(s));
            if (name == "split") {
                const Value maxv = a.get(1, "maxsplit");
                return Value(split(s, a.get(0, "sep"), maxv.isNumber() ? maxv.asInt() : -1));
            }
            if (name == "startswith" || name == "endswith") {
                List options = a.get(0, "prefix").isList() ? a.get(0, "prefix").list() : List{a.get(0, "prefix")};
                for (const auto& o : options) {
                    const std::string p = o.toString();
                    if (name == "startswith" ? s.compare(0, p.size(), p) == 0
                                             : (s.size() >= p.size() && s.compare(s.size() - p.size(), p.size(), p) == 0))
                        return Value(true);
                }
                return Value(false);
            }
            if (name == "replace") {
                const Value count = a.get(2, "count");
                return Value(replaceAll(s, a.get(0, "old").toString(), a.get(1, "new").toString(), count.isNumber() ? count.asInt() : -1));
            }
            if (name == "find") {
                const size_t pos = s.find(a.get(0, "sub").toString());
                return Value(pos == std::string::npos ? int64_t(-1) : int64_t(pos));
            }
            if (name == "count") {
                const std::string sub = a.get(0, "sub").toString();
                int64_t n = 0;
                for (size_t p = s.find(sub); !sub.empty() && p != std::string::npos; p = s.find(sub, p + sub.size())) ++n;
                return Value(n);
            }
            if (name == "join") {
                std::string out;
                const List items = listOf(a.get(0, "iterable"), line);
                for (size_t i = 0; i < items.size(); ++i) out += (i ? s : "") + items[i].toString();
                return Value(out);
            }
        } else if (obj.isDict()) {
            if (name == "items") {
                List out;
                for (const auto& [k, v] : obj.dict().items) out.push_back(Value(List{Value(k), v}));
                return Value(out);
            }
            if (name == "keys") return Value(listOf(obj, line));
            if (name == "values") {
                List out;
                for (const auto& [k, v] : obj.dict().items) out.push_back(v);
                return Value(out);
            }
            if (name == "get") {
                const std::string key = a.get(0, "key").toString();
                return obj.dict().has(key) ? obj.dict().get(key) : a.get(1, "default", Value::none());
            }
        }
        fail(line, "unknown method '" + name + "' of a " + obj.typeName());
    }

    Value binary(const Expr& e) {
        const std::string& op = e.name;
        if (op == "and") {
            const Value l = eval(*e.children[0]);
            return l.truthy() ? eval(*e.children[1]) : l;
        }
        if (op == "or") {
            const Value l = eval(*e.children[0]);
            return l.truthy() ? l : eval(*e.children[1]);
        }
        const Value l = eval(*e.children[0]), r = eval(*e.children[1]);
        if (op == "~") return Value(l.toString() + r.toString());
        if (op == "==") return Value(l.equals(r));
        if (op == "!=") return Value(!l.equals(r));
        if (op == "in" || op == "not in") {
            bool found = false;
            if (r.isString()) found = r.str().find(l.toString()) != std::string::npos;
            else if (r.isList()) found = std::any_of(r.list().begin(), r.list().end(), [&](const Value& x) { return x.equals(l); });
            else if (r.isDict()) found = r.dict().has(l.toString());
            else if (!r.isUndefined() && !r.isNone()) fail(e.line, "'in' needs a string, list or dict on the right");
            return Value(op == "in" ? found : !found);
        }
        if (op == "<" || op == ">" || op == "<=" || op == ">=") {
            int c;
            try {
                c = l.compare(r);
            } catch (const Error& err) {
                fail(e.line, err.what());
            }
            return Value(op == "<" ? c < 0 : op == ">" ? c > 0 : op == "<=" ? c <= 0 : c >= 0);
        }
        if (op == "+") {
            if (l.isString() && r.isString()) return Value(l.str() + r.str());
            if (l.isList() && r.isList()) {
                List out = l.list();
                out.insert(out.end(), r.list().begin(), r.list().end());
                return Value(out);
            }
        }
        if (op == "*" && l.isString() && r.isNumber()) {
            std::string out;
            for (int64_t i = 0; i < r.asInt(); ++i) out += l.str();
            return Value(out);
        }
        if (!(l.isNumber() || l.type() == Value::Type::Bool) || !(r.isNumber() || r.type() == Value::Type::Bool))
            fail(e.line, "unsupported operand types for " + op + ": " + l.typeName() + " and " + r.typeName());
        const bool ints = l.type() != Value::Type::Float && r.type() != Value::Type::Float;
        if (op == "/") {
            if (r.asDouble() == 0) fail(e.line, "division by zero");
            return Value(l.asDouble() / r.asDouble());
        }
        if (op == "//" || op == "%") {
            if (r.asDouble() == 0) fail(e.line, "division by zero");
            if (ints) {
                const int64_t a = l.asInt(), b = r.asInt();
                int64_t q = a / b, m = a % b;
                if (m != 0 && ((m < 0) != (b < 0))) --q, m += b;
                return op == "//" ? Value(q) : Value(m);
            }
            const double q = std::floor(l.asDouble() / r.asDouble());
            return op == "//" ? Value(q) : Value(l.asDouble() - q * r.asDouble());
        }
        if (op == "**") {
            const double p = std::pow(l.asDouble(), r.asDouble());
            return ints && r.asInt() >= 0 ? Value(int64_t(std::llround(p))) : Value(p);
        }
        if (ints) {
            const int64_t a = l.asInt(), b = r.asInt();
            return op == "+" ? Value(a + b) : op == "-" ? Value(a - b) : Value(a * b);
        }
        const double a = l.asDouble(), b = r.asDouble();
        return op == "+" ? Value(a + b) : op == "-" ? Value(a - b) : Value(a * b);
    }

    bool test(const Expr& e) {
        const Value v = eval(*e.children[0]);
        CallArgs a = evalArgs(e, 1);
        return applyTest(e.name, v, a, e.line);
    }

    bool applyTest(const std::string& name, const Value& v, CallArgs& a, size_t line) {
        using T = Value::Type;
        if (name == "defined") return !v.isUndefined();
        if (name == "undefined") return v.isUndefined();
        if (name == "none") return v.isNone();
        if (name == "string") return v.isString();
        if (name == "number") return v.isNumber();
        if (name == "integer") return v.type() == T::Int;
        if (name == "float") return v.type() == T::Float;
        if (name == "boolean") return v.type() == T::Bool;
        if (name == "true") return v.type() == T::Bool && v.truthy();
        if (name == "false") return v.type() == T::Bool && !v.truthy();
        if (name == "mapping") return v.isDict();
        if (name == "sequence") return v.isList() || v.isString() || v.isDict();
        if (name == "iterable") return v.isList() || v.isString() || v.isDict();
        if (name == "callable") return v.type() == T::Function;
        if (name == "even") return v.asInt() % 2 == 0;
        if (name == "odd") return v.asInt() % 2 != 0;
        if (name == "divisibleby") return v.asInt() % a.get(0, "num").asInt() == 0;
        if (name == "eq" || name == "equalto" || name == "sameas") return v.equals(a.get(0, "other"));
        if (name == "ne") return !v.equals(a.get(0, "other"));
        if (name == "lt" || name == "lessthan") return v.compare(a.get(0, "other")) < 0;
        if (name == "gt" || name == "greaterthan") return v.compare(a.get(0, "other")) > 0;
        if (name == "le") return v.compare(a.get(0, "other")) <= 0;
        if (name == "ge") return v.compare(a.get(0, "other")) >= 0;
        if (name == "in") {
            const Value c = a.get(0, "seq");
            if (c.isString()) return c.str().find(v.toString()) != std::string::npos;
            if (c.isDict()) return c.dict().has(v.toString());
            for (const auto& x : listOf(c, line))
                if (x.equals(v)) return true;
            return false;
        }
        if (name == "lower") return v.isString() && lower(v.str()) == v.str();
        if (name == "upper") return v.isString() && upper(v.str()) == v.str();
        fail(line, "unknown test '" + name + "'");
    }

    Value filter(const Expr& e) {
        const Value v = eval(*e.children[0]);
        CallArgs a = evalArgs(e, 1);
        return applyFilter(e.name, v, a, e.line);
    }

    Value applyFilter(const std::string& name, const Value& v, CallArgs& a, size_t line) {
        if (name == "trim") {
            const Value chars = a.get(0, "chars");
            return Value(stripChars(v.toString(), chars.isString() ? chars.str() : "", true, true));
        }
        if (name == "tojson") {
            const Value indent = a.get(0, "indent");
            return Value(v.toJson(indent.isNumber() ? int(indent.asInt()) : -1, a.get(1, "sort_keys").truthy()));
        }
        if (name == "length" || name == "count") {
            if (v.isString()) return Value(int64_t(utf8Chars(v.str())));
            return Value(int64_t(listOf(v, line).size()));
        }
        if (name == "upper") return Value(upper(v.toString()));
        if (name == "lower") return Value(lower(v.toString()));
        if (name == "capitalize") return Value(capitalize(v.toString()));
        if (name == "title") return Value(title(v.toString()));
        if (name == "string") return Value(v.toString());
        if (name == "safe" || name == "e" || name == "escape") return v; // no autoescaping in chat templates
        if (name == "default" || name == "d") {
            const bool boolean = a.get(1, "boolean").truthy();
            return (v.isUndefined() || (boolean && !v.truthy())) ? a.get(0, "default_value", Value("")) : v;
        }
        if (name == "first") {
            const List items = listOf(v, line);
            return items.empty() ? Value() : items.front();
        }
        if (name == "last") {
            const List items = listOf(v, line);
            return items.empty() ? Value() : items.back();
        }
        if (name == "join") {
            const std::string sep = a.get(0, "d", Value("")).toString();
            const Value attr = a.get(1, "attribute");
            std::string out;
            const List items = listOf(v, line);
            for (size_t i = 0; i < items.size(); ++i)
                out += (i ? sep : "") + (attr.isUndefined() ? items[i] : attribute(items[i], attr.toString(), line)).toString();
            return Value(out);
        }
        if (name == "replace") {
            const Value count = a.get(2, "count");
            return Value(
                replaceAll(v.toString(), a.get(0, "old").toString(), a.get(1, "new").toString(), count.isNumber() ? count.asInt() : -1));
        }
        if (name == "int") {
            if (v.isString()) {
                try {
                    return Value(int64_t(std::stoll(v.str())));
                } catch (...) {
                    return a.get(0, "default", Value(0));
                }
            }
            return v.isNumber() || v.type() == Value::Type::Bool ? Value(v.asInt()) : a.get(0, "default", Value(0));
        }
        if (name == "float") {
            if (v.isString()) {
                try {
                    return Value(std::stod(v.str()));
                } catch (...) {
                    return a.get(0, "default", Value(0.0));
                }
            }
            return v.isNumber() ? Value(v.asDouble()) : a.get(0, "default", Value(0.0));
        }
        if (name == "abs") return v.type() == Value::Type::Float ? Value(std::fabs(v.asDouble())) : Value(int64_t(std::llabs(v.asInt())));
        if (name == "round") {
            const int64_t precision = a.get(0, "precision", Value(0)).asInt();
            const double scale = std::pow(10.0, double(precision));
            return Value(std::nearbyint(v.asDouble() * scale) / scale);
        }
        if (name == "list") return Value(listOf(v, line));
        if (name == "reverse") {
            if (v.isString()) {
                List chars = listOf(v, line);
                std::string s;
                for (auto it = chars.rbegin(); it != chars.rend(); ++it) s += it->str();
                return Value(s);
            }
            List items = listOf(v, line);
            std::reverse(items.begin(), items.end());
            return Value(items);
        }
        if (name == "sort") {
            List items = listOf(v, line);
            const Value attr = a.get(2, "attribute");
            const bool reverse = a.get(0, "reverse").truthy();
            std::stable_sort(items.begin(), items.end(), [&](const Value& x, const Value& y) {
                const Value kx = attr.isUndefined() ? x : attribute(x, attr.toString(), line);
                const Value ky = attr.isUndefined() ? y : attribute(y, attr.toString(), line);
                return reverse ? ky.compare(kx) < 0 : kx.compare(ky) < 0;
            });
            return Value(items);
        }
        if (name == "unique") {
            List out;
            for (const auto& x : listOf(v, line))
                if (std::none_of(out.begin(), out.end(), [&](const Value& y) { return y.equals(x); })) out.push_back(x);
            return Value(out);
        }
        if (name == "items") return callMethod(v, "items", a, line);
        if (name == "dictsort") {
            List items = callMethod(v, "items", a, line).list();
            std::stable_sort(items.begin(), items.end(),
                             [](const Value& x, const Value& y) { return x.list()[0].compare(y.list()[0]) < 0; });
            return Value(items);
        }
        if (name == "map") {
            List out;
            const Value attr = a.get(99, "attribute");
            for (const auto& x : listOf(v, line)) {
                if (!attr.isUndefined()) {
                    out.push_back(attribute(x, attr.toString(), line));
                } else {
                    CallArgs rest;
                    rest.positional.assign(a.positional.begin() + (a.positional.empty() ? 0 : 1), a.positional.end());
                    out.push_back(applyFilter(a.get(0, "filter").toString(), x, rest, line));
                }
            }
            return Value(out);
        }
        if (name == "select" || name == "reject" || name == "selectattr" || name == "rejectattr") {
            const bool byAttr = name == "selectattr" || name == "rejectattr";
            const bool keep = name == "select" || name == "selectattr";
            const size_t testIndex = byAttr ? 1 : 0;
            List out;
            for (const auto& x : listOf(v, line)) {
                const Value subject = byAttr ? attribute(x, a.get(0, "attr").toString(), line) : x;
                bool r;
                if (testIndex < a.positional.size()) {
                    CallArgs rest;
                    rest.positional.assign(a.positional.begin() + long(testIndex) + 1, a.positional.end());
                    r = applyTest(a.positional[testIndex].toString(), subject, rest, line);
                } else {
                    r = subject.truthy();
                }
                if (r == keep) out.push_back(x);
            }
            return Value(out);
        }
        if (name == "indent") {
            const Value w = a.get(0, "width", Value(4));
            const std::string pad = w.isString() ? w.str() : std::string(size_t(w.asInt()), ' ');
            const bool first = a.get(1, "first").truthy(), blank = a.get(2, "blank").truthy();
            const std::string s = v.toString();
            std::string out;
            size_t lineNo = 0;
            for (size_t pos = 0; pos <= s.size();) {
                size_t nl = s.find('\n', pos);
                const std::string l = s.substr(pos, nl == std::string::npos ? std::string::npos : nl - pos);
                if ((lineNo > 0 || first) && (blank || !l.empty())) out += pad;
                out += l;
                if (nl == std::string::npos) break;
                out += '\n';
                pos = nl + 1;
                ++lineNo;
            }
            return Value(out);
        }
        if (name == "wordcount") return Value(int64_t(split(v.toString(), Value(), -1).size()));
        fail(line, "unknown filter '" + name + "'");
    }

    void addGlobals(Dict& g) {
        g.set("raise_exception", Value::function([](CallArgs& a) -> Value {
                  throw Error("the chat template refused the conversation: " + a.get(0, "message").toString());
              }));
        g.set("strftime_now", Value::function([](CallArgs& a) {
                  const std::time_t now = std::time(nullptr);
                  std::tm tm{};
                  localtime_r(&now, &tm);
                  char buf[256];
                  const size_t n = std::strftime(buf, sizeof(buf), a.get(0, "format").toString().c_str(), &tm);
                  return Value(std::string(buf, n));
              }));
        g.set("range", Value::function([](CallArgs& a) {
                  int64_t start = 0, stop, step = 1;
                  if (a.positional.size() == 1) stop = a.positional[0].asInt();
                  else {
                      start = a.get(0, "start").asInt();
                      stop = a.get(1, "stop").asInt();
                      if (a.positional.size() > 2) step = a.positional[2].asInt();
                  }
                  if (step == 0) throw Error("range() step must not be zero");
                  List out;
                  for (int64_t i = start; step > 0 ? i < stop : i > stop; i += step) out.push_back(Value(i));
                  return Value(out);
              }));
        auto makeNamespace = [](CallArgs& a) {
            auto d = std::make_shared<Dict>();
            d->isNamespace = true;
            if (!a.positional.empty() && a.positional[0].isDict())
                for (const auto& [k, v] : a.positional[0].dict().items) d->set(k, v);
            for (const auto& [k, v] : a.keywords) d->set(k, v);
            return Value(d);
        };
        g.set("namespace", Value::function(makeNamespace));
        g.set("dict", Value::function([](CallArgs& a) {
                  auto d = std::make_shared<Dict>();
                  for (const auto& [k, v] : a.keywords) d->set(k, v);
                  return Value(d);
              }));
    }
};

} // namespace

Template::Template(const std::string& source) : m_body(parseTemplate(source)), m_hasGeneration(containsGeneration(m_body)) {}

RenderResult Template::render(const Value& context) const {
    Renderer r(context);
    r.run(m_body);
    return r.result();
}

} // namespace ft::jinja
