// Bootstrap confidence intervals: resample the per-example scores with replacement (seeded, so a
// report is reproducible) and take the percentile interval of the resampled means. Paired
// differences resample examples, not the two systems separately.
#pragma once
#include <cstdint>
#include <vector>

namespace ft::eval {

struct Interval {
    double mean = 0, low = 0, high = 0;
};

Interval bootstrapMean(const std::vector<double>& values, double confidence = 0.95, int resamples = 1000, uint64_t seed = 0);
// Mean of after[i] - before[i] with its interval.
Interval bootstrapDifference(const std::vector<double>& after, const std::vector<double>& before, double confidence = 0.95,
                             int resamples = 1000, uint64_t seed = 0);

} // namespace ft::eval
