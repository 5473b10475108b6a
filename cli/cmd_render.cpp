// finetune render (--tokenizer DIR | --model DIR) [--add-generation-prompt] [--template NAME|FILE]
// reads {"messages": [{"role": ..., "content": ...}, ...]} on stdin and prints {"text": ...} as the
// model's chat template renders it. --spans adds the assistant reply spans used for training, and
// --tokens the token ids with their training mask.
#include "args.h"
#include "chat/chat_template.h"
#include "cmd_common.h"
#include "commands.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <cstdio>
#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

namespace {

std::vector<ChatMessage> parseMessages(const std::string& input) {
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(input);
    } catch (const nlohmann::json::exception& e) {
        throw Error(std::string("stdin: not valid JSON: ") + e.what());
    }
    if (!j.is_object() || !j.contains("messages") || !j["messages"].is_array())
        throw Error("stdin: expected {\"messages\": [{\"role\": ..., \"content\": ...}, ...]}");
    std::vector<ChatMessage> messages;
    for (size_t i = 0; i < j["messages"].size(); ++i) {
        const auto& m = j["messages"][i];
        if (!m.is_object() || !m.contains("role") || !m["role"].is_string() || !m.contains("content") || !m["content"].is_string())
            throw Error(format("stdin: message %zu needs string fields \"role\" and \"content\"", i));
        messages.push_back({m["role"].get<std::string>(), m["content"].get<std::string>()});
    }
    return messages;
}

} // namespace

int runRender(const Argv& argv) {
    const Args args(argv, {"tokenizer", "model", "template"}, {"add-generation-prompt", "spans", "tokens"});
    std::string input;
    char buf[1 << 16];
    for (size_t n; (n = std::fread(buf, 1, sizeof(buf), stdin)) > 0;) input.append(buf, n);
    const auto messages = parseMessages(input);
    const auto tokenizer = loadTokenizerFromArgs(args);
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, args.value("template"));
    nlohmann::json out;
    if (args.flag("spans") || args.flag("tokens")) {
        const RenderedChat chat = tmpl.renderForTraining(messages);
        out["text"] = chat.text;
        nlohmann::json spans = nlohmann::json::array();
        for (const auto& [b, e] : chat.assistantSpans) spans.push_back({b, e});
        out["assistant_spans"] = spans;
        out["exact_spans"] = chat.exactSpans;
        if (args.flag("tokens")) {
            const TokenizedChat tok = tokenizeChat(*tokenizer, chat);
            out["ids"] = tok.ids;
            out["train_mask"] = tok.trainMask;
            out["exact_boundaries"] = tok.exactBoundaries;
        }
    } else {
        out["text"] = tmpl.render(messages, args.flag("add-generation-prompt"));
    }
    out["template"] = templateFamilyName(tmpl.family());
    if (tmpl.isBuiltinFallback()) out["template"] = "plain (the model has no chat template)";
    std::cout << out.dump() << std::endl;
    return 0;
}

} // namespace ft::cli
