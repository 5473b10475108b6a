#include "util/error.h"

#include <cstdarg>
#include <cstdio>
#include <vector>

namespace ft {

void rethrowWithContext(const std::string& context) {
    try {
        throw;
    } catch (const Error& e) {
        throw Error(context + ": " + e.what(), e.hint());
    } catch (const std::exception& e) {
        throw Error(context + ": " + e.what());
    }
}

std::string format(const char* fmt, ...) {
    va_list args;
    va_start(args, fmt);
    va_list copy;
    va_copy(copy, args);
    const int n = std::vsnprintf(nullptr, 0, fmt, copy);
    va_end(copy);
    std::vector<char> buf(n > 0 ? size_t(n) + 1 : 1);
    std::vsnprintf(buf.data(), buf.size(), fmt, args);
    va_end(args);
    return std::string(buf.data(), n > 0 ? size_t(n) : 0);
}

} // namespace ft
