// Normalizers of tokenizer.json: Sequence, NFC, NFD, Prepend, Replace, Lowercase, Strip, StripAccents.
// Others (NFKC, BertNormalizer, Precompiled...) are reported as unsupported when the file is loaded.
#pragma once
#include <memory>
#include <string>

#include <nlohmann/json_fwd.hpp>

namespace ft {

class Normalizer {
public:
    virtual ~Normalizer() = default;
    virtual std::string normalize(const std::string& text) const = 0;

    // null JSON -> nullptr (no normalization).
    static std::unique_ptr<Normalizer> fromJson(const nlohmann::json& j, const std::string& source);
};

} // namespace ft
