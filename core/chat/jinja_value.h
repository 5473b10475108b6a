// Values of the Jinja subset that chat templates use: undefined, none, bool, int, float, string,
// list, dict (insertion-ordered), namespace (mutable dict) and callables (macros, globals). They
// print, compare and test for truth the way Python and Jinja2 do.
#pragma once
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft::jinja {

class Value;
using List = std::vector<Value>;
struct Dict;
struct CallArgs;
using Function = std::function<Value(CallArgs&)>;

class Value {
public:
    enum class Type { Undefined, None, Bool, Int, Float, String, List, Dict, Function };

    Value() = default; // undefined
    static Value none();
    Value(bool b);
    Value(int v);
    Value(int64_t v);
    Value(double v);
    Value(const char* s);
    Value(std::string s);
    Value(List items);
    Value(std::shared_ptr<Dict> d);
    static Value function(Function f);

    Type type() const { return m_type; }
    bool isUndefined() const { return m_type == Type::Undefined; }
    bool isNone() const { return m_type == Type::None; }
    bool isString() const { return m_type == Type::String; }
    bool isNumber() const { return m_type == Type::Int || m_type == Type::Float; }
    bool isList() const { return m_type == Type::List; }
    bool isDict() const { return m_type == Type::Dict; }

    bool truthy() const;
    int64_t asInt() const;
    double asDouble() const;
    const std::string& str() const { return *m_string; } // only for strings
    const List& list() const { return *m_list; }
    List& list() { return *m_list; }
    Dict& dict() const { return *m_dict; }
    const Function& fn() const { return *m_function; }

    std::string toString() const; // Python str(): what {{ value }} prints
    std::string repr() const;     // Python repr(): how values print inside lists and dicts
    std::string toJson(int indent = -1, bool sortKeys = false, int depth = 0) const; // json.dumps(ensure_ascii=False)
    std::string typeName() const;

    bool equals(const Value& other) const;
    // Python ordering; throws ft::Error for values that cannot be compared.
    int compare(const Value& other) const;

    static Value fromJson(const nlohmann::ordered_json& j); // keeps key order, as Python dicts do

private:
    Type m_type = Type::Undefined;
    bool m_bool = false;
    int64_t m_int = 0;
    double m_float = 0;
    std::shared_ptr<std::string> m_string;
    std::shared_ptr<List> m_list;
    std::shared_ptr<Dict> m_dict;
    std::shared_ptr<Function> m_function;
};

struct Dict {
    std::vector<std::pair<std::string, Value>> items;
    bool isNamespace = false;

    Value get(const std::string& key) const; // undefined if absent
    bool has(const std::string& key) const;
    void set(const std::string& key, Value v);
};

Value makeDict(std::vector<std::pair<std::string, Value>> items = {});

// Positional and keyword arguments of a call.
struct CallArgs {
    List positional;
    std::vector<std::pair<std::string, Value>> keywords;

    // Positional `index`, else keyword `name`, else `fallback`.
    Value get(size_t index, const char* name, Value fallback = Value()) const;
};

} // namespace ft::jinja
