// The BPE model of a tokenizer.json: merges by rank, byte fallback, the word cache.
#include "tokenizer/bpe_model.h"

#include "tokenizer/unicode.h"
#include "util/error.h"

#include <nlohmann/json.hpp>
#include <queue>

namespace ft {

namespace {
constexpr size_t kCacheCapacity = 200000;
constexpr size_t kMaxCachedPieceBytes = 256;

uint64_t pairKey(int32_t a, int32_t b) {
    return (uint64_t(uint32_t(a)) << 32) | uint32_t(b);
}
} // namespace

BpeModel::BpeModel(const nlohmann::json& model, const std::string& src) {
    if (!model.contains("vocab") || !model["vocab"].is_object()) throw Error(src + ": the BPE model has no \"vocab\" object");
    if (!model.contains("merges") || !model["merges"].is_array())
        throw Error(src + ": the BPE model has no \"merges\" list", "the file is truncated or not a BPE tokenizer");
    for (const char* key : {"continuing_subword_prefix", "end_of_word_suffix"})
        if (model.contains(key) && model[key].is_string() && !model[key].get<std::string>().empty())
            throw Error(src + ": BPE option \"" + key + "\" is not supported");
    if (model.contains("dropout") && model["dropout"].is_number() && model["dropout"].get<double>() > 0)
        throw Error(src + ": BPE dropout is not supported");

    int32_t maxId = -1;
    for (auto it = model["vocab"].begin(); it != model["vocab"].end(); ++it) {
        if (!it.value().is_number_integer()) throw Error(src + ": vocab entry \"" + it.key() + "\" has no integer id");
        const int32_t id = it.value().get<int32_t>();
        m_vocab[it.key()] = id;
        maxId = std::max(maxId, id);
    }
    m_idToToken.assign(size_t(maxId + 1), std::string());
    for (const auto& [token, id] : m_vocab) m_idToToken[size_t(id)] = token;

    int32_t rank = 0;
    for (const auto& m : model["merges"]) {
        std::string left, right;
        if (m.is_string()) { // tokenizers < 0.20: "a b"
            const std::string s = m.get<std::string>();
            const size_t space = s.find(' ', 1);
            if (space == std::string::npos) throw Error(src + ": merge \"" + s + "\" is not two tokens");
            left = s.substr(0, space);
            right = s.substr(space + 1);
        } else if (m.is_array() && m.size() == 2 && m[0].is_string() && m[1].is_string()) {
            left = m[0].get<std::string>();
            right = m[1].get<std::string>();
        } else {
            throw Error(format("%s: merge number %d is neither \"a b\" nor [\"a\", \"b\"]", src.c_str(), rank));
        }
        const auto l = m_vocab.find(left), r = m_vocab.find(right), merged = m_vocab.find(left + right);
        if (l == m_vocab.end() || r == m_vocab.end() || merged == m_vocab.end())
            throw Error(
                format("%s: merge %d (\"%s\", \"%s\") uses tokens missing from the vocab", src.c_str(), rank, left.c_str(), right.c_str()));
        m_merges.emplace(pairKey(l->second, r->second), MergeValue{rank, merged->second});
        ++rank;
    }

    m_byteFallback = model.value("byte_fallback", false);
    m_fuseUnk = model.value("fuse_unk", false);
    m_ignoreMerges = model.value("ignore_merges", false);
    if (model.contains("unk_token") && model["unk_token"].is_string()) {
        const auto it = m_vocab.find(model["unk_token"].get<std::string>());
        if (it == m_vocab.end()) throw Error(src + ": unk_token \"" + model["unk_token"].get<std::string>() + "\" is not in the vocab");
        m_unkId = it->second;
    }
    static const std::string kMeta = "\xE2\x96\x81"; // U+2581
    bool anyMeta = false, crossing = false;
    for (const auto& [token, id] : m_vocab) {
        for (size_t pos = token.find(kMeta); pos != std::string::npos; pos = token.find(kMeta, pos + 3)) {
            anyMeta = true;
            if (pos > 0 && !(pos >= 3 && token.compare(pos - 3, 3, kMeta) == 0)) crossing = true;
        }
    }
    m_cutBeforeMetaspace = anyMeta && !crossing;
    for (int b = 0; b < 256; ++b) {
        m_byteIds[b] = -1;
        if (m_byteFallback) {
            const auto it = m_vocab.find(format("<0x%02X>", b));
            if (it != m_vocab.end()) m_byteIds[b] = it->second;
        }
    }
}

int32_t BpeModel::tokenToId(const std::string& token) const {
    const auto it = m_vocab.find(token);
    return it == m_vocab.end() ? -1 : it->second;
}

const std::string& BpeModel::idToToken(int32_t id) const {
    static const std::string none;
    return id >= 0 && size_t(id) < m_idToToken.size() ? m_idToToken[size_t(id)] : none;
}

void BpeModel::encode(const std::string& piece, std::vector<int32_t>& out) const {
    if (!m_cutBeforeMetaspace || piece.size() <= kMaxCachedPieceBytes) {
        encodeWord(piece, out);
        return;
    }
    static const std::string kMeta = "\xE2\x96\x81";
    size_t begin = 0;
    for (size_t pos = piece.find(kMeta, 1); pos != std::string::npos; pos = piece.find(kMeta, pos + 3)) {
        const bool afterMeta = pos >= 3 && piece.compare(pos - 3, 3, kMeta) == 0;
        if (afterMeta) continue; // inside a run of ▁: cut only before its first one
        encodeWord(piece.substr(begin, pos - begin), out);
        begin = pos;
    }
    encodeWord(piece.substr(begin), out);
}

void BpeModel::encodeWord(const std::string& piece, std::vector<int32_t>& out) const {
    if (piece.empty()) return;
    if (piece.size() <= kMaxCachedPieceBytes) {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        const auto it = m_cache.find(piece);
        if (it != m_cache.end()) {
            out.insert(out.end(), it->second.begin(), it->second.end());
            return;
        }
    }
    std::vector<int32_t> ids;
    encodeUncached(piece, ids);
    out.insert(out.end(), ids.begin(), ids.end());
    if (piece.size() <= kMaxCachedPieceBytes) {
        std::lock_guard<std::mutex> lock(m_cacheMutex);
        if (m_cache.size() >= kCacheCapacity) m_cache.clear();
        m_cache.emplace(piece, std::move(ids));
    }
}

void BpeModel::encodeUncached(const std::string& piece, std::vector<int32_t>& out) const {
    if (m_ignoreMerges) {
        const auto it = m_vocab.find(piece);
        if (it != m_vocab.end()) {
            out.push_back(it->second);
            return;
        }
    }
    // Symbols: one per character (or per byte through byte fallback), in a doubly linked list.
    struct Symbol {
        int32_t id;
        int prev, next;
        bool alive;
    };
    std::vector<Symbol> syms;
    syms.reserve(piece.size());
    auto push = [&](int32_t id) {
        const int i = int(syms.size());
        syms.push_back({id, i - 1, i + 1, true});
    };
    bool lastWasUnk = false;
    for (size_t pos = 0; pos < piece.size();) {
        const size_t start = pos;
        pos += unicode::utf8Length(static_cast<unsigned char>(piece[pos]));
        if (pos > piece.size()) pos = piece.size();
        const auto it = m_vocab.find(piece.substr(start, pos - start));
        if (it != m_vocab.end()) {
            push(it->second);
            lastWasUnk = false;
            continue;
        }
        bool allBytes = m_byteFallback;
        for (size_t b = start; allBytes && b < pos; ++b) allBytes = m_byteIds[static_cast<unsigned char>(piece[b])] >= 0;
        if (allBytes) {
            for (size_t b = start; b < pos; ++b) push(m_byteIds[static_cast<unsigned char>(piece[b])]);
            lastWasUnk = false;
        } else if (m_unkId >= 0) {
            if (!(m_fuseUnk && lastWasUnk)) push(m_unkId);
            lastWasUnk = true;
        }
        // Without an unk token, a character the vocab cannot express is dropped (as the reference does).
    }
    if (syms.empty()) return;
    syms.back().next = -1;

    struct Candidate {
        int32_t rank;
        int pos;
        int32_t newId;
        bool operator>(const Candidate& o) const { return rank != o.rank ? rank > o.rank : pos > o.pos; }
    };
    std::priority_queue<Candidate, std::vector<Candidate>, std::greater<Candidate>> queue;
    auto consider = [&](int left) {
        if (left < 0 || syms[size_t(left)].next < 0) return;
        const auto it = m_merges.find(pairKey(syms[size_t(left)].id, syms[size_t(syms[size_t(left)].next)].id));
        if (it != m_merges.end()) queue.push({it->second.rank, left, it->second.newId});
    };
    for (int i = 0; i + 1 < int(syms.size()); ++i) consider(i);
    while (!queue.empty()) {
        const Candidate top = queue.top();
        queue.pop();
        Symbol& left = syms[size_t(top.pos)];
        if (!left.alive || left.next < 0) continue;
        Symbol& right = syms[size_t(left.next)];
        const auto it = m_merges.find(pairKey(left.id, right.id));
        if (it == m_merges.end() || it->second.newId != top.newId) continue; // stale candidate
        left.id = top.newId;
        right.alive = false;
        left.next = right.next;
        if (right.next >= 0) syms[size_t(right.next)].prev = top.pos;
        consider(left.prev);
        consider(top.pos);
    }
    for (int i = 0; i >= 0; i = syms[size_t(i)].next) out.push_back(syms[size_t(i)].id);
}

} // namespace ft
