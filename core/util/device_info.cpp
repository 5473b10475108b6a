// What compute the machine offers and what libtorch the program was built with.
#include "util/device_info.h"

#include "torch_pch.h"
#include "util/error.h"

#include <algorithm>
#include <thread>
#include <torch/version.h>

#ifdef FT_WITH_CUDA
#include <ATen/cuda/CUDAContext.h>
#endif

namespace ft {

std::vector<DeviceInfo> listDevices() {
    std::vector<DeviceInfo> out;
    out.push_back({"cpu", format("CPU (%u cores)", std::max(1u, std::thread::hardware_concurrency())), 0});
#ifdef FT_WITH_CUDA
    const int n = int(torch::cuda::device_count());
    for (int i = 0; i < n; ++i) {
        const cudaDeviceProp* p = at::cuda::getDeviceProperties(i);
        out.push_back({format("cuda:%d", i), p->name, uint64_t(p->totalGlobalMem)});
    }
#endif
    return out;
}

std::string autoDeviceId() {
    return torch::cuda::is_available() ? "cuda:0" : "cpu";
}

std::string describeBestDevice() {
    const auto devices = listDevices();
    const DeviceInfo& d = devices.back();
    if (d.id == "cpu") return d.name;
    return format("CUDA: %s, %.0f GiB", d.name.c_str(), double(d.totalBytes) / (1024.0 * 1024 * 1024));
}

EngineBuild engineBuild() {
    EngineBuild b;
    b.libtorchVersion = format("%d.%d.%d", TORCH_VERSION_MAJOR, TORCH_VERSION_MINOR, TORCH_VERSION_PATCH);
#ifdef FT_WITH_CUDA
    b.cudaCompiledIn = true;
    b.cudaVersion = format("%d.%d", CUDART_VERSION / 1000, CUDART_VERSION % 1000 / 10);
#endif
    return b;
}

std::string describeEngineBuild() {
    const EngineBuild b = engineBuild();
    return "libtorch " + b.libtorchVersion + (b.cudaCompiledIn ? ", CUDA " + b.cudaVersion + " compiled in" : ", CPU only");
}

} // namespace ft
