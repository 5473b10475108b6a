// Pre-tokenizers of tokenizer.json: Split (regex or string, every behaviour, invert), ByteLevel,
// Metaspace, Digits, Whitespace, WhitespaceSplit, Punctuation and Sequence. They cut a normalized
// segment into pieces that the BPE model encodes one by one.
#pragma once
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json_fwd.hpp>

namespace ft {

struct Piece {
    std::string text;
    bool atStart; // begins at offset 0 of the whole input (Metaspace's prepend_scheme "first")
};

class PreTokenizer {
public:
    virtual ~PreTokenizer() = default;
    virtual void apply(std::vector<Piece>& pieces) const = 0;

    static std::unique_ptr<PreTokenizer> fromJson(const nlohmann::json& j, const std::string& source);
};

// The GPT-2 byte <-> printable character mapping used by ByteLevel.
const std::string& byteToUnicode(unsigned char b); // UTF-8 of the mapped character
int unicodeToByte(uint32_t cp);                    // -1 if cp is not a mapped character

} // namespace ft
