// Reading and merging JSON documents, with errors that name the file and the line.
#include "io/json_file.h"

#include "io/atomic_file.h"
#include "util/error.h"

namespace ft {

nlohmann::json parseJson(const std::string& text, const std::string& source) {
    try {
        return nlohmann::json::parse(text);
    } catch (const nlohmann::json::exception& e) {
        throw Error(format("%s: not valid JSON: %s", source.c_str(), e.what()));
    }
}

nlohmann::json readJsonFile(const std::string& path) {
    return parseJson(readFile(path), path);
}

nlohmann::json mergeJson(nlohmann::json base, const nlohmann::json& overrides) {
    if (!base.is_object() || !overrides.is_object()) return overrides;
    for (auto it = overrides.begin(); it != overrides.end(); ++it) {
        auto found = base.find(it.key());
        base[it.key()] = found != base.end() && found->is_object() && it->is_object() ? mergeJson(*found, *it) : *it;
    }
    return base;
}

} // namespace ft
