// Decoders of tokenizer.json: ByteLevel, Metaspace, Replace, ByteFallback, Fuse, Strip, Sequence.
// Each maps a list of token strings to a list of strings, as the reference's decode_chain does;
// the final text is their concatenation.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft {

class Decoder {
public:
    virtual ~Decoder() = default;
    virtual void decodeChain(std::vector<std::string>& tokens) const = 0;

    static std::unique_ptr<Decoder> fromJson(const nlohmann::json& j, const std::string& source);
};

} // namespace ft
