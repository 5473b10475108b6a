#include "util/strings.h"

namespace ft {

std::string replaceAll(const std::string& text, const std::string& from, const std::string& to, int64_t maxCount) {
    if (from.empty()) return text;
    std::string out;
    size_t pos = 0;
    for (size_t hit; maxCount != 0 && (hit = text.find(from, pos)) != std::string::npos; pos = hit + from.size(), --maxCount) {
        out.append(text, pos, hit - pos);
        out += to;
    }
    out.append(text, pos, std::string::npos);
    return out;
}

} // namespace ft
