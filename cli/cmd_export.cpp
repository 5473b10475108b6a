// finetune export --run RUN_DIR --format peft|merged [--out DIR] [--adapter final|best|step-N]
// [--dtype fp32|bf16]: what a run made, in the formats the ecosystem loads.
#include "args.h"
#include "commands.h"
#include "export/run_export.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runExport(const Argv& argv) {
    const Args args(argv, {"run", "format", "out", "adapter", "dtype"}, {});
    const std::string runDir = args.required("run");
    const std::string format = args.value("format", "peft");
    if (format != "peft" && format != "merged")
        throw Error("--format: \"" + format + "\" is not peft or merged", "GGUF export comes with `finetune export --format gguf` later");
    const ExportSource source = exportSourceOfRun(runDir, args.value("adapter", "final"));
    const std::string out = args.value("out", runDir + "/export/" + format);
    if (format == "peft") exportPeftAdapter(source, out);
    else exportMergedModel(source, out, args.value("dtype", "bf16"));
    std::cout << nlohmann::json{{"format", format}, {"out", out}, {"adapter", source.adapterDir}, {"base", source.modelDir}}.dump()
              << std::endl;
    return 0;
}

} // namespace ft::cli
