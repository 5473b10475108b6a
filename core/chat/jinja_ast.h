// The syntax tree of a parsed Jinja template (see jinja_parser.h for the grammar we accept).
#pragma once
#include "chat/jinja_value.h"

#include <memory>
#include <string>
#include <vector>

namespace ft::jinja {

struct Expr;
struct Stmt;
using ExprPtr = std::unique_ptr<Expr>;
using StmtList = std::vector<std::unique_ptr<Stmt>>;

struct Expr {
    enum Kind {
        Literal,
        Name,
        ListLit,
        DictLit,
        TupleLit,
        Attr,       // a.name                         (a = children[0], name)
        Item,       // a[b]                           (children[0], children[1])
        Slice,      // a[b:c:d]                       (children: a, start?, stop?, step? as null-able)
        Call,       // f(args, k=v)                   (children[0] = callee, args = children[1..], keywords)
        Filter,     // a | name(args)                 (children[0] = subject, args = rest)
        Test,       // a is [not] name(args)
        Unary,      // op: "not", "-", "+"
        Binary,     // op: + - * / // % ** ~ == != < > <= >= in "not in" and or
        Conditional // children: then, condition, else (else may be null)
    } kind = Literal;
    Value value;          // Literal
    std::string name;     // Name, Attr, Filter, Test, Unary/Binary operator
    bool negated = false; // Test with "is not"
    std::vector<ExprPtr> children;
    std::vector<std::string> keywordNames; // Call/Filter/Test: names of the last keywordNames.size() args
    std::vector<std::string> dictKeysUnused;
    size_t line = 0;
};

struct Stmt {
    enum Kind { Text, Output, If, For, Set, SetBlock, Macro, Generation, Break, Continue } kind = Text;
    std::string text;                                   // Text
    ExprPtr expr;                                       // Output, Set value, For iterable, If unused
    std::vector<std::pair<ExprPtr, StmtList>> branches; // If: (condition, body)...
    StmtList body, elseBody;                            // For / SetBlock / Macro / Generation; If/For else
    std::vector<std::string> targets; // For / Set: names (tuple unpacking); Set "ns.attr" as {"ns", "attr"} with attrTarget
    bool attrTarget = false;          // Set of namespace attribute
    ExprPtr loopFilter;               // for x in xs if cond
    std::string macroName;
    std::vector<std::pair<std::string, ExprPtr>> params; // Macro parameters with optional defaults
    size_t line = 0;
};

} // namespace ft::jinja
