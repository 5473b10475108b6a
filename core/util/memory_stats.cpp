// Memory in use and at peak on a device.
#include "util/memory_stats.h"

#include "util/error.h"

#include <cstdio>
#if defined(__GLIBC__)
#include <malloc.h>
#endif
#include <sys/resource.h>
#include <unistd.h>

#ifdef FT_WITH_CUDA
#include <c10/cuda/CUDACachingAllocator.h>
#include <cuda_runtime_api.h>
#endif

namespace ft {

namespace {
#ifdef FT_WITH_CUDA
int cudaIndex(const std::string& device) {
    const auto colon = device.find(':');
    if (colon != std::string::npos) return std::stoi(device.substr(colon + 1));
    int current = 0;
    cudaGetDevice(&current);
    return current;
}
#endif
} // namespace

namespace {
// VmHWM from /proc/self/status (which resetPeakMemory can restart), else the whole-life peak.
uint64_t peakResidentBytes() {
    if (FILE* f = std::fopen("/proc/self/status", "r")) {
        char line[256];
        long kb = -1;
        while (std::fgets(line, sizeof line, f))
            if (std::sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
        std::fclose(f);
        if (kb >= 0) return uint64_t(kb) * 1024;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return uint64_t(usage.ru_maxrss) * 1024;
}
} // namespace

MemoryUse memoryUse(const std::string& device) {
    MemoryUse m;
#ifdef FT_WITH_CUDA
    if (device.rfind("cuda", 0) == 0) {
        using namespace c10::cuda::CUDACachingAllocator;
        const int index = cudaIndex(device);
        const auto stats = getDeviceStats(index);
        const size_t aggregate = 0; // StatType::AGGREGATE (the enum moved namespaces across libtorch versions)
        m.current = uint64_t(stats.allocated_bytes[aggregate].current);
        m.peak = uint64_t(stats.allocated_bytes[aggregate].peak);
        size_t freeBytes = 0, totalBytes = 0;
        int previous = 0;
        cudaGetDevice(&previous);
        cudaSetDevice(index);
        cudaMemGetInfo(&freeBytes, &totalBytes);
        cudaSetDevice(previous);
        m.total = totalBytes;
        return m;
    }
#else
    (void)device;
#endif
    long pages = 0, resident = 0;
    if (FILE* f = std::fopen("/proc/self/statm", "r")) {
        if (std::fscanf(f, "%ld %ld", &pages, &resident) != 2) resident = 0;
        std::fclose(f);
    }
    m.current = uint64_t(resident) * uint64_t(sysconf(_SC_PAGESIZE));
    m.peak = peakResidentBytes();
    m.total = uint64_t(sysconf(_SC_PHYS_PAGES)) * uint64_t(sysconf(_SC_PAGESIZE));
    return m;
}

void resetPeakMemory(const std::string& device) {
#ifdef FT_WITH_CUDA
    if (device.rfind("cuda", 0) == 0) {
        c10::cuda::CUDACachingAllocator::resetPeakStats(cudaIndex(device));
        return;
    }
#endif
    // The process: free heap memory back to the system, then restart the resident-size high-water
    // mark (VmHWM) from what is resident now. Where /proc does not allow it, the peak stays the
    // process's whole-life peak.
#if defined(__GLIBC__)
    malloc_trim(0);
#endif
    if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
        std::fputs("5", f);
        std::fclose(f);
    }
}

void releaseCachedMemory(const std::string& device) {
#ifdef FT_WITH_CUDA
    if (device.rfind("cuda", 0) == 0) c10::cuda::CUDACachingAllocator::emptyCache();
#else
    (void)device;
#endif
}

std::string formatBytes(uint64_t bytes) {
    const double b = double(bytes);
    if (b >= 1024.0 * 1024 * 1024) return format("%.1f GiB", b / (1024.0 * 1024 * 1024));
    if (b >= 1024.0 * 1024) return format("%.0f MiB", b / (1024.0 * 1024));
    return format("%.0f KiB", b / 1024.0);
}

} // namespace ft
