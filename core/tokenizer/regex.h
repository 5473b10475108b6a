// A small backtracking regular-expression engine over code points, with the semantics of the
// engines Hugging Face tokenizers use (Oniguruma / PCRE style: leftmost-first alternation, greedy
// and lazy quantifiers). Supports what tokenizer split patterns need: literals, classes with
// \p{L} \p{N} \p{P} \p{S} \p{M} \p{Z} \p{C} (and \P), \s \S \d \w, groups (?: ) (?i: ) (?i),
// lookaheads (?= ) (?! ), quantifiers * + ? {n,m} and their lazy forms, ^ $ and the usual escapes.
// Anything else is an ft::Error naming the pattern and the offending position.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ft {

class Regex {
public:
    explicit Regex(const std::string& pattern);
    ~Regex();
    Regex(Regex&&) noexcept;
    Regex& operator=(Regex&&) noexcept;

    // Non-overlapping matches, left to right, as [begin, end) code point offsets. Empty matches
    // are skipped (the search moves on by one code point).
    std::vector<std::pair<size_t, size_t>> findAll(const std::vector<uint32_t>& text) const;
    // Length of the match starting exactly at `pos`, or -1.
    long matchAt(const std::vector<uint32_t>& text, size_t pos) const;
    const std::string& pattern() const { return m_pattern; }

private:
    struct Program;
    std::string m_pattern;
    std::unique_ptr<Program> m_program;
};

} // namespace ft
