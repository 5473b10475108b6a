// finetune export --run RUN_DIR --format peft|merged|gguf|gguf-adapter [--out PATH] [--adapter
// final|best|step-N] [--dtype fp32|bf16] [--type f32|f16|bf16|q8_0] [--name NAME]: what a run made, in
// the formats the ecosystem loads. finetune export --model DIR --format gguf --out FILE: a model as GGUF.
#include "args.h"
#include "commands.h"
#include "export/export_format.h"
#include "util/error.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runExport(const Argv& argv) {
    const Args args(argv, {"run", "model", "format", "out", "adapter", "dtype", "type", "name", "template"}, {});
    ExportOptions options;
    try {
        options.kind = exportKindFromName(args.value("format", "peft"));
    } catch (const Error& e) {
        throw Error(std::string("--") + e.what(), e.hint());
    }
    if (args.has("run") == args.has("model")) throw Error("give either --run RUN_DIR or --model DIR");
    if (args.has("model") && options.kind != ExportKind::Gguf) throw Error("--model works with --format gguf; a run exports with --run");
    if (!isGguf(options.kind) && (args.has("type") || args.has("name")))
        throw Error("--type and --name belong to the GGUF formats (merged models take --dtype)");
    options.type = args.value("type");
    options.name = args.value("name");
    options.dtype = args.value("dtype", "bf16");

    ExportSource source;
    std::string out;
    if (args.has("run")) {
        const std::string runDir = args.required("run");
        source = exportSourceOfRun(runDir, args.value("adapter", "final"));
        out = args.value("out", defaultExportPath(runDir, options));
    } else {
        source.modelDir = args.required("model");
        source.chatTemplate = args.value("template");
        out = args.required("out");
    }
    const ExportResult r = exportAs(source, out, options);
    nlohmann::json report = {{"format", exportKindName(options.kind)}, {"out", out}, {"base", source.modelDir}};
    if (!source.adapterDir.empty()) report["adapter"] = source.adapterDir;
    if (isGguf(options.kind)) {
        report["type"] = options.ggufType();
        report["architecture"] = r.gguf.architecture;
        report["bytes"] = r.gguf.bytes;
        report["tensors"] = r.gguf.tensors;
        report["warnings"] = r.gguf.warnings;
        for (const auto& w : r.gguf.warnings) std::cerr << "warning: " << w << "\n";
    }
    std::cout << report.dump() << std::endl;
    return 0;
}

} // namespace ft::cli
