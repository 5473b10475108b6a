// Where a step's device time goes, from libtorch's profiler.
#include "util/step_profiler.h"

#include "util/error.h"

#include "torch_compat.h"
#include "torch_pch.h"

#include <algorithm>
#include <chrono>
#include <map>

#if TORCH_VERSION_MAJOR >= 2
#include <torch/csrc/autograd/profiler_kineto.h>
#endif

namespace ft {

#if TORCH_VERSION_MAJOR >= 2
namespace {
void synchronize(const std::string& device) {
    if (device.rfind("cuda", 0) == 0) torch::cuda::synchronize();
}
} // namespace
#endif

DeviceProfile profileDeviceWork(const std::function<void()>& work, const std::string& device, const std::string& tracePath) {
#if TORCH_VERSION_MAJOR >= 2
    namespace prof = torch::autograd::profiler;
    using torch::profiler::impl::ActivityType;
    const bool cuda = device.rfind("cuda", 0) == 0;
    const prof::ProfilerConfig config(prof::ProfilerState::KINETO);
    std::set<ActivityType> activities{ActivityType::CPU};
    if (cuda) activities.insert(ActivityType::CUDA);
    prof::prepareProfiler(config, activities);
    synchronize(device);
    prof::enableProfiler(config, activities);
    const auto start = std::chrono::steady_clock::now();
    work();
    synchronize(device);
    const auto end = std::chrono::steady_clock::now();
    const auto result = prof::disableProfiler();
    DeviceProfile p;
    p.wallSeconds = std::chrono::duration<double>(end - start).count();
    std::map<std::string, double> byName;
    for (const auto& e : result->events()) {
        if (e.deviceType() != c10::DeviceType::CUDA) continue;
        const double s = double(e.durationNs()) * 1e-9;
        p.deviceBusySeconds += s;
        ++p.deviceEvents;
        std::string name = e.name();
        if (name.size() > 120) name = name.substr(0, 117) + "...";
        byName[name] += s;
    }
    p.byName.assign(byName.begin(), byName.end());
    std::stable_sort(p.byName.begin(), p.byName.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    if (!tracePath.empty()) result->save(tracePath);
    return p;
#else
    (void)work, (void)device, (void)tracePath;
    throw Error("profiling needs libtorch 2.x (this build uses " TORCH_VERSION ")");
#endif
}

} // namespace ft
