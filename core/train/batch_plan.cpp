// The order of a run's examples: seeded shuffles, length-grouped batches, packed rows.
#include "train/batch_plan.h"

#include <algorithm>
#include <numeric>
#include <random>

namespace ft {

namespace {

// Fisher-Yates over mt19937_64, whose output the standard fixes (std::shuffle's is not).
template <typename T>
void shuffleWith(std::vector<T>& v, std::mt19937_64& rng) {
    for (size_t i = v.size(); i > 1; --i) std::swap(v[i - 1], v[size_t(rng() % i)]);
}

// Longest first, ties by index, so that the order does not depend on the sort algorithm.
void sortByLength(std::vector<int32_t>::iterator begin, std::vector<int32_t>::iterator end, const std::vector<int64_t>& lengths) {
    std::sort(begin, end, [&](int32_t a, int32_t b) { return lengths[a] != lengths[b] ? lengths[a] > lengths[b] : a < b; });
}

// First-fit over sequences sorted longest first: rows of at most `capacity` tokens.
std::vector<std::vector<int32_t>> packRows(const std::vector<int32_t>& order, const std::vector<int64_t>& lengths, int64_t capacity) {
    std::vector<std::vector<int32_t>> rows;
    std::vector<int64_t> used;
    for (int32_t i : order) {
        size_t r = 0;
        while (r < rows.size() && used[r] + lengths[i] > capacity) ++r;
        if (r == rows.size()) {
            rows.emplace_back();
            used.push_back(0);
        }
        rows[r].push_back(i);
        used[r] += lengths[i];
    }
    return rows;
}

} // namespace

std::vector<MicroBatch> planEpoch(const std::vector<int64_t>& lengths, const BatchPlanOptions& o, int64_t epoch) {
    std::vector<int32_t> order(lengths.size());
    std::iota(order.begin(), order.end(), 0);
    std::mt19937_64 rng(o.seed * 0x9E3779B97F4A7C15ull + uint64_t(epoch) + 1);
    if (o.shuffle) shuffleWith(order, rng);

    // Length grouping within chunks of 64 batches keeps batches random across the epoch while
    // making each one nearly uniform in length.
    const size_t chunk = size_t(o.batchSize) * 64;
    std::vector<std::vector<int32_t>> rows;
    for (size_t start = 0; start < order.size(); start += chunk) {
        const size_t end = std::min(order.size(), start + chunk);
        sortByLength(order.begin() + long(start), order.begin() + long(end), lengths);
        const std::vector<int32_t> part(order.begin() + long(start), order.begin() + long(end));
        if (o.packing) {
            for (auto& row : packRows(part, lengths, o.maxSeqLen)) rows.push_back(std::move(row));
        } else {
            for (int32_t i : part) rows.push_back({i});
        }
    }
    std::vector<MicroBatch> batches;
    for (size_t start = 0; start < rows.size(); start += size_t(o.batchSize)) {
        MicroBatch b;
        for (size_t i = start; i < std::min(rows.size(), start + size_t(o.batchSize)); ++i) b.rows.push_back(std::move(rows[i]));
        batches.push_back(std::move(b));
    }
    if (o.shuffle) shuffleWith(batches, rng);
    return batches;
}

} // namespace ft
