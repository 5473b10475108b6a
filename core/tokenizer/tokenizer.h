// Tokenizer: the public face of tokenization (plain types, no libtorch). Loads a model folder's
// tokenizer.json (Hugging Face's format, BPE in both the byte-level and the SentencePiece-style
// families) or, failing that, its tokenizer.model through the isolated SentencePiece module, plus
// tokenizer_config.json (special tokens, chat template).
#pragma once
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace ft {

struct TokenizerConfig {
    std::string bosToken, eosToken, padToken, unkToken; // strings as tokenizer_config.json gives them
    int32_t bosId = -1, eosId = -1, padId = -1, unkId = -1;
    bool addBosToken = false, addEosToken = false;     // used by the tokenizer.model path
    std::string chatTemplate;                          // the default template, "" if none
    std::map<std::string, std::string> namedTemplates; // e.g. "tool_use"
};

class Tokenizer {
public:
    virtual ~Tokenizer() = default;

    // Loads from a folder holding tokenizer.json or tokenizer.model (and tokenizer_config.json).
    // Throws ft::Error naming the file and the problem.
    static std::shared_ptr<const Tokenizer> load(const std::string& dir);

    // addSpecialTokens applies the post-processor (BOS/EOS). Special-token strings written in the
    // text always become their ids, as in the reference.
    virtual std::vector<int32_t> encode(const std::string& text, bool addSpecialTokens) const = 0;
    virtual std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const = 0;

    virtual int32_t vocabSize() const = 0;                         // including added tokens
    virtual int32_t tokenToId(const std::string& token) const = 0; // -1 if unknown
    virtual std::string idToToken(int32_t id) const = 0;
    virtual bool isSpecial(int32_t id) const = 0;
    virtual std::string kind() const = 0; // "tokenizer.json (BPE, byte-level)", ...

    const TokenizerConfig& config() const { return m_config; }
    const std::string& dir() const { return m_dir; }

protected:
    TokenizerConfig m_config;
    std::string m_dir;
};

// Incremental detokenization for streaming generation: push ids, get the new text. Text is only
// released once it is complete UTF-8 and can no longer change as more ids arrive.
class StreamingDecoder {
public:
    StreamingDecoder(const Tokenizer& tokenizer, bool skipSpecialTokens);
    std::string push(int32_t id);
    std::string finish(); // whatever is left (a dangling partial character becomes U+FFFD)

private:
    const Tokenizer& m_tokenizer;
    bool m_skipSpecial;
    std::vector<int32_t> m_ids;
    size_t m_prefixStart = 0;  // ids before this are settled and not re-decoded
    size_t m_emittedBytes = 0; // bytes of decode(ids[m_prefixStart..]) already released
};

// Reads tokenizer_config.json (and chat_template.jinja / chat_template.json when present).
TokenizerConfig readTokenizerConfig(const std::string& dir);

} // namespace ft
