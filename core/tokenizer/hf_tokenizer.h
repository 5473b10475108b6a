// HfTokenizer: the tokenizer.json pipeline. Added tokens are split out first; each text segment is
// normalized, pre-tokenized and BPE-encoded; the post-processor adds special tokens; decoding runs
// the file's decoder chain.
#pragma once
#include "tokenizer/added_vocabulary.h"
#include "tokenizer/bpe_model.h"
#include "tokenizer/decoder.h"
#include "tokenizer/normalizer.h"
#include "tokenizer/pre_tokenizer.h"
#include "tokenizer/tokenizer.h"

namespace ft {

class HfTokenizer final : public Tokenizer {
public:
    HfTokenizer(const std::string& jsonPath, const std::string& dir);

    std::vector<int32_t> encode(const std::string& text, bool addSpecialTokens) const override;
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const override;
    int32_t vocabSize() const override;
    int32_t tokenToId(const std::string& token) const override;
    std::string idToToken(int32_t id) const override;
    bool isSpecial(int32_t id) const override;
    std::string kind() const override { return m_kind; }

private:
    struct TemplatePart {
        bool isSequence;
        std::vector<int32_t> ids; // for special tokens
    };
    void readPostProcessor(const nlohmann::json& j, const std::string& src);

    std::unique_ptr<BpeModel> m_model;
    std::unique_ptr<Normalizer> m_normalizer;
    std::unique_ptr<PreTokenizer> m_preTokenizer;
    std::unique_ptr<Decoder> m_decoder;
    AddedVocabulary m_added;
    std::vector<TemplatePart> m_template; // empty: no special tokens are added
    std::string m_kind;
};

} // namespace ft
