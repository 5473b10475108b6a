// Bootstrap confidence intervals and paired differences for the evaluation's metrics.
#include "eval/bootstrap.h"

#include "util/error.h"

#include <algorithm>
#include <random>

namespace ft::eval {

Interval bootstrapMean(const std::vector<double>& values, double confidence, int resamples, uint64_t seed) {
    Interval out;
    if (values.empty()) return out;
    double sum = 0;
    for (double v : values) sum += v;
    out.mean = sum / double(values.size());
    std::mt19937_64 rng(seed);
    std::vector<double> means(size_t(std::max(1, resamples)));
    const uint64_t n = values.size();
    for (double& m : means) {
        double s = 0;
        for (uint64_t i = 0; i < n; ++i) s += values[size_t(rng() % n)]; // modulo bias is negligible for n << 2^64
        m = s / double(n);
    }
    std::sort(means.begin(), means.end());
    const double tail = (1 - confidence) / 2;
    auto at = [&](double q) { return means[std::min(means.size() - 1, size_t(q * double(means.size())))]; };
    out.low = at(tail);
    out.high = at(1 - tail);
    return out;
}

Interval bootstrapDifference(const std::vector<double>& after, const std::vector<double>& before, double confidence, int resamples,
                             uint64_t seed) {
    if (after.size() != before.size()) throw Error("bootstrapDifference: the two score lists differ in length");
    std::vector<double> diff(after.size());
    for (size_t i = 0; i < after.size(); ++i) diff[i] = after[i] - before[i];
    return bootstrapMean(diff, confidence, resamples, seed);
}

} // namespace ft::eval
