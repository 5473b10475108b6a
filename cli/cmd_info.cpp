// finetune info --model DIR: what a model folder holds, read from config.json and the safetensors
// headers (no weights are loaded). finetune info alone: the engine (libtorch, whether CUDA is compiled
// in) and the devices it sees, with the one `"device": "auto"` picks.
#include "args.h"
#include "commands.h"
#include "model/model_summary.h"
#include "util/device_info.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runInfo(const Argv& argv) {
    const Args args(argv, {"model"}, {});
    if (args.has("model")) {
        std::cout << describeModel(args.value("model")).toJson() << std::endl;
        return 0;
    }
    const EngineBuild build = engineBuild();
    nlohmann::json devices = nlohmann::json::array();
    for (const DeviceInfo& d : listDevices()) devices.push_back({{"id", d.id}, {"name", d.name}, {"memory_bytes", d.totalBytes}});
    const nlohmann::json out = {{"libtorch", build.libtorchVersion},
                                {"cuda_compiled_in", build.cudaCompiledIn},
                                {"cuda_version", build.cudaVersion},
                                {"engine", describeEngineBuild()},
                                {"devices", devices},
                                {"auto_device", autoDeviceId()},
                                {"best_device", describeBestDevice()}};
    std::cout << out.dump(2) << std::endl;
    return 0;
}

} // namespace ft::cli
