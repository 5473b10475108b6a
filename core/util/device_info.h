// What compute the machine offers, in plain types (no libtorch in this header).
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft {

struct DeviceInfo {
    std::string id;          // "cpu", "cuda:0", ...
    std::string name;        // "CPU (2 cores)", "NVIDIA H100 80GB HBM3"
    uint64_t totalBytes = 0; // device memory, 0 for the CPU
};

// The CPU first, then every CUDA device libtorch sees.
std::vector<DeviceInfo> listDevices();

// What `"device": "auto"` means here: "cuda:0" when libtorch sees a GPU, else "cpu".
std::string autoDeviceId();

// A one-line description for status bars: "CUDA: <name>, 80 GiB" or "CPU (2 cores)".
std::string describeBestDevice();

// The libtorch this program was built against, and whether CUDA is compiled in.
struct EngineBuild {
    std::string libtorchVersion; // "2.11.0", "1.13.1"
    bool cudaCompiledIn = false;
    std::string cudaVersion; // the CUDA runtime it was built with, "13.0"; empty without CUDA
};
EngineBuild engineBuild();

// "libtorch 2.11.0, CUDA 13.0 compiled in" or "libtorch 1.13.1, CPU only".
std::string describeEngineBuild();

} // namespace ft
