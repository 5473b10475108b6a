// Memory in use on a device, for the training figures and the OOM message: CUDA's caching
// allocator statistics on a GPU, the process's resident memory on the CPU. Plain types only.
#pragma once
#include <cstdint>
#include <string>

namespace ft {

struct MemoryUse {
    uint64_t current = 0; // bytes allocated now (CUDA tensors / process RSS)
    uint64_t peak = 0;    // since the last resetPeakMemory (CPU: the resident size, where /proc lets it restart)
    uint64_t total = 0;   // device memory / physical RAM
};

// `device` is "cpu" or "cuda[:N]".
MemoryUse memoryUse(const std::string& device);
void resetPeakMemory(const std::string& device);
void releaseCachedMemory(const std::string& device); // after an out-of-memory error

std::string formatBytes(uint64_t bytes); // "1.2 GiB", "340 MiB"

} // namespace ft
