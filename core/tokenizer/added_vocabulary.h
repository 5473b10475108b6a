// Added tokens of a tokenizer (special and not): found in raw text before normalization, leftmost
// and longest first, honouring lstrip / rstrip / single_word. The text between them goes on to the
// normalizer, pre-tokenizer and model.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

namespace ft {

struct AddedToken {
    int32_t id = -1;
    std::string content;
    bool special = false, lstrip = false, rstrip = false, singleWord = false, normalized = false;
};

// A run of input: either an added token (id >= 0) or plain text to tokenize (id == -1).
struct Segment {
    int32_t id = -1;
    size_t begin = 0, end = 0; // byte offsets into the input
};

class AddedVocabulary {
public:
    void add(const AddedToken& token);
    std::vector<Segment> split(const std::string& text) const;

    const AddedToken* byId(int32_t id) const;
    const AddedToken* byContent(const std::string& content) const;
    bool empty() const { return m_tokens.empty(); }
    const std::vector<AddedToken>& tokens() const { return m_tokens; }

private:
    struct TrieNode {
        std::unordered_map<unsigned char, int> next;
        int token = -1; // index into m_tokens
    };
    std::vector<AddedToken> m_tokens;
    std::vector<TrieNode> m_trie{TrieNode{}};
    std::unordered_map<int32_t, size_t> m_byId;
};

} // namespace ft
