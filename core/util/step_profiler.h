// Where a step's GPU time goes: libtorch's Kinetic profiler (the engine of torch.profiler) around a
// piece of work, summed per kernel. Busy time against wall time tells a launch-bound step (the GPU
// waits for the host) from a GPU-bound one; the kernels by time tell what to fuse next.
// libtorch 2.x only (the 1.13 build throws ft::Error).
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <utility>
#include <vector>

namespace ft {

struct DeviceProfile {
    double wallSeconds = 0;                             // the work, from first launch to the device's last kernel
    double deviceBusySeconds = 0;                       // sum of the device's kernels, copies and fills
    int64_t deviceEvents = 0;                           // how many of them
    std::vector<std::pair<std::string, double>> byName; // seconds per kernel name, most first
};

// Runs `work` once under the profiler (CPU and CUDA activity) and sums what ran on `device`
// ("cuda:N"; on the CPU the device columns stay 0). `tracePath`, when given, gets the Chrome trace.
DeviceProfile profileDeviceWork(const std::function<void()>& work, const std::string& device, const std::string& tracePath = "");

} // namespace ft
