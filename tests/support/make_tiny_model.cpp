// make_tiny_model VARIANT OUT_DIR [VOCAB_SIZE] [SEED]: a tiny random model of one of tiny_model.h's
// variants, in Hugging Face layout, for scripts that check exports against other engines
// (bench/gguf/llama_cpp_check.sh); VOCAB_SIZE sizes it for a real tokenizer copied in afterwards.
#include "tiny_model.h"

#include <cstdlib>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: make_tiny_model VARIANT OUT_DIR [VOCAB_SIZE] [SEED]\n";
        return 2;
    }
    try {
        ft::LlamaConfig c = ft::test::tinyConfig(argv[1]);
        if (argc > 3) c.vocabSize = std::atoll(argv[3]);
        c.bosTokenId = -1;
        c.eosTokenIds.clear();
        ft::test::writeTinyModel(argv[2], c, argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1);
    } catch (const std::exception& e) {
        std::cerr << "make_tiny_model: " << e.what() << "\n";
        return 1;
    }
    return 0;
}
