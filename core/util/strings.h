// Small string helpers shared by the tokenizers, the template engine and the importers.
#pragma once
#include <cstdint>
#include <string>

namespace ft {

// Replaces the first `maxCount` (all when negative) occurrences of `from`; an empty `from` changes nothing.
std::string replaceAll(const std::string& text, const std::string& from, const std::string& to, int64_t maxCount = -1);

// A short human duration: "42s", "3m07s", "2h05m"; "?" for negative or absurd values.
std::string formatDuration(double seconds);

} // namespace ft
