// The BPE model of a tokenizer.json: vocabulary, ranked merges, byte fallback, unknown-token handling,
// ignore_merges. Encodes one pre-tokenized piece at a time with Hugging Face's merge order (lowest
// rank first, then leftmost), caching the ids of recent pieces.
#pragma once
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft {

class BpeModel {
public:
    // `model` is the "model" object of tokenizer.json; `source` names the file in errors.
    BpeModel(const nlohmann::json& model, const std::string& source);

    void encode(const std::string& piece, std::vector<int32_t>& out) const;

    int32_t tokenToId(const std::string& token) const; // -1 if absent
    const std::string& idToToken(int32_t id) const;    // empty if absent
    size_t vocabSize() const { return m_idToToken.size(); }
    bool byteFallback() const { return m_byteFallback; }

private:
    void encodeWord(const std::string& word, std::vector<int32_t>& out) const;
    void encodeUncached(const std::string& piece, std::vector<int32_t>& out) const;

    std::unordered_map<std::string, int32_t> m_vocab;
    std::vector<std::string> m_idToToken;
    struct MergeValue {
        int32_t rank;
        int32_t newId;
    };
    std::unordered_map<uint64_t, MergeValue> m_merges; // (left id << 32 | right id) -> rank, merged id
    int32_t m_byteIds[256];                            // "<0xXX>" ids when byte_fallback, else -1
    int32_t m_unkId = -1;
    bool m_byteFallback = false, m_fuseUnk = false, m_ignoreMerges = false;
    // True when no token has "▁" right after another character: merges then never cross the start of
    // a "▁" run, so long SentencePiece-style pieces can be cut there and encoded word by word, exactly.
    bool m_cutBeforeMetaspace = false;

    mutable std::mutex m_cacheMutex;
    mutable std::unordered_map<std::string, std::vector<int32_t>> m_cache;
};

} // namespace ft
