// NF4 weights as bitsandbytes serializes them.
#include "quant/nf4_serialize.h"

#include "torch_pch.h"

#include <nlohmann/json.hpp>

namespace ft {

namespace {
std::string dtypeText(torch::ScalarType t) {
    return t == torch::kBFloat16 ? "bfloat16" : t == torch::kFloat16 ? "float16" : "float32";
}
} // namespace

std::vector<std::pair<std::string, torch::Tensor>> bitsandbytesTensors(const std::string& name, const Nf4Tensor& q) {
    std::vector<std::pair<std::string, torch::Tensor>> out;
    out.emplace_back(name, q.packed.view({-1, 1}).cpu());
    out.emplace_back(name + ".absmax", q.absmax.cpu());
    out.emplace_back(name + ".quant_map", q.levels.cpu());
    nlohmann::json state = {{"quant_type", "nf4"}, {"blocksize", q.blockSize}, {"dtype", dtypeText(q.dtype)}, {"shape", q.shape}};
    if (q.doubleQuant) {
        out.emplace_back(name + ".nested_absmax", q.absmax2.cpu());
        out.emplace_back(name + ".nested_quant_map", q.code2.cpu());
        state["nested_blocksize"] = 256;
        state["nested_dtype"] = "float32";
        state["nested_offset"] = q.offset.item<float>();
    }
    const std::string text = state.dump();
    auto bytes = torch::empty({int64_t(text.size())}, torch::kUInt8);
    std::memcpy(bytes.data_ptr(), text.data(), text.size());
    out.emplace_back(name + ".quant_state.bitsandbytes__nf4", bytes);
    return out;
}

} // namespace ft
