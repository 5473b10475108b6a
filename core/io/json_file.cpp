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

} // namespace ft
