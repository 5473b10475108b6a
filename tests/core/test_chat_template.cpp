// Chat templates: the real templates of nine model families render exactly as transformers renders
// them (references from Python's Jinja2, bench/parity/make_chat_reference.py); family recognition;
// built-in templates; assistant spans and training masks on real tokenizers; Jinja details.
#include "chat/chat_template.h"
#include "chat/jinja_template.h"
#include "io/atomic_file.h"
#include "test_data.h"
#include "tiny_model.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ft;

namespace {

std::vector<ChatMessage> messagesOf(const nlohmann::json& j) {
    std::vector<ChatMessage> out;
    for (const auto& m : j) out.push_back({m["role"].get<std::string>(), m["content"].get<std::string>()});
    return out;
}

std::string renderJinja(const std::string& source, const std::string& contextJson) {
    const jinja::Template t(source);
    return t.render(jinja::Value::fromJson(nlohmann::ordered_json::parse(contextJson))).text;
}

// The text of the tokens whose mask is set, run by run.
std::vector<std::string> maskedRuns(const Tokenizer& tok, const TokenizedChat& chat) {
    std::vector<std::string> runs;
    std::vector<int32_t> cur;
    for (size_t i = 0; i <= chat.ids.size(); ++i) {
        if (i < chat.ids.size() && chat.trainMask[i]) {
            cur.push_back(chat.ids[i]);
        } else if (!cur.empty()) {
            runs.push_back(tok.decode(cur, false));
            cur.clear();
        }
    }
    return runs;
}

const std::vector<ChatMessage> kOrders = {{"system", "Turn orders into JSON."},
                                          {"user", "2 apples"},
                                          {"assistant", "{\"apple\": 2}"},
                                          {"user", "a pear"},
                                          {"assistant", "{\"pear\": 1}"}};

} // namespace

class TestChatTemplate final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void rendersLikeTransformers() {
        const std::string dir = test::dataDir() + "/chat_templates";
        const auto conversations = nlohmann::json::parse(test::readText(dir + "/conversations.json"));
        const auto specials = nlohmann::json::parse(test::readText(dir + "/special_tokens.json"));
        std::istringstream lines(test::readText(dir + "/reference.jsonl"));
        int rendered = 0, refused = 0;
        for (std::string line; std::getline(lines, line);) {
            if (line.empty()) continue;
            const auto r = nlohmann::json::parse(line);
            const std::string name = r["template"];
            const auto& sp = specials[name];
            const ChatTemplate t(test::readText(dir + "/" + name + ".jinja"), sp.value("bos_token", ""), sp.value("eos_token", ""));
            const auto messages = messagesOf(conversations[r["conversation"].get<std::string>()]);
            const QString where = QString::fromStdString(name + " / " + r["conversation"].get<std::string>());
            if (r.contains("error")) {
                try {
                    t.render(messages, r["add_generation_prompt"]);
                    QFAIL(qPrintable(where + ": the template should have refused"));
                } catch (const Error& e) {
                    QVERIFY2(std::string(e.what()).find(r["error"].get<std::string>()) != std::string::npos, e.what());
                }
                ++refused;
            } else {
                QCOMPARE(QString::fromStdString(t.render(messages, r["add_generation_prompt"])),
                         QString::fromStdString(r["text"].get<std::string>()));
                ++rendered;
            }
        }
        qInfo("%d renderings equal, %d refusals equal", rendered, refused);
        QVERIFY(rendered >= 80);
    }

    void recognisesFamilies() {
        const std::string dir = test::dataDir() + "/chat_templates/";
        const std::map<std::string, TemplateFamily> expected = {
            {"qwen3", TemplateFamily::ChatML},    {"smollm2", TemplateFamily::ChatML},     {"llama3", TemplateFamily::Llama3},
            {"llama3_1", TemplateFamily::Llama3}, {"llama2-chat", TemplateFamily::Llama2}, {"mistral-instruct", TemplateFamily::Mistral},
            {"zephyr", TemplateFamily::Zephyr},   {"gemma-it", TemplateFamily::Gemma},     {"deepseek_v3", TemplateFamily::DeepSeek}};
        for (const auto& [file, family] : expected)
            QCOMPARE(templateFamilyName(recognizeTemplate(test::readText(dir + file + ".jinja"))), templateFamilyName(family));
        QCOMPARE(int(recognizeTemplate("{{ messages[0]['content'] }}")), int(TemplateFamily::Unknown));
        for (const auto family : {TemplateFamily::ChatML, TemplateFamily::Llama3, TemplateFamily::Llama2, TemplateFamily::Mistral,
                                  TemplateFamily::Zephyr, TemplateFamily::Gemma, TemplateFamily::DeepSeek, TemplateFamily::Plain})
            QCOMPARE(int(recognizeTemplate(builtinTemplate(family))), int(family));
        QVERIFY_THROWS_EXCEPTION(Error, templateFamilyFromName("alpaca-2"));
    }

    void builtinTemplatesRender() {
        const std::vector<ChatMessage> chat = {{"system", "Be brief."}, {"user", "Hi"}, {"assistant", "Hello."}, {"user", "Bye"}};
        QCOMPARE(ChatTemplate(builtinTemplate(TemplateFamily::ChatML), "", "").render(chat, true),
                 std::string("<|im_start|>system\nBe brief.<|im_end|>\n<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"
                             "Hello.<|im_end|>\n<|im_start|>user\nBye<|im_end|>\n<|im_start|>assistant\n"));
        QCOMPARE(ChatTemplate(builtinTemplate(TemplateFamily::Llama2), "<s>", "</s>").render(chat, true),
                 std::string("<s>[INST] <<SYS>>\nBe brief.\n<</SYS>>\n\nHi [/INST] Hello. </s><s>[INST] Bye [/INST]"));
        QCOMPARE(ChatTemplate(builtinTemplate(TemplateFamily::Gemma), "<bos>", "<eos>").render(chat, true),
                 std::string("<bos><start_of_turn>user\nBe brief.\n\nHi<end_of_turn>\n<start_of_turn>model\nHello.<end_of_turn>\n"
                             "<start_of_turn>user\nBye<end_of_turn>\n<start_of_turn>model\n"));
        QCOMPARE(ChatTemplate(builtinTemplate(TemplateFamily::Plain), "", "</s>").render(chat, false),
                 std::string("Be brief.\n\n### User:\nHi\n\n### Assistant:\nHello.</s>\n\n### User:\nBye\n\n"));
    }

    void trainingSpansOnChatml() {
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/qwen2_5");
        const ChatTemplate t(builtinTemplate(TemplateFamily::ChatML), "", "<|im_end|>");
        const RenderedChat chat = t.renderForTraining(kOrders);
        QVERIFY(chat.exactSpans);
        QCOMPARE(chat.assistantSpans.size(), size_t(2));
        QCOMPARE(chat.text.substr(chat.assistantSpans[0].first, chat.assistantSpans[0].second - chat.assistantSpans[0].first),
                 std::string("{\"apple\": 2}<|im_end|>\n"));
        const TokenizedChat tokens = tokenizeChat(*tok, chat);
        QVERIFY(tokens.exactBoundaries);
        QCOMPARE(tokens.ids, tok->encode(chat.text, false));
        QCOMPARE(maskedRuns(*tok, tokens), (std::vector<std::string>{"{\"apple\": 2}<|im_end|>\n", "{\"pear\": 1}<|im_end|>\n"}));
    }

    void trainingSpansOnLlama2() {
        // SentencePiece-style tokenization changes when the text is cut, so boundaries are aligned.
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/mistral_v1");
        const ChatTemplate t(test::readText(test::dataDir() + "/chat_templates/llama2-chat.jinja"), "<s>", "</s>");
        const RenderedChat chat = t.renderForTraining(kOrders);
        QVERIFY(chat.exactSpans);
        const TokenizedChat tokens = tokenizeChat(*tok, chat);
        QCOMPARE(tokens.ids, tok->encode(chat.text, false));
        QCOMPARE(maskedRuns(*tok, tokens), (std::vector<std::string>{"{\"apple\": 2} </s>", "{\"pear\": 1} </s>"}));
    }

    void trainingSpansWhenTemplatesRewriteHistory() {
        // Qwen3's template puts a think block on the last reply only: spans are found by search.
        const auto tok = Tokenizer::load(test::fixturesDir() + "/tokenizers/qwen2_5");
        const ChatTemplate t = ChatTemplate::forTokenizer(*tok);
        QCOMPARE(int(t.family()), int(TemplateFamily::ChatML));
        const RenderedChat chat = t.renderForTraining(kOrders);
        QVERIFY(!chat.exactSpans);
        const auto runs = maskedRuns(*tok, tokenizeChat(*tok, chat));
        QCOMPARE(runs.size(), size_t(2));
        QCOMPARE(runs[0], std::string("{\"apple\": 2}<|im_end|>"));
        QVERIFY(runs[1].find("{\"pear\": 1}<|im_end|>") != std::string::npos);
    }

    void generationBlocksAreRecorded() {
        const jinja::Template t(
            "{% for m in messages %}{% if m.role == 'assistant' %}{% generation %}{{ m.content }}!{% endgeneration %}"
            "{% else %}{{ m.content }}|{% endif %}{% endfor %}");
        QVERIFY(t.hasGenerationBlocks());
        const auto r = t.render(jinja::Value::fromJson(
            nlohmann::ordered_json::parse(R"({"messages": [{"role": "user", "content": "q"}, {"role": "assistant", "content": "a"}]})")));
        QCOMPARE(r.text, std::string("q|a!"));
        QCOMPARE(r.generationSpans.size(), size_t(1));
        QCOMPARE(r.generationSpans[0], (std::pair<size_t, size_t>{2, 4}));
    }

    void jinjaSemantics() {
        QCOMPARE(renderJinja("{% set ns = namespace(n=0) %}{% for x in xs %}{% set ns.n = ns.n + x %}{% endfor %}{{ ns.n }}",
                             R"({"xs": [1, 2, 3]})"),
                 std::string("6"));
        QCOMPARE(renderJinja("{% for x in xs %}{{ loop.index }}{{ '/' if not loop.last }}{% endfor %}", R"({"xs": ["a", "b", "c"]})"),
                 std::string("1/2/3"));
        QCOMPARE(renderJinja("{{ d | tojson }}", R"({"d": {"b": [1, 2.5, null, true], "a": "é\n"}})"),
                 std::string("{\"b\": [1, 2.5, null, true], \"a\": \"é\\n\"}"));
        QCOMPARE(renderJinja("{{ s[::-1] }} {{ s[1:3] }} {{ xs[-1] }} {{ xs | length }}", R"({"s": "abcd", "xs": [1, 2, 3]})"),
                 std::string("dcba bc 3 3"));
        QCOMPARE(renderJinja("{{ '  x  '.strip() }}|{{ 'a,b'.split(',') }}|{{ 'Hi' ~ 1 }}|{{ 7 // 2 }}|{{ 7 / 2 }}|{{ -7 % 3 }}", "{}"),
                 std::string("x|['a', 'b']|Hi1|3|3.5|2"));
        QCOMPARE(renderJinja("{{ x is defined }} {{ y is none }} {{ 'ab' in 'cabd' }} {{ 3 is odd }}", R"({"y": null})"),
                 std::string("False True True True"));
        QCOMPARE(
            renderJinja("{% macro greet(name, punct='!') %}Hi {{ name }}{{ punct }}{% endmacro %}{{ greet('Ada') }} {{ greet('Bo', '?') }}",
                        "{}"),
            std::string("Hi Ada! Hi Bo?"));
        QCOMPARE(renderJinja("{{ xs | selectattr('k', 'equalto', 1) | map(attribute='v') | join(',') }}",
                             R"({"xs": [{"k": 1, "v": "a"}, {"k": 2, "v": "b"}, {"k": 1, "v": "c"}]})"),
                 std::string("a,c"));
        // Whitespace control, checked against Python's Jinja2 with trim_blocks and lstrip_blocks.
        QCOMPARE(renderJinja("  {%- if true %}\n  yes\n  {%- endif %}\n", "{}"), std::string("  yes"));
        QCOMPARE(renderJinja("a\n  {% if true %}\n  yes\n  {% endif %}\nb", "{}"), std::string("a\n  yes\nb"));
        QCOMPARE(renderJinja("x {# c #}\ny", "{}"), std::string("x y"));
        QCOMPARE(renderJinja("  {# c #}\ny", "{}"), std::string("y"));
        QCOMPARE(renderJinja("{% for x in [1, 2, 3] %}{% if x == 2 %}{% continue %}{% endif %}{{ x }}{% endfor %}", "{}"),
                 std::string("13"));
    }

    void jinjaErrorsNameTheLine() {
        auto expectError = [](const std::string& source, const char* fragment) {
            try {
                renderJinja(source, "{}");
                QFAIL(qPrintable(QString("no error for %1").arg(source.c_str())));
            } catch (const Error& e) {
                QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
            }
        };
        expectError("line one\n{{ x | frobnicate }}", "line 2: unknown filter 'frobnicate'");
        expectError("{% if x %}never closed", "missing {% endif %}");
        expectError("{{ unclosed", "unclosed tag");
        expectError("{{ raise_exception('no system role') }}", "no system role");
        expectError("{% include 'other.j2' %}", "{% include %} is not supported");
        expectError("{{ 1 + 'a' }}", "unsupported operand types");
    }
};

QTEST_APPLESS_MAIN(TestChatTemplate)
#include "test_chat_template.moc"
