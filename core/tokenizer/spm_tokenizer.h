// SpmTokenizer: a tokenizer.model (SentencePiece) through libft_spm, loaded in isolation. Special
// tokens written in the text (<s>, </s>, <unk> and other control pieces) are split out first, as
// transformers' slow tokenizer does; BOS/EOS follow tokenizer_config.json's add_bos/add_eos_token.
#pragma once
#include "tokenizer/added_vocabulary.h"
#include "tokenizer/tokenizer.h"

namespace ft {

struct SpmModule;

class SpmTokenizer final : public Tokenizer {
public:
    SpmTokenizer(const std::string& modelPath, const std::string& dir);
    ~SpmTokenizer() override;

    std::vector<int32_t> encode(const std::string& text, bool addSpecialTokens) const override;
    std::string decode(const std::vector<int32_t>& ids, bool skipSpecialTokens) const override;
    int32_t vocabSize() const override;
    int32_t tokenToId(const std::string& token) const override;
    std::string idToToken(int32_t id) const override;
    bool isSpecial(int32_t id) const override;
    std::string kind() const override { return "tokenizer.model (SentencePiece)"; }

private:
    const SpmModule* m_module;
    void* m_handle = nullptr;
    AddedVocabulary m_specials;
};

// Where libft_spm is looked for: $FT_SPM_MODULE, next to the executable's lib folder, the build tree.
std::string spmModulePath();

} // namespace ft
