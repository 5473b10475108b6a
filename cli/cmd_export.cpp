// finetune export --run RUN_DIR --format peft|merged|gguf|gguf-adapter [--out PATH] [--adapter
// final|best|step-N] [--dtype fp32|bf16] [--type f32|f16|bf16|q8_0] [--name NAME]: what a run made, in
// the formats the ecosystem loads. finetune export --model DIR --format gguf --out FILE: a model as GGUF.
#include "args.h"
#include "commands.h"
#include "export/gguf_export.h"
#include "export/run_export.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runExport(const Argv& argv) {
    const Args args(argv, {"run", "model", "format", "out", "adapter", "dtype", "type", "name", "template"}, {});
    const std::string format = args.value("format", "peft");
    const bool gguf = format == "gguf" || format == "gguf-adapter";
    if (format != "peft" && format != "merged" && !gguf)
        throw Error("--format: \"" + format + "\" is not peft, merged, gguf or gguf-adapter");
    if (args.has("run") == args.has("model")) throw Error("give either --run RUN_DIR or --model DIR");
    if (args.has("model") && format != "gguf") throw Error("--model works with --format gguf; a run exports with --run");
    if (!gguf && (args.has("type") || args.has("name")))
        throw Error("--type and --name belong to the GGUF formats (merged models take --dtype)");
    const std::string type = args.value("type", format == "gguf-adapter" ? "f32" : "f16");

    ExportSource source;
    std::string out;
    if (args.has("run")) {
        const std::string runDir = args.required("run");
        source = exportSourceOfRun(runDir, args.value("adapter", "final"));
        const std::string file = format == "gguf" ? "model-" + type + ".gguf" : format == "gguf-adapter" ? "adapter-" + type + ".gguf" : format;
        out = args.value("out", runDir + "/export/" + file);
    } else {
        source.modelDir = args.required("model");
        source.chatTemplate = args.value("template");
        out = args.required("out");
    }
    nlohmann::json report = {{"format", format}, {"out", out}, {"base", source.modelDir}};
    if (!source.adapterDir.empty()) report["adapter"] = source.adapterDir;
    if (format == "peft") {
        exportPeftAdapter(source, out);
    } else if (format == "merged") {
        exportMergedModel(source, out, args.value("dtype", "bf16"));
    } else {
        GgufOptions options;
        options.type = type;
        options.name = args.value("name");
        const GgufExportResult r = format == "gguf" ? exportGguf(source, out, options) : exportGgufAdapter(source, out, options);
        report["type"] = options.type;
        report["architecture"] = r.architecture;
        report["bytes"] = r.bytes;
        report["tensors"] = r.tensors;
        report["warnings"] = r.warnings;
        for (const auto& w : r.warnings) std::cerr << "warning: " << w << "\n";
    }
    std::cout << report.dump() << std::endl;
    return 0;
}

} // namespace ft::cli
