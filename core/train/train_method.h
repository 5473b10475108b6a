// How a run trains the model: LoRA adapters on the frozen base (lora), the same on a base whose
// projections are stored in 4-bit NF4 (qlora), weight-decomposed LoRA (dora: PEFT's use_dora), or
// every weight of the model, or of chosen layers (full). Plain types only.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft {

enum class TrainMethod { Lora, Qlora, Dora, Full };
const char* trainMethodName(TrainMethod m);
TrainMethod trainMethodFromName(const std::string& name); // throws naming the value
// Whether the run trains adapters (everything but full fine-tuning): its result is a PEFT adapter.
inline bool trainsAdapter(TrainMethod m) {
    return m != TrainMethod::Full;
}

// QLoRA: which base weights are stored in NF4 (blocks of 64, double-quantized statistics, as
// bitsandbytes' quantize_4bit(quant_type="nf4", compress_statistics=True) stores them).
struct QloraSettings {
    bool quantizeAll = false; // every projection of the decoder layers, not only those with an adapter
};

// Full fine-tuning: which weights train. Everything else stays frozen.
struct FullSettings {
    std::vector<int64_t> layers; // decoder layers that train (their projections and norms); empty: all
    bool embeddings = true;      // the token embeddings, the final norm and the LM head
};

// Layer numbers as people write them: "20-23, 5" -> {5, 20, 21, 22, 23} (sorted, each once); ""
// -> {}. Throws ft::Error naming the part that is not a number or a range.
std::vector<int64_t> parseLayerList(const std::string& text);
// The other way: {5, 20, 21, 22, 23} -> "5, 20-23".
std::string layerListText(const std::vector<int64_t>& layers);

} // namespace ft
