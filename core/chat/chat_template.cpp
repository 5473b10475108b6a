// Chat templates: the tokenizer's own, a built-in family or a file, rendered for training and for
// prompts.
#include "chat/chat_template.h"

#include "chat/jinja_template.h"
#include "io/atomic_file.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <map>

namespace ft {

namespace {

const std::map<TemplateFamily, const char*>& familyNames() {
    static const std::map<TemplateFamily, const char*> names = {
        {TemplateFamily::ChatML, "chatml"},     {TemplateFamily::Llama3, "llama3"}, {TemplateFamily::Llama2, "llama2"},
        {TemplateFamily::Mistral, "mistral"},   {TemplateFamily::Zephyr, "zephyr"}, {TemplateFamily::Gemma, "gemma"},
        {TemplateFamily::DeepSeek, "deepseek"}, {TemplateFamily::Plain, "plain"},   {TemplateFamily::Unknown, "unknown"},
    };
    return names;
}

jinja::Value toValue(const std::vector<ChatMessage>& messages) {
    jinja::List list;
    for (const auto& m : messages) list.push_back(jinja::makeDict({{"role", jinja::Value(m.role)}, {"content", jinja::Value(m.content)}}));
    return jinja::Value(std::move(list));
}

} // namespace

const char* templateFamilyName(TemplateFamily family) {
    return familyNames().at(family);
}

const std::vector<TemplateFamily>& builtinTemplateFamilies() {
    static const std::vector<TemplateFamily> all{TemplateFamily::ChatML,   TemplateFamily::Llama3, TemplateFamily::Llama2,
                                                 TemplateFamily::Mistral,  TemplateFamily::Zephyr, TemplateFamily::Gemma,
                                                 TemplateFamily::DeepSeek, TemplateFamily::Plain};
    return all;
}

TemplateFamily templateFamilyFromName(const std::string& name) {
    for (TemplateFamily family : builtinTemplateFamilies())
        if (name == templateFamilyName(family)) return family;
    std::string names;
    for (TemplateFamily family : builtinTemplateFamilies()) names += std::string(templateFamilyName(family)) + ", ";
    throw Error("unknown chat template \"" + name + "\"", "use one of " + names + "or a .jinja file");
}

TemplateFamily recognizeTemplate(const std::string& t) {
    auto has = [&](const char* s) { return t.find(s) != std::string::npos; };
    if (t.empty()) return TemplateFamily::Unknown;
    if (has("<|im_start|>")) return TemplateFamily::ChatML;
    if (has("<|start_header_id|>")) return TemplateFamily::Llama3;
    if (has("<start_of_turn>")) return TemplateFamily::Gemma;
    if (has("<\xEF\xBD\x9C"
            "User\xEF\xBD\x9C>"))
        return TemplateFamily::DeepSeek; // <｜User｜>
    if (has("<|user|>") && has("<|assistant|>")) return TemplateFamily::Zephyr;
    if (has("[INST]") && has("<<SYS>>")) return TemplateFamily::Llama2;
    if (has("[INST]")) return TemplateFamily::Mistral;
    if (has("### User") && has("### Assistant")) return TemplateFamily::Plain;
    return TemplateFamily::Unknown;
}

const std::string& builtinTemplate(TemplateFamily family) {
    static const std::map<TemplateFamily, std::string> templates = {
        {TemplateFamily::ChatML,
         "{%- for message in messages %}{{- '<|im_start|>' + message['role'] + '\\n' + message['content'] + '<|im_end|>\\n' }}"
         "{%- endfor %}{%- if add_generation_prompt %}{{- '<|im_start|>assistant\\n' }}{%- endif %}"},
        {TemplateFamily::Llama3,
         "{{- bos_token }}{%- for message in messages %}{{- '<|start_header_id|>' + message['role'] + '<|end_header_id|>\\n\\n'"
         " + message['content'] | trim + '<|eot_id|>' }}{%- endfor %}"
         "{%- if add_generation_prompt %}{{- '<|start_header_id|>assistant<|end_header_id|>\\n\\n' }}{%- endif %}"},
        {TemplateFamily::Llama2,
         "{%- if messages[0]['role'] == 'system' %}{%- set system = messages[0]['content'] %}{%- set turns = messages[1:] %}"
         "{%- else %}{%- set system = '' %}{%- set turns = messages %}{%- endif %}"
         "{%- for message in turns %}{%- if message['role'] == 'user' %}"
         "{%- set text = ('<<SYS>>\\n' + system + '\\n<</SYS>>\\n\\n' if loop.first and system else '') + message['content'] %}"
         "{{- bos_token + '[INST] ' + text | trim + ' [/INST]' }}"
         "{%- else %}{{- ' ' + message['content'] | trim + ' ' + eos_token }}{%- endif %}{%- endfor %}"},
        {TemplateFamily::Mistral,
         "{{- bos_token }}{%- for message in messages %}{%- if message['role'] == 'user' %}"
         "{{- '[INST] ' + message['content'] + ' [/INST]' }}{%- elif message['role'] == 'assistant' %}"
         "{{- message['content'] + eos_token }}{%- else %}{{- '[INST] ' + message['content'] + ' [/INST]' }}{%- endif %}"
         "{%- endfor %}"},
        {TemplateFamily::Zephyr,
         "{%- for message in messages %}{%- if message['role'] == 'user' %}{{- '<|user|>\\n' }}"
         "{%- elif message['role'] == 'assistant' %}{{- '<|assistant|>\\n' }}{%- else %}{{- '<|system|>\\n' }}{%- endif %}"
         "{{- message['content'] + eos_token + '\\n' }}{%- endfor %}{%- if add_generation_prompt %}{{- '<|assistant|>\\n' }}{%- endif %}"},
        {TemplateFamily::Gemma,
         "{{- bos_token }}{%- set ns = namespace(system='') %}{%- for message in messages %}"
         "{%- if message['role'] == 'system' %}{%- set ns.system = message['content'] + '\\n\\n' %}{%- else %}"
         "{%- set role = 'model' if message['role'] == 'assistant' else message['role'] %}"
         "{{- '<start_of_turn>' + role + '\\n' + (ns.system if role == 'user' else '') + message['content'] | trim + '<end_of_turn>\\n' }}"
         "{%- if role == 'user' %}{%- set ns.system = '' %}{%- endif %}{%- endif %}{%- endfor %}"
         "{%- if add_generation_prompt %}{{- '<start_of_turn>model\\n' }}{%- endif %}"},
        {TemplateFamily::DeepSeek,
         "{{- bos_token }}{%- for message in messages %}{%- if message['role'] == 'system' %}{{- message['content'] }}"
         "{%- elif message['role'] == 'user' %}{{- '<\xEF\xBD\x9C"
         "User\xEF\xBD\x9C>' + message['content'] }}"
         "{%- else %}{{- '<\xEF\xBD\x9C"
         "Assistant\xEF\xBD\x9C>' + message['content'] + eos_token }}{%- endif %}{%- endfor %}"
         "{%- if add_generation_prompt %}{{- '<\xEF\xBD\x9C"
         "Assistant\xEF\xBD\x9C>' }}{%- endif %}"},
        {TemplateFamily::Plain,
         "{%- for message in messages %}{%- if message['role'] == 'system' %}{{- message['content'] + '\\n\\n' }}"
         "{%- elif message['role'] == 'user' %}{{- '### User:\\n' + message['content'] + '\\n\\n' }}"
         "{%- else %}{{- '### Assistant:\\n' + message['content'] + (eos_token or '') + '\\n\\n' }}{%- endif %}{%- endfor %}"
         "{%- if add_generation_prompt %}{{- '### Assistant:\\n' }}{%- endif %}"},
    };
    const auto it = templates.find(family);
    if (it == templates.end()) throw Error(std::string("no built-in template for \"") + templateFamilyName(family) + "\"");
    return it->second;
}

ChatTemplate::ChatTemplate(std::string source, std::string bos, std::string eos, std::string pad, std::string unk)
    : m_source(std::move(source)),
      m_bos(std::move(bos)),
      m_eos(std::move(eos)),
      m_pad(std::move(pad)),
      m_unk(std::move(unk)),
      m_template(std::make_unique<jinja::Template>(m_source)),
      m_family(recognizeTemplate(m_source)) {}

ChatTemplate::~ChatTemplate() = default;
ChatTemplate::ChatTemplate(ChatTemplate&&) noexcept = default;

ChatTemplate ChatTemplate::forTokenizer(const Tokenizer& tokenizer, const std::string& override) {
    const TokenizerConfig& c = tokenizer.config();
    std::string source = c.chatTemplate;
    bool fallback = false;
    if (!override.empty()) {
        const bool isFile =
            override.find('/') != std::string::npos || (override.size() > 6 && override.compare(override.size() - 6, 6, ".jinja") == 0);
        if (isFile) source = readFile(override);
        else source = builtinTemplate(templateFamilyFromName(override));
    } else if (source.empty()) {
        source = builtinTemplate(TemplateFamily::Plain);
        fallback = true;
    }
    try {
        ChatTemplate t(source, c.bosToken, c.eosToken, c.padToken, c.unkToken);
        t.m_fallback = fallback;
        return t;
    } catch (...) {
        rethrowWithContext("chat template of " + tokenizer.dir());
    }
}

std::string ChatTemplate::render(const std::vector<ChatMessage>& messages, bool addGenerationPrompt) const {
    std::vector<std::pair<std::string, jinja::Value>> vars = {{"messages", toValue(messages)},
                                                              {"add_generation_prompt", jinja::Value(addGenerationPrompt)}};
    // As transformers passes them: only the special tokens the tokenizer defines.
    if (!m_bos.empty()) vars.emplace_back("bos_token", jinja::Value(m_bos));
    if (!m_eos.empty()) vars.emplace_back("eos_token", jinja::Value(m_eos));
    if (!m_pad.empty()) vars.emplace_back("pad_token", jinja::Value(m_pad));
    if (!m_unk.empty()) vars.emplace_back("unk_token", jinja::Value(m_unk));
    return m_template->render(jinja::makeDict(std::move(vars))).text;
}

RenderedChat ChatTemplate::renderForTraining(const std::vector<ChatMessage>& messages) const {
    RenderedChat out;
    out.text = render(messages, /*addGenerationPrompt=*/false);
    size_t searchFrom = 0;
    for (size_t i = 0; i < messages.size(); ++i) {
        if (messages[i].role != "assistant") continue;
        // The reply is what rendering up to and including it adds to the prompt that asks for it.
        const std::vector<ChatMessage> before(messages.begin(), messages.begin() + long(i));
        const std::vector<ChatMessage> through(messages.begin(), messages.begin() + long(i) + 1);
        const std::string prompt = render(before, /*addGenerationPrompt=*/true);
        const std::string upTo = render(through, /*addGenerationPrompt=*/false);
        if (upTo.compare(0, prompt.size(), prompt) == 0 && out.text.compare(0, upTo.size(), upTo) == 0 && upTo.size() > prompt.size()) {
            out.assistantSpans.emplace_back(prompt.size(), upTo.size());
            searchFrom = upTo.size();
            continue;
        }
        // Templates that rewrite earlier turns break the prefix property: find the reply text instead.
        out.exactSpans = false;
        std::string reply = messages[i].content;
        reply.erase(0, reply.find_first_not_of(" \t\r\n"));
        reply.erase(reply.find_last_not_of(" \t\r\n") + 1);
        const size_t at = reply.empty() ? std::string::npos : out.text.find(reply, searchFrom);
        if (at == std::string::npos) continue;
        size_t end = at + reply.size();
        if (!m_eos.empty() && out.text.compare(end, m_eos.size(), m_eos) == 0) end += m_eos.size();
        out.assistantSpans.emplace_back(at, end);
        searchFrom = end;
    }
    return out;
}

TokenizedChat tokenizeChat(const Tokenizer& tokenizer, const RenderedChat& chat) {
    TokenizedChat out;
    // Cut the text at every span edge and tokenize the pieces; then check the result against the
    // whole text's tokenization. When they agree (the usual case: edges sit next to special tokens or
    // newlines) the boundaries are exact; otherwise fall back to the whole-text ids with edges rounded.
    std::vector<size_t> cuts = {0};
    for (const auto& [b, e] : chat.assistantSpans) {
        cuts.push_back(b);
        cuts.push_back(e);
    }
    cuts.push_back(chat.text.size());
    std::vector<int32_t> pieced;
    std::vector<uint8_t> mask;
    for (size_t k = 0; k + 1 < cuts.size(); ++k) {
        if (cuts[k + 1] <= cuts[k]) continue;
        const auto ids = tokenizer.encode(chat.text.substr(cuts[k], cuts[k + 1] - cuts[k]), /*addSpecialTokens=*/false);
        pieced.insert(pieced.end(), ids.begin(), ids.end());
        mask.insert(mask.end(), ids.size(), uint8_t(k % 2 == 1)); // odd pieces are assistant spans
    }
    const auto whole = tokenizer.encode(chat.text, /*addSpecialTokens=*/false);
    if (whole == pieced) {
        out.ids = whole;
        out.trainMask = mask;
        return out;
    }
    // Rounded boundaries: token offsets come from streaming decoding (the text each token adds in
    // context); a token is trained on when the text it adds overlaps an assistant span.
    out.exactBoundaries = false;
    out.ids = whole;
    out.trainMask.assign(whole.size(), 0);
    StreamingDecoder stream(tokenizer, /*skipSpecialTokens=*/false);
    const std::string& text = chat.text;
    size_t offset = 0, span = 0;
    for (size_t t = 0; t < whole.size(); ++t) {
        const size_t start = offset;
        const std::string piece = stream.push(whole[t]);
        // Align the piece with the text. SentencePiece-style normalizers prepend a space ("▁") after
        // special tokens that the text does not have; skip it.
        if (text.compare(offset, piece.size(), piece) == 0) offset += piece.size();
        else if (!piece.empty() && piece[0] == ' ' && text.compare(offset, piece.size() - 1, piece, 1, std::string::npos) == 0)
            offset += piece.size() - 1;
        else offset = std::min(text.size(), offset + piece.size());
        while (span < chat.assistantSpans.size() && chat.assistantSpans[span].second <= start) ++span;
        if (span < chat.assistantSpans.size() && std::max(offset, start + 1) > chat.assistantSpans[span].first &&
            start < chat.assistantSpans[span].second)
            out.trainMask[t] = 1;
    }
    return out;
}

int32_t endOfTurnTokenId(const Tokenizer& tokenizer, const ChatTemplate& tmpl) {
    try {
        const std::string reply = "Zq";
        const RenderedChat r = tmpl.renderForTraining({{"user", "x"}, {"assistant", reply}});
        if (r.assistantSpans.empty()) return -1;
        const auto [begin, end] = r.assistantSpans.back();
        const std::string span = r.text.substr(begin, end - begin);
        const size_t at = span.find(reply);
        if (at == std::string::npos) return -1;
        std::string marker = span.substr(at + reply.size());
        while (!marker.empty() && (marker.back() == '\n' || marker.back() == ' ')) marker.pop_back();
        if (marker.empty()) return -1;
        const std::vector<int32_t> ids = tokenizer.encode(marker, /*addSpecialTokens=*/false);
        return ids.size() == 1 ? ids[0] : -1;
    } catch (const std::exception&) {
        return -1;
    }
}

std::vector<int64_t> replyStopIds(std::vector<int64_t> ids, const Tokenizer& tokenizer, const ChatTemplate& tmpl) {
    if (tokenizer.config().eosId >= 0) ids.push_back(tokenizer.config().eosId);
    if (const int32_t eot = endOfTurnTokenId(tokenizer, tmpl); eot >= 0) ids.push_back(eot);
    std::sort(ids.begin(), ids.end());
    ids.erase(std::unique(ids.begin(), ids.end()), ids.end());
    return ids;
}

} // namespace ft
