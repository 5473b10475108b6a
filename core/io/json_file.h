// Reading JSON documents with errors that name their source ("FILE: not valid JSON: ...").
#pragma once
#include <string>

#include <nlohmann/json.hpp>

namespace ft {

// Parses `text`; `source` names it (usually the file) in the ft::Error thrown on invalid JSON.
nlohmann::json parseJson(const std::string& text, const std::string& source);

// Reads and parses a whole file.
nlohmann::json readJsonFile(const std::string& path);

// `overrides` laid over `base`, object by object (a key in overrides wins, null included; nested
// objects merge).
nlohmann::json mergeJson(nlohmann::json base, const nlohmann::json& overrides);

} // namespace ft
