// exportAs: one export call for every format (see export_format.h).
#include "export/export_format.h"

#include "io/atomic_file.h"
#include "lora/lora_config.h"
#include "util/error.h"

namespace ft {

const char* exportKindName(ExportKind kind) {
    switch (kind) {
    case ExportKind::Peft: return "peft";
    case ExportKind::Merged: return "merged";
    case ExportKind::Gguf: return "gguf";
    case ExportKind::GgufAdapter: return "gguf-adapter";
    }
    return "?";
}

ExportKind exportKindFromName(const std::string& name) {
    for (ExportKind k : {ExportKind::Peft, ExportKind::Merged, ExportKind::Gguf, ExportKind::GgufAdapter})
        if (name == exportKindName(k)) return k;
    throw Error("format: \"" + name + "\" is not peft, merged, gguf or gguf-adapter");
}

bool isGguf(ExportKind kind) {
    return kind == ExportKind::Gguf || kind == ExportKind::GgufAdapter;
}

std::string ExportOptions::ggufType() const {
    return !type.empty() ? type : kind == ExportKind::GgufAdapter ? "f32" : "f16";
}

std::string defaultExportPath(const std::string& runDir, const ExportOptions& o) {
    switch (o.kind) {
    case ExportKind::Gguf: return runDir + "/export/model-" + o.ggufType() + ".gguf";
    case ExportKind::GgufAdapter: return runDir + "/export/adapter-" + o.ggufType() + ".gguf";
    default: return runDir + "/export/" + exportKindName(o.kind);
    }
}

void validateExport(const ExportSource& source, const ExportOptions& o) {
    const bool needsAdapter = o.kind == ExportKind::Peft || o.kind == ExportKind::GgufAdapter;
    if (source.adapterDir.empty() && source.tunedModel && needsAdapter)
        throw Error(std::string("format: a full fine-tune is a whole model, not an adapter: ") + exportKindName(o.kind) + " does not apply",
                    "export it as merged (a Hugging Face folder) or gguf");
    if (source.adapterDir.empty() && !source.tunedModel && o.kind != ExportKind::Gguf)
        throw Error(std::string("format: ") + exportKindName(o.kind) + " exports a run's adapter; a base model exports as gguf");
    if (o.kind == ExportKind::GgufAdapter && !source.adapterDir.empty() &&
        LoraConfig::fromPeftJson(readFile(source.adapterDir + "/adapter_config.json"), source.adapterDir + "/adapter_config.json").dora)
        throw Error("format: a GGUF adapter cannot hold DoRA's magnitudes (llama.cpp's adapters are plain LoRA)",
                    "export gguf instead: the adapter merged into the model");
    if (!isGguf(o.kind) && (!o.type.empty() || !o.name.empty()))
        throw Error("type and name belong to the GGUF formats (a merged model takes a dtype)");
    if (isGguf(o.kind)) validateGgufType(o.ggufType());
}

ExportResult exportAs(const ExportSource& source, const std::string& out, const ExportOptions& o) {
    validateExport(source, o);
    ExportResult r;
    r.out = out;
    switch (o.kind) {
    case ExportKind::Peft: exportPeftAdapter(source, out); break;
    case ExportKind::Merged: exportMergedModel(source, out, o.dtype); break;
    case ExportKind::Gguf:
    case ExportKind::GgufAdapter: {
        GgufOptions g;
        g.type = o.ggufType();
        g.name = o.name;
        g.overwrite = o.overwrite;
        r.gguf = o.kind == ExportKind::Gguf ? exportGguf(source, out, g) : exportGgufAdapter(source, out, g);
        break;
    }
    }
    return r;
}

} // namespace ft
