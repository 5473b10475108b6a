// Chat templates: render a conversation exactly as transformers' apply_chat_template does (by
// interpreting the model's Jinja template), recognise which family a template belongs to, offer
// built-in templates for models without one, and find the assistant replies in the output so that
// training can put the loss on them alone.
#pragma once
#include <cstdint>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace ft {

class Tokenizer;
namespace jinja {
class Template;
}

struct ChatMessage {
    std::string role; // "system", "user", "assistant" (others pass through to the template)
    std::string content;
};

enum class TemplateFamily { ChatML, Llama3, Llama2, Mistral, Zephyr, Gemma, DeepSeek, Plain, Unknown };

const char* templateFamilyName(TemplateFamily family);          // "chatml", "llama3", ...
TemplateFamily templateFamilyFromName(const std::string& name); // throws for unknown names
// The families with a built-in template, in the order a choice lists them ("chatml", ..., "plain").
const std::vector<TemplateFamily>& builtinTemplateFamilies();
TemplateFamily recognizeTemplate(const std::string& templateText);
// Our own template for a family (for models that ship none, or a user's override). Plain is a
// readable "### User / ### Assistant" layout for base models.
const std::string& builtinTemplate(TemplateFamily family);

struct RenderedChat {
    std::string text;
    std::vector<std::pair<size_t, size_t>> assistantSpans; // byte ranges of assistant replies (end-of-turn included)
    bool exactSpans = true;                                // false when spans had to be found by searching for the reply text
};

class ChatTemplate {
public:
    // `source` is Jinja text; special tokens are passed to it as bos_token / eos_token / ...
    ChatTemplate(std::string source, std::string bosToken, std::string eosToken, std::string padToken = {}, std::string unkToken = {});
    ~ChatTemplate();
    ChatTemplate(ChatTemplate&&) noexcept;

    // The tokenizer's own template, or `override` ("chatml", "llama3", ... or a path to a .jinja file),
    // or the plain template when the model has none.
    static ChatTemplate forTokenizer(const Tokenizer& tokenizer, const std::string& override = {});

    std::string render(const std::vector<ChatMessage>& messages, bool addGenerationPrompt) const;
    RenderedChat renderForTraining(const std::vector<ChatMessage>& messages) const;

    TemplateFamily family() const { return m_family; }
    const std::string& source() const { return m_source; }
    bool isBuiltinFallback() const { return m_fallback; }

private:
    std::string m_source;
    std::string m_bos, m_eos, m_pad, m_unk;
    std::unique_ptr<jinja::Template> m_template;
    TemplateFamily m_family;
    bool m_fallback = false;
};

// A conversation as token ids with a per-token training mask (1 on assistant replies), tokenized
// without extra special tokens, as apply_chat_template(tokenize=True) does.
struct TokenizedChat {
    std::vector<int32_t> ids;
    std::vector<uint8_t> trainMask;
    bool exactBoundaries = true; // false when a span edge fell inside a token (it is then rounded outward)
};

TokenizedChat tokenizeChat(const Tokenizer& tokenizer, const RenderedChat& chat);

// The template's end-of-turn marker (<|im_end|>, <|eot_id|>, ...) when it is a single token, else -1.
// A tuned model ends its replies with it even where config.json names another EOS token, so
// generation should stop there too.
int32_t endOfTurnTokenId(const Tokenizer& tokenizer, const ChatTemplate& tmpl);

// Where a generated reply ends: the model's EOS ids, the tokenizer's EOS and the template's
// end-of-turn token, sorted and de-duplicated.
std::vector<int64_t> replyStopIds(std::vector<int64_t> modelEosIds, const Tokenizer& tokenizer, const ChatTemplate& tmpl);

} // namespace ft
