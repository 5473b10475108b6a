// Internals of the regex engine shared by its two halves: the syntax tree and character classes
// that regex_syntax.cpp parses a pattern into, and that regex.cpp compiles and runs. Not an API.
#pragma once
#include "tokenizer/unicode.h"

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ft::regex_detail {

struct CharClass {
    std::vector<std::pair<uint32_t, uint32_t>> ranges;
    uint8_t categories = 0;             // bit per unicode::Category: members
    std::vector<uint8_t> notCategories; // each mask: members are chars outside it (\P{..}, \S, \D, \W)
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

// The syntax tree of a pattern.
struct Node {
    enum Kind { Empty, Literal, ClassRef, Any, Concat, Alt, Repeat, Look, Begin, End } kind = Empty;
    uint32_t cp = 0;
    bool fold = false;
    int classIndex = 0;
    int min = 0, max = 0; // Repeat: max -1 = unbounded
    bool greedy = true, negative = false;
    std::vector<Node> children;
};

inline uint32_t foldCase(uint32_t cp) {
    return unicode::simpleLowercase(cp);
}

// Parses `pattern`; its character classes are appended to `classes` (nodes refer to them by index).
// Throws ft::Error naming the pattern and the position of what is not supported.
Node parseRegex(const std::string& pattern, std::vector<CharClass>& classes);

} // namespace ft::regex_detail
