// The importer's row formats: one JSON object (messages, Alpaca, ShareGPT, prompt/completion) into
// the turns of an example, with the reason a row is refused. Internal to the importer.
#pragma once
#include "data/example.h"
#include "data/importer.h"

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft::import_detail {

// A row that cannot be taken: its reason goes to the report.
struct RowError {
    std::string reason;
};

bool isBlank(const std::string& s);
void requireReply(const std::vector<Message>& messages); // throws RowError: none, or an empty one

// The format a JSON object is in, from its keys (Auto when none fits).
ImportFormat formatOfObject(const nlohmann::json& j);

// The object's turns in format `f`; throws RowError naming what is wrong (a missing field, an
// unknown role, an empty reply).
std::vector<Message> convert(ImportFormat f, const nlohmann::json& j);

} // namespace ft::import_detail
