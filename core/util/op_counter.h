// Counts the ATen operators libtorch dispatches while a counter is alive (every op, nested ones
// included, forward and backward, on any thread), through libtorch's RecordFunction callbacks. On a
// GPU each dispatched op is about one kernel launch, so the count per training step is the
// CPU-visible measure of launch overhead, comparable with torch.profiler's count of aten:: events
// (all of them, and those without aten:: children).
// Counting slows ops down: measure time without it.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace ft {

class OpCounter {
public:
    OpCounter();  // starts counting (one counter at a time)
    ~OpCounter(); // stops
    OpCounter(const OpCounter&) = delete;
    OpCounter& operator=(const OpCounter&) = delete;

    int64_t count() const;     // ops dispatched since construction, nested ones included
    int64_t leafCount() const; // those that called no other op: the ones that do the work (kernels)
    // The leaves by operator name ("aten::mul"), most frequent first: where the launches go.
    std::vector<std::pair<std::string, int64_t>> leavesByName() const;

private:
    uint64_t m_handle = 0;
};

} // namespace ft
