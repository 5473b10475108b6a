// Test support: a tiny byte-level tokenizer with a ChatML template.
#include "tiny_tokenizer.h"

#include "io/atomic_file.h"

#include <nlohmann/json.hpp>
#include <vector>

namespace ft::test {

namespace {

std::string utf8(uint32_t cp) {
    std::string s;
    if (cp < 0x80) {
        s += char(cp);
    } else if (cp < 0x800) {
        s += char(0xC0 | (cp >> 6));
        s += char(0x80 | (cp & 0x3F));
    } else {
        s += char(0xE0 | (cp >> 12));
        s += char(0x80 | ((cp >> 6) & 0x3F));
        s += char(0x80 | (cp & 0x3F));
    }
    return s;
}

// GPT-2's reversible byte -> printable character mapping.
std::vector<std::string> byteSymbols() {
    std::vector<std::string> out(256);
    int n = 0;
    for (int b = 0; b < 256; ++b) {
        const bool printable = (b >= '!' && b <= '~') || (b >= 0xA1 && b <= 0xAC) || (b >= 0xAE && b <= 0xFF);
        out[size_t(b)] = utf8(printable ? uint32_t(b) : uint32_t(256 + n++));
    }
    return out;
}

} // namespace

int writeTinyTokenizer(const std::string& dir) {
    const auto sym = byteSymbols();
    nlohmann::json vocab = nlohmann::json::object();
    for (int b = 0; b < 256; ++b) vocab[sym[size_t(b)]] = b;
    // A few merges so that the BPE path is exercised: "th", "he", "the", "Ġt" (space + t).
    const std::vector<std::pair<std::string, std::string>> merges = {{"t", "h"}, {"h", "e"}, {"th", "e"}, {sym[' '], "t"}};
    int next = 256;
    nlohmann::json mergeList = nlohmann::json::array();
    for (const auto& [a, b] : merges) {
        vocab[a + b] = next++;
        mergeList.push_back(a + " " + b);
    }
    nlohmann::json added = nlohmann::json::array();
    for (const char* special : {"<|im_start|>", "<|im_end|>", "<|endoftext|>"})
        added.push_back({{"id", next++},
                         {"content", special},
                         {"single_word", false},
                         {"lstrip", false},
                         {"rstrip", false},
                         {"normalized", false},
                         {"special", true}});
    const nlohmann::json byteLevel = {{"type", "ByteLevel"}, {"add_prefix_space", false}, {"trim_offsets", true}, {"use_regex", true}};
    const nlohmann::json tokenizer = {
        {"version", "1.0"},
        {"truncation", nullptr},
        {"padding", nullptr},
        {"added_tokens", added},
        {"normalizer", nullptr},
        {"pre_tokenizer", byteLevel},
        {"post_processor", byteLevel},
        {"decoder", byteLevel},
        {"model",
         {{"type", "BPE"},
          {"dropout", nullptr},
          {"unk_token", nullptr},
          {"continuing_subword_prefix", nullptr},
          {"end_of_word_suffix", nullptr},
          {"fuse_unk", false},
          {"byte_fallback", false},
          {"vocab", vocab},
          {"merges", mergeList}}},
    };
    const nlohmann::json config = {
        {"tokenizer_class", "PreTrainedTokenizerFast"},
        {"bos_token", nullptr},
        {"eos_token", "<|im_end|>"},
        {"pad_token", "<|endoftext|>"},
        {"chat_template",
         "{% for message in messages %}{{ '<|im_start|>' + message['role'] + '\\n' + message['content'] + "
         "'<|im_end|>' + '\\n' }}{% endfor %}{% if add_generation_prompt %}{{ '<|im_start|>assistant\\n' }}{% endif %}"},
    };
    writeFileAtomic(dir + "/tokenizer.json", tokenizer.dump(1));
    writeFileAtomic(dir + "/tokenizer_config.json", config.dump(1));
    return next;
}

} // namespace ft::test
