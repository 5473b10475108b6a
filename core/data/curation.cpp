// Curation over a dataset: validation, token counts and length statistics, splits, duplicates.
#include "data/curation.h"

#include "data/dataset_store.h"
#include "data/sqlite_db.h"
#include "util/error.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <map>
#include <numeric>
#include <unordered_map>

namespace ft {

namespace {

bool blank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

uint64_t mix(uint64_t x) { // splitmix64 finaliser: a good 64-bit hash of a 64-bit value
    x += 0x9e3779b97f4a7c15ull;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ull;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebull;
    return x ^ (x >> 31);
}

uint64_t hashString(const std::string& s) {
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : s) h = (h ^ c) * 0x100000001b3ull;
    return mix(h);
}

struct UnionFind {
    std::vector<size_t> parent;
    explicit UnionFind(size_t n) : parent(n) { std::iota(parent.begin(), parent.end(), 0); }
    size_t find(size_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    }
    void unite(size_t a, size_t b) { parent[find(a)] = find(b); }
};

} // namespace

std::vector<std::string> validateMessages(const std::vector<Message>& messages) {
    std::vector<std::string> problems;
    if (messages.empty()) return {"no messages"};
    if (messages.size() == 1 && messages[0].role == "text") {
        if (blank(messages[0].content)) problems.push_back("empty document");
        return problems;
    }
    bool reply = false, emptyReply = false, emptyPrompt = false, order = true;
    std::string expected = "user";
    for (size_t i = 0; i < messages.size(); ++i) {
        const Message& m = messages[i];
        if (m.role == "system") {
            if (i != 0) order = false;
            continue;
        }
        if (m.role != "user" && m.role != "assistant") {
            problems.push_back("unknown role \"" + m.role + "\"");
            continue;
        }
        if (m.role != expected) order = false;
        expected = m.role == "user" ? "assistant" : "user";
        if (m.role == "assistant") {
            reply = true;
            if (blank(m.content)) emptyReply = true;
        } else if (blank(m.content)) {
            emptyPrompt = true;
        }
    }
    if (!reply) problems.push_back("no assistant reply");
    if (emptyReply) problems.push_back("empty reply");
    if (emptyPrompt) problems.push_back("empty user turn");
    if (!order) problems.push_back("turns out of order");
    if (reply && messages.back().role != "assistant") problems.push_back("ends without a reply");
    return problems;
}

int64_t updateTokenCounts(DatasetStore& store, int64_t datasetId, const std::string& key, const TokenCounter& count,
                          const std::function<void(int64_t, int64_t)>& progress) {
    SqliteDb& db = store.database();
    // Collect the ids without counts first, then count and write in batches (each one transaction).
    std::vector<std::pair<int64_t, std::vector<Message>>> missing;
    {
        Statement has(db, "SELECT 1 FROM token_counts WHERE tokenizer = ? AND example_id = ?");
        store.forEach(datasetId, [&](const Example& e) {
            has.bind(1, key).bind(2, e.id);
            const bool found = has.step();
            has.reset();
            if (!found) missing.emplace_back(e.id, e.messages);
        });
    }
    const int64_t total = int64_t(missing.size());
    Statement ins(db, "INSERT OR REPLACE INTO token_counts(example_id, tokenizer, prompt, reply, total) VALUES (?, ?, ?, ?, ?)");
    for (size_t start = 0; start < missing.size(); start += 1000) {
        Transaction t(db);
        for (size_t i = start; i < std::min(missing.size(), start + 1000); ++i) {
            const TokenCount c = count(missing[i].second);
            ins.bind(1, missing[i].first).bind(2, key).bind(3, c.prompt).bind(4, c.reply).bind(5, c.total).run();
        }
        t.commit();
        if (progress) progress(int64_t(std::min(missing.size(), start + 1000)), total);
    }
    return total;
}

std::map<int64_t, TokenCount> cachedTokenCounts(const DatasetStore& store, const std::vector<int64_t>& ids, const std::string& key) {
    std::map<int64_t, TokenCount> counts;
    Statement q(store.database(), "SELECT prompt, reply, total FROM token_counts WHERE tokenizer = ? AND example_id = ?");
    for (int64_t id : ids) {
        q.bind(1, key).bind(2, id);
        if (q.step()) counts[id] = TokenCount{q.int64(0), q.int64(1), q.int64(2)};
        q.reset();
    }
    return counts;
}

LengthStats lengthStats(const DatasetStore& store, int64_t datasetId, const std::string& key, int64_t maxTokens) {
    LengthStats s;
    Statement q(store.database(),
                "SELECT t.example_id, t.prompt, t.reply, t.total FROM token_counts t JOIN examples e "
                "ON e.id = t.example_id WHERE e.dataset_id = ? AND t.tokenizer = ? ORDER BY t.example_id");
    q.bind(1, datasetId).bind(2, key);
    s.shortest = -1;
    while (q.step()) {
        const int64_t id = q.int64(0), total = q.int64(3);
        s.prompt.push_back(q.int64(1));
        s.reply.push_back(q.int64(2));
        s.total.push_back(total);
        if (total > s.longest) s.longest = total, s.longestId = id;
        if (s.shortest < 0 || total < s.shortest) s.shortest = total, s.shortestId = id;
        if (maxTokens > 0 && total > maxTokens) ++s.overLimit;
    }
    if (s.shortest < 0) s.shortest = 0;
    return s;
}

int64_t assignSplits(DatasetStore& store, int64_t datasetId, double train, double validation, double test, uint64_t seed,
                     bool reassignAll) {
    if (train < 0 || validation < 0 || test < 0 || train + validation + test <= 0)
        throw Error("split ratios must be non-negative and not all zero");
    const double sum = train + validation + test;
    // Order the examples to assign by a seeded hash of their id: reproducible, independent of insertion order.
    std::vector<std::pair<uint64_t, int64_t>> order;
    store.forEach(datasetId, [&](const Example& e) {
        if (reassignAll || e.split == Split::Unassigned) order.emplace_back(mix(uint64_t(e.id) ^ mix(seed)), e.id);
    });
    std::sort(order.begin(), order.end());
    const size_t n = order.size();
    // Exact counts by largest remainders.
    const double shares[3] = {train / sum * double(n), validation / sum * double(n), test / sum * double(n)};
    size_t counts[3];
    size_t assigned = 0;
    for (int k = 0; k < 3; ++k) assigned += counts[k] = size_t(std::floor(shares[k]));
    std::vector<int> byRemainder = {0, 1, 2};
    std::stable_sort(byRemainder.begin(), byRemainder.end(),
                     [&](int a, int b) { return shares[a] - std::floor(shares[a]) > shares[b] - std::floor(shares[b]); });
    for (size_t i = 0; assigned < n; ++i, ++assigned) ++counts[byRemainder[i % 3]];
    std::vector<int64_t> ids[3];
    size_t pos = 0;
    for (int k = 0; k < 3; ++k)
        for (size_t i = 0; i < counts[k]; ++i) ids[k].push_back(order[pos++].second);
    const Split splits[3] = {Split::Train, Split::Validation, Split::Test};
    for (int k = 0; k < 3; ++k)
        if (!ids[k].empty()) store.setSplit(ids[k], splits[k]);
    return int64_t(n);
}

std::vector<std::vector<int64_t>> exactDuplicateGroups(const DatasetStore& store, int64_t datasetId) {
    std::vector<std::vector<int64_t>> groups;
    Statement q(store.database(),
                "SELECT hash, id FROM examples WHERE dataset_id = ? AND hash IN (SELECT hash FROM examples "
                "WHERE dataset_id = ? GROUP BY hash HAVING count(*) > 1) ORDER BY hash, id");
    q.bind(1, datasetId).bind(2, datasetId);
    std::string last;
    while (q.step()) {
        if (groups.empty() || q.text(0) != last) groups.emplace_back();
        last = q.text(0);
        groups.back().push_back(q.int64(1));
    }
    std::sort(groups.begin(), groups.end());
    return groups;
}

std::vector<std::vector<int64_t>> nearDuplicateGroups(const DatasetStore& store, int64_t datasetId, double threshold) {
    constexpr int kHashes = 64, kBands = 16, kRows = kHashes / kBands;
    std::vector<int64_t> ids;
    std::vector<std::array<uint64_t, kHashes>> signatures;
    store.forEach(datasetId, [&](const Example& e) {
        // Lower-cased words of all turns; shingles of three consecutive words.
        std::vector<std::string> words;
        for (const auto& m : e.messages) {
            std::string w;
            for (char c : m.content + " ") {
                if (std::isalnum(static_cast<unsigned char>(c)) || static_cast<unsigned char>(c) >= 0x80) {
                    w += char(std::tolower(static_cast<unsigned char>(c)));
                } else if (!w.empty()) {
                    words.push_back(w);
                    w.clear();
                }
            }
        }
        std::array<uint64_t, kHashes> sig;
        sig.fill(~0ull);
        const size_t shingles = words.size() < 3 ? 1 : words.size() - 2;
        for (size_t i = 0; i < shingles && !words.empty(); ++i) {
            std::string sh = words[i];
            for (size_t k = 1; k < 3 && i + k < words.size(); ++k) sh += " " + words[i + k];
            const uint64_t h = hashString(sh);
            for (int j = 0; j < kHashes; ++j) sig[size_t(j)] = std::min(sig[size_t(j)], mix(h ^ (uint64_t(j) * 0x9e3779b97f4a7c15ull)));
        }
        ids.push_back(e.id);
        signatures.push_back(sig);
    });
    // Locality-sensitive hashing: examples sharing any band become candidates, checked on the full signature.
    UnionFind uf(ids.size());
    for (int b = 0; b < kBands; ++b) {
        std::unordered_map<uint64_t, std::vector<size_t>> buckets;
        for (size_t i = 0; i < ids.size(); ++i) {
            uint64_t key = uint64_t(b);
            for (int r = 0; r < kRows; ++r) key = mix(key ^ signatures[i][size_t(b * kRows + r)]);
            buckets[key].push_back(i);
        }
        for (const auto& [key, members] : buckets)
            for (size_t k = 1; k < members.size(); ++k) {
                const auto& a = signatures[members[0]];
                const auto& c = signatures[members[k]];
                int same = 0;
                for (int j = 0; j < kHashes; ++j) same += a[size_t(j)] == c[size_t(j)];
                if (double(same) / kHashes >= threshold) uf.unite(members[0], members[k]);
            }
    }
    std::map<size_t, std::vector<int64_t>> byRoot;
    for (size_t i = 0; i < ids.size(); ++i) byRoot[uf.find(i)].push_back(ids[i]);
    std::vector<std::vector<int64_t>> groups;
    for (auto& [root, members] : byRoot)
        if (members.size() > 1) groups.push_back(members);
    std::sort(groups.begin(), groups.end());
    return groups;
}

} // namespace ft
