// Small string helpers: replacing substrings and short human durations.
#include "util/strings.h"

#include <cstdio>

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

std::string formatDuration(double s) {
    if (!(s >= 0) || s > 1e8) return "?";
    const long t = long(s + 0.5);
    char buf[32];
    if (t >= 3600) std::snprintf(buf, sizeof buf, "%ldh%02ldm", t / 3600, (t / 60) % 60);
    else if (t >= 60) std::snprintf(buf, sizeof buf, "%ldm%02lds", t / 60, t % 60);
    else std::snprintf(buf, sizeof buf, "%lds", t);
    return buf;
}

} // namespace ft
