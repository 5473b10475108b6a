// The pieces of a SentencePiece tokenizer.model, read straight from its protobuf bytes (the few
// fields GGUF needs), so the exporter does not have to load the isolated SentencePiece module.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

namespace ft::gguf {

struct SpmPiece {
    std::string piece;
    float score = 0.0f;
    int32_t type = 1; // sentencepiece's ModelProto.SentencePiece.Type: 1 normal, 2 unknown, 3 control,
                      // 4 user-defined, 5 unused, 6 byte (the same numbers as GGUF's token types)
};

struct SpmModelProto {
    std::vector<SpmPiece> pieces;
    int32_t modelType = 1;      // TrainerSpec.model_type: 1 unigram, 2 BPE, 3 word, 4 char
    bool byteFallback = false;  // TrainerSpec.byte_fallback
    bool addDummyPrefix = true; // NormalizerSpec.add_dummy_prefix
};

// Throws ft::Error naming the file when the bytes are not a SentencePiece model.
SpmModelProto parseSpmModel(const std::string& bytes, const std::string& source);

} // namespace ft::gguf
