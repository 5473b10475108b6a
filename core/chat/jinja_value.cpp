// Jinja values (none, booleans, numbers, strings, lists, dicts) and their conversions and
// comparisons.
#include "chat/jinja_value.h"

#include "util/error.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <nlohmann/json.hpp>

namespace ft::jinja {

Value Value::none() {
    Value v;
    v.m_type = Type::None;
    return v;
}
Value::Value(bool b) : m_type(Type::Bool), m_bool(b) {}
Value::Value(int v) : m_type(Type::Int), m_int(v) {}
Value::Value(int64_t v) : m_type(Type::Int), m_int(v) {}
Value::Value(double v) : m_type(Type::Float), m_float(v) {}
Value::Value(const char* s) : m_type(Type::String), m_string(std::make_shared<std::string>(s)) {}
Value::Value(std::string s) : m_type(Type::String), m_string(std::make_shared<std::string>(std::move(s))) {}
Value::Value(List items) : m_type(Type::List), m_list(std::make_shared<List>(std::move(items))) {}
Value::Value(std::shared_ptr<Dict> d) : m_type(Type::Dict), m_dict(std::move(d)) {}

Value Value::function(Function f) {
    Value v;
    v.m_type = Type::Function;
    v.m_function = std::make_shared<Function>(std::move(f));
    return v;
}

bool Value::truthy() const {
    switch (m_type) {
    case Type::Undefined:
    case Type::None: return false;
    case Type::Bool: return m_bool;
    case Type::Int: return m_int != 0;
    case Type::Float: return m_float != 0;
    case Type::String: return !m_string->empty();
    case Type::List: return !m_list->empty();
    case Type::Dict: return !m_dict->items.empty();
    case Type::Function: return true;
    }
    return false;
}

int64_t Value::asInt() const {
    if (m_type == Type::Int) return m_int;
    if (m_type == Type::Float) return int64_t(m_float);
    if (m_type == Type::Bool) return m_bool ? 1 : 0;
    throw Error("expected a number, got " + typeName());
}

double Value::asDouble() const {
    if (m_type == Type::Float) return m_float;
    return double(asInt());
}

std::string Value::typeName() const {
    switch (m_type) {
    case Type::Undefined: return "undefined";
    case Type::None: return "none";
    case Type::Bool: return "bool";
    case Type::Int: return "int";
    case Type::Float: return "float";
    case Type::String: return "string";
    case Type::List: return "list";
    case Type::Dict: return "dict";
    case Type::Function: return "function";
    }
    return "?";
}

namespace {

// Python's repr of a float: the shortest text that reads back, with ".0" for integral values.
std::string floatText(double v) {
    if (std::isnan(v)) return "nan";
    if (std::isinf(v)) return v > 0 ? "inf" : "-inf";
    char buf[64];
    for (int precision = 1; precision <= 17; ++precision) {
        std::snprintf(buf, sizeof(buf), "%.*g", precision, v);
        if (std::strtod(buf, nullptr) == v) break;
    }
    std::string s = buf;
    if (s.find_first_of(".eEn") == std::string::npos) s += ".0";
    if (const auto e = s.find('e'); e != std::string::npos) { // Python writes 1e+16 as 1e+16, 1e-05 as 1e-05
        std::string mant = s.substr(0, e), exp = s.substr(e + 1);
        const char sign = exp[0] == '-' ? '-' : '+';
        if (exp[0] == '+' || exp[0] == '-') exp = exp.substr(1);
        while (exp.size() > 2 && exp[0] == '0') exp = exp.substr(1);
        if (exp.size() < 2) exp = "0" + exp;
        s = mant + "e" + sign + exp;
    }
    return s;
}

std::string pyQuote(const std::string& s) {
    const bool useDouble = s.find('\'') != std::string::npos && s.find('"') == std::string::npos;
    const char q = useDouble ? '"' : '\'';
    std::string out(1, q);
    for (unsigned char c : s) {
        if (c == '\\') out += "\\\\";
        else if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else if (c == '\t') out += "\\t";
        else if (c == q) out += std::string("\\") + char(q);
        else if (c < 0x20 || c == 0x7F) {
            char buf[8];
            std::snprintf(buf, sizeof(buf), "\\x%02x", c);
            out += buf;
        } else out += char(c);
    }
    return out + char(q);
}

std::string jsonQuote(const std::string& s) {
    std::string out = "\"";
    for (unsigned char c : s) {
        switch (c) {
        case '"': out += "\\\""; break;
        case '\\': out += "\\\\"; break;
        case '\n': out += "\\n"; break;
        case '\r': out += "\\r"; break;
        case '\t': out += "\\t"; break;
        case '\b': out += "\\b"; break;
        case '\f': out += "\\f"; break;
        default:
            if (c < 0x20 || c == 0x7F) {
                char buf[8];
                std::snprintf(buf, sizeof(buf), "\\u%04x", c);
                out += buf;
            } else {
                out += char(c);
            }
        }
    }
    return out + "\"";
}

} // namespace

std::string Value::toString() const {
    switch (m_type) {
    case Type::Undefined: return "";
    case Type::String: return *m_string;
    default: return repr();
    }
}

std::string Value::repr() const {
    switch (m_type) {
    case Type::Undefined: return "";
    case Type::None: return "None";
    case Type::Bool: return m_bool ? "True" : "False";
    case Type::Int: return std::to_string(m_int);
    case Type::Float: return floatText(m_float);
    case Type::String: return pyQuote(*m_string);
    case Type::List: {
        std::string s = "[";
        for (size_t i = 0; i < m_list->size(); ++i) s += (i ? ", " : "") + (*m_list)[i].repr();
        return s + "]";
    }
    case Type::Dict: {
        std::string s = "{";
        for (size_t i = 0; i < m_dict->items.size(); ++i)
            s += (i ? ", " : "") + pyQuote(m_dict->items[i].first) + ": " + m_dict->items[i].second.repr();
        return s + "}";
    }
    case Type::Function: return "<function>";
    }
    return "";
}

std::string Value::toJson(int indent, bool sortKeys, int depth) const {
    const std::string nl = indent >= 0 ? "\n" + std::string(size_t(indent * (depth + 1)), ' ') : "";
    const std::string nlEnd = indent >= 0 ? "\n" + std::string(size_t(indent * depth), ' ') : "";
    const std::string sep = indent >= 0 ? "," : ", ";
    switch (m_type) {
    case Type::Undefined:
    case Type::None: return "null";
    case Type::Bool: return m_bool ? "true" : "false";
    case Type::Int: return std::to_string(m_int);
    case Type::Float:
        if (std::isnan(m_float)) return "NaN";
        if (std::isinf(m_float)) return m_float > 0 ? "Infinity" : "-Infinity";
        return floatText(m_float);
    case Type::String: return jsonQuote(*m_string);
    case Type::List: {
        if (m_list->empty()) return "[]";
        std::string s = "[";
        for (size_t i = 0; i < m_list->size(); ++i) s += (i ? sep : "") + nl + (*m_list)[i].toJson(indent, sortKeys, depth + 1);
        return s + nlEnd + "]";
    }
    case Type::Dict: {
        if (m_dict->items.empty()) return "{}";
        auto items = m_dict->items;
        if (sortKeys) std::stable_sort(items.begin(), items.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
        std::string s = "{";
        for (size_t i = 0; i < items.size(); ++i)
            s += (i ? sep : "") + nl + jsonQuote(items[i].first) + ": " + items[i].second.toJson(indent, sortKeys, depth + 1);
        return s + nlEnd + "}";
    }
    case Type::Function: throw Error("a function cannot be converted to JSON");
    }
    return "null";
}

bool Value::equals(const Value& o) const {
    if (isNumber() && o.isNumber()) return asDouble() == o.asDouble();
    if ((m_type == Type::Bool && o.isNumber()) || (isNumber() && o.m_type == Type::Bool)) return asDouble() == o.asDouble();
    if (m_type != o.m_type) return false;
    switch (m_type) {
    case Type::Undefined:
    case Type::None: return true;
    case Type::Bool: return m_bool == o.m_bool;
    case Type::String: return *m_string == *o.m_string;
    case Type::List:
        if (m_list->size() != o.m_list->size()) return false;
        for (size_t i = 0; i < m_list->size(); ++i)
            if (!(*m_list)[i].equals((*o.m_list)[i])) return false;
        return true;
    case Type::Dict:
        if (m_dict->items.size() != o.m_dict->items.size()) return false;
        for (const auto& [k, v] : m_dict->items)
            if (!o.m_dict->has(k) || !o.m_dict->get(k).equals(v)) return false;
        return true;
    default: return m_function == o.m_function;
    }
}

int Value::compare(const Value& o) const {
    if ((isNumber() || m_type == Type::Bool) && (o.isNumber() || o.m_type == Type::Bool)) {
        const double a = asDouble(), b = o.asDouble();
        return a < b ? -1 : a > b ? 1 : 0;
    }
    if (isString() && o.isString()) return m_string->compare(*o.m_string) < 0 ? -1 : *m_string == *o.m_string ? 0 : 1;
    if (isList() && o.isList()) {
        for (size_t i = 0; i < std::min(m_list->size(), o.m_list->size()); ++i)
            if (const int c = (*m_list)[i].compare((*o.m_list)[i])) return c;
        return m_list->size() < o.m_list->size() ? -1 : m_list->size() > o.m_list->size() ? 1 : 0;
    }
    throw Error("cannot compare " + typeName() + " with " + o.typeName());
}

Value Value::fromJson(const nlohmann::ordered_json& j) {
    switch (j.type()) {
    case nlohmann::ordered_json::value_t::null: return none();
    case nlohmann::ordered_json::value_t::boolean: return Value(j.get<bool>());
    case nlohmann::ordered_json::value_t::number_integer:
    case nlohmann::ordered_json::value_t::number_unsigned: return Value(j.get<int64_t>());
    case nlohmann::ordered_json::value_t::number_float: return Value(j.get<double>());
    case nlohmann::ordered_json::value_t::string: return Value(j.get<std::string>());
    case nlohmann::ordered_json::value_t::array: {
        List items;
        for (const auto& x : j) items.push_back(fromJson(x));
        return Value(std::move(items));
    }
    case nlohmann::ordered_json::value_t::object: {
        auto d = std::make_shared<Dict>();
        for (auto it = j.begin(); it != j.end(); ++it) d->items.emplace_back(it.key(), fromJson(it.value()));
        return Value(d);
    }
    default: return Value();
    }
}

Value Dict::get(const std::string& key) const {
    for (const auto& [k, v] : items)
        if (k == key) return v;
    return Value();
}

bool Dict::has(const std::string& key) const {
    for (const auto& [k, v] : items)
        if (k == key) return true;
    return false;
}

void Dict::set(const std::string& key, Value v) {
    for (auto& [k, existing] : items)
        if (k == key) {
            existing = std::move(v);
            return;
        }
    items.emplace_back(key, std::move(v));
}

Value makeDict(std::vector<std::pair<std::string, Value>> items) {
    auto d = std::make_shared<Dict>();
    d->items = std::move(items);
    return Value(d);
}

Value CallArgs::get(size_t index, const char* name, Value fallback) const {
    if (index < positional.size()) return positional[index];
    for (const auto& [k, v] : keywords)
        if (k == name) return v;
    return fallback;
}

} // namespace ft::jinja
