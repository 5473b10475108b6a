// One entry point for every export of a run (or a base model), chosen by format: the PEFT adapter,
// the merged Hugging Face model, the merged model as GGUF, or the adapter as GGUF. The CLI's
// `finetune export` and the studio's Runs view both call it, so a format means the same files
// wherever it is asked for.
#pragma once
#include "export/gguf_export.h"
#include "export/run_export.h"

#include <string>
#include <vector>

namespace ft {

enum class ExportKind { Peft, Merged, Gguf, GgufAdapter };
const char* exportKindName(ExportKind kind);            // "peft", "merged", "gguf", "gguf-adapter"
ExportKind exportKindFromName(const std::string& name); // throws naming the value
bool isGguf(ExportKind kind);

struct ExportOptions {
    ExportKind kind = ExportKind::Peft;
    std::string dtype = "bf16";   // merged: the weights' type (fp32 | bf16 | fp16)
    std::string type;             // GGUF: f32 | f16 | bf16 | q8_0; "" = f16 (f32 for an adapter)
    std::string name;             // GGUF general.name; "" = the file's name
    bool overwrite = false;       // GGUF: replace an existing file once the new one is complete
    std::string ggufType() const; // `type` with its default applied
};

struct ExportResult {
    std::string out;
    GgufExportResult gguf; // GGUF kinds only
};

// Where an export of a run goes when no path is given: <run>/export/peft, .../merged,
// .../model-f16.gguf, .../adapter-f32.gguf.
std::string defaultExportPath(const std::string& runDir, const ExportOptions& options);

// Checks the options (kind against what `source` has, the GGUF type) before any work; throws
// ft::Error naming the option.
void validateExport(const ExportSource& source, const ExportOptions& options);

ExportResult exportAs(const ExportSource& source, const std::string& out, const ExportOptions& options);

} // namespace ft
