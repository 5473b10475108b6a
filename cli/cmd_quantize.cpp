// finetune quantize --in FILE.safetensors --out FILE.safetensors [--block-size 64] [--no-double-quant]
//                   [--dequantized FILE.safetensors]:
// every floating tensor of a safetensors file in NF4, written in bitsandbytes' serialized layout
// (quant/nf4_serialize.h); with --dequantized, the weights as they come back from NF4 too. What
// QLoRA does to a base model's projections, for checking against bitsandbytes or inspecting the error.
#include "args.h"
#include "commands.h"
#include "io/safetensors.h"
#include "quant/nf4.h"
#include "quant/nf4_serialize.h"

#include "torch_pch.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runQuantize(const Argv& argv) {
    const Args args(argv, {"in", "out", "block-size", "dequantized"}, {"no-double-quant"});
    const SafetensorsFile in(args.required("in"));
    const int64_t blockSize = args.integer("block-size", 64);
    const bool doubleQuant = !args.flag("no-double-quant");
    std::vector<std::pair<std::string, torch::Tensor>> quantized, dequantized;
    nlohmann::json report = {{"in", args.required("in")}, {"out", args.required("out")}, {"tensors", nlohmann::json::array()}};
    uint64_t before = 0, after = 0;
    for (const auto& e : in.entries()) {
        const torch::Tensor t = in.tensor(e.name);
        if (!t.is_floating_point()) continue;
        const Nf4Tensor q = quantizeNf4(t, blockSize, doubleQuant);
        for (auto& kv : bitsandbytesTensors(e.name, q)) quantized.push_back(std::move(kv));
        const torch::Tensor back = dequantizeNf4(q);
        if (args.has("dequantized")) dequantized.emplace_back(e.name, back);
        before += uint64_t(t.numel()) * t.element_size();
        after += q.bytes();
        report["tensors"].push_back({{"name", e.name},
                                     {"shape", q.shape},
                                     {"bytes", q.bytes()},
                                     {"max_abs_error", (back.to(torch::kFloat32) - t.to(torch::kFloat32)).abs().max().item<double>()}});
    }
    writeSafetensors(args.required("out"), quantized);
    if (args.has("dequantized")) writeSafetensors(args.value("dequantized"), dequantized);
    report["bytes_before"] = before;
    report["bytes_after"] = after;
    std::cout << report.dump() << std::endl;
    return 0;
}

} // namespace ft::cli
