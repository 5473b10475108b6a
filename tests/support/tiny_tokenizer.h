// Test support: a small but real byte-level BPE tokenizer in Hugging Face's tokenizer.json format
// (the 256 byte tokens, a few merges, ChatML special tokens) with a ChatML chat template, so that a
// tiny model can be trained end to end on text in milliseconds per step.
#pragma once
#include <string>

namespace ft::test {

// Ids: bytes 0..255 (GPT-2 byte-to-unicode mapping), merges after them, then <|im_start|>,
// <|im_end|> (EOS) and <|endoftext|> (PAD). Returns the vocabulary size.
int writeTinyTokenizer(const std::string& dir);

} // namespace ft::test
