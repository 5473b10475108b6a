// The importer's row formats: JSON objects into turns (see import_rows.h).
#include "data/import_rows.h"

namespace ft::import_detail {

using json = nlohmann::json;

bool isBlank(const std::string& s) {
    return s.find_first_not_of(" \t\r\n") == std::string::npos;
}

void requireReply(const std::vector<Message>& messages) {
    bool hasReply = false;
    for (const auto& m : messages)
        if (m.role == "assistant") {
            if (isBlank(m.content)) throw RowError{"empty reply"};
            hasReply = true;
        }
    if (!hasReply) throw RowError{"no assistant reply"};
}

namespace {

std::string stringField(const json& j, const char* key, bool required) {
    if (!j.contains(key) || j[key].is_null()) {
        if (required) throw RowError{std::string("missing field \"") + key + "\""};
        return {};
    }
    if (!j[key].is_string()) throw RowError{std::string("field \"") + key + "\" is not a string"};
    return j[key].get<std::string>();
}

std::vector<Message> fromMessages(const json& j) {
    if (!j.contains("messages") || !j["messages"].is_array()) throw RowError{"missing \"messages\" list"};
    std::vector<Message> out;
    for (const auto& m : j["messages"]) {
        if (!m.is_object()) throw RowError{"a message is not an object"};
        const std::string role = stringField(m, "role", true);
        if (role != "system" && role != "user" && role != "assistant") throw RowError{"unknown role \"" + role + "\""};
        out.push_back({role, stringField(m, "content", true)});
    }
    if (out.empty()) throw RowError{"no messages"};
    requireReply(out);
    return out;
}

std::vector<Message> fromAlpaca(const json& j) {
    std::vector<Message> out;
    const std::string system = stringField(j, "system", false);
    if (!system.empty()) out.push_back({"system", system});
    if (j.contains("history") && j["history"].is_array())
        for (const auto& turn : j["history"]) {
            if (!turn.is_array() || turn.size() != 2 || !turn[0].is_string() || !turn[1].is_string())
                throw RowError{"\"history\" entries must be [user, assistant] pairs"};
            out.push_back({"user", turn[0].get<std::string>()});
            out.push_back({"assistant", turn[1].get<std::string>()});
        }
    std::string user = stringField(j, "instruction", true);
    const std::string input = stringField(j, "input", false);
    if (!input.empty()) user += "\n" + input; // as LLaMA-Factory forms the user turn
    if (isBlank(user)) throw RowError{"empty instruction"};
    out.push_back({"user", user});
    out.push_back({"assistant", stringField(j, "output", true)});
    requireReply(out);
    return out;
}

std::vector<Message> fromShareGpt(const json& j) {
    if (!j.contains("conversations") || !j["conversations"].is_array()) throw RowError{"missing \"conversations\" list"};
    std::vector<Message> out;
    const std::string system = stringField(j, "system", false);
    if (!system.empty()) out.push_back({"system", system});
    for (const auto& turn : j["conversations"]) {
        if (!turn.is_object()) throw RowError{"a turn is not an object"};
        const std::string from = stringField(turn, "from", true);
        std::string role;
        if (from == "human" || from == "user") role = "user";
        else if (from == "gpt" || from == "assistant" || from == "model") role = "assistant";
        else if (from == "system") role = "system";
        else throw RowError{"unknown role \"" + from + "\""};
        out.push_back({role, stringField(turn, "value", true)});
    }
    if (out.empty()) throw RowError{"no turns"};
    requireReply(out);
    return out;
}

std::vector<Message> fromPromptCompletion(const json& j) {
    std::vector<Message> out{{"user", stringField(j, "prompt", true)}, {"assistant", stringField(j, "completion", true)}};
    if (isBlank(out[0].content)) throw RowError{"empty prompt"};
    requireReply(out);
    return out;
}

} // namespace

ImportFormat formatOfObject(const json& j) {
    if (j.contains("messages")) return ImportFormat::Messages;
    if (j.contains("conversations")) return ImportFormat::ShareGpt;
    if (j.contains("instruction")) return ImportFormat::Alpaca;
    if (j.contains("prompt") && j.contains("completion")) return ImportFormat::PromptCompletion;
    return ImportFormat::Auto;
}

std::vector<Message> convert(ImportFormat f, const json& j) {
    if (!j.is_object()) throw RowError{"not a JSON object"};
    switch (f) {
    case ImportFormat::Messages: return fromMessages(j);
    case ImportFormat::Alpaca: return fromAlpaca(j);
    case ImportFormat::ShareGpt: return fromShareGpt(j);
    case ImportFormat::PromptCompletion: return fromPromptCompletion(j);
    default: throw RowError{"unsupported format"};
    }
}

} // namespace ft::import_detail
