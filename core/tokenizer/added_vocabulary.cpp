// A tokenizer's added tokens: found in the text before the model splits the rest.
#include "tokenizer/added_vocabulary.h"

#include "tokenizer/unicode.h"

namespace ft {

namespace {
bool isWordChar(uint32_t cp) {
    const auto c = unicode::category(cp);
    return cp == '_' || c == unicode::Letter || c == unicode::Number || c == unicode::Mark;
}

// The code point ending just before byte offset `pos` (0 if none).
uint32_t codepointBefore(const std::string& s, size_t pos, size_t* startOut = nullptr) {
    if (pos == 0) return 0;
    size_t start = pos - 1;
    while (start > 0 && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    if (startOut) *startOut = start;
    size_t p = start;
    return unicode::decodeUtf8(s, p);
}
} // namespace

void AddedVocabulary::add(const AddedToken& token) {
    if (token.content.empty()) return;
    const auto existing = m_byId.find(token.id);
    size_t index;
    if (existing != m_byId.end()) {
        index = existing->second;
        m_tokens[index] = token;
    } else {
        index = m_tokens.size();
        m_tokens.push_back(token);
        m_byId[token.id] = index;
    }
    int node = 0;
    for (unsigned char c : token.content) {
        const auto it = m_trie[size_t(node)].next.find(c);
        if (it != m_trie[size_t(node)].next.end()) {
            node = it->second;
        } else {
            m_trie.push_back(TrieNode{});
            const int created = int(m_trie.size()) - 1;
            m_trie[size_t(node)].next[c] = created;
            node = created;
        }
    }
    m_trie[size_t(node)].token = int(index);
}

const AddedToken* AddedVocabulary::byId(int32_t id) const {
    const auto it = m_byId.find(id);
    return it == m_byId.end() ? nullptr : &m_tokens[it->second];
}

const AddedToken* AddedVocabulary::byContent(const std::string& content) const {
    int node = 0;
    for (unsigned char c : content) {
        const auto it = m_trie[size_t(node)].next.find(c);
        if (it == m_trie[size_t(node)].next.end()) return nullptr;
        node = it->second;
    }
    return m_trie[size_t(node)].token >= 0 ? &m_tokens[size_t(m_trie[size_t(node)].token)] : nullptr;
}

std::vector<Segment> AddedVocabulary::split(const std::string& text) const {
    std::vector<Segment> out;
    size_t textStart = 0; // start of the pending plain-text run
    for (size_t pos = 0; pos < text.size();) {
        // Longest added token starting at pos.
        int node = 0, best = -1;
        size_t bestEnd = 0;
        for (size_t i = pos; i < text.size(); ++i) {
            const auto it = m_trie[size_t(node)].next.find(static_cast<unsigned char>(text[i]));
            if (it == m_trie[size_t(node)].next.end()) break;
            node = it->second;
            if (m_trie[size_t(node)].token >= 0) {
                best = m_trie[size_t(node)].token;
                bestEnd = i + 1;
            }
        }
        if (best >= 0) {
            const AddedToken& tok = m_tokens[size_t(best)];
            bool ok = true;
            if (tok.singleWord) {
                size_t after = bestEnd;
                const uint32_t prev = codepointBefore(text, pos);
                const uint32_t next = after < text.size() ? unicode::decodeUtf8(text, after) : 0;
                ok = !(prev && isWordChar(prev)) && !(next && isWordChar(next));
            }
            if (ok) {
                size_t b = pos, e = bestEnd;
                if (tok.lstrip)
                    for (size_t s; b > textStart && unicode::isWhiteSpace(codepointBefore(text, b, &s));) b = s;
                if (tok.rstrip)
                    for (size_t p = e; p < text.size();) {
                        size_t q = p;
                        if (!unicode::isWhiteSpace(unicode::decodeUtf8(text, q))) break;
                        e = p = q;
                    }
                if (b > textStart) out.push_back({-1, textStart, b});
                out.push_back({tok.id, b, e});
                pos = textStart = e;
                continue;
            }
        }
        pos += unicode::utf8Length(static_cast<unsigned char>(text[pos]));
    }
    if (textStart < text.size()) out.push_back({-1, textStart, text.size()});
    return out;
}

} // namespace ft
