// ft::Error's helpers: context at stage boundaries and printf-style messages.
#include "util/error.h"

#include <cstdarg>
#include <cstdio>
#include <vector>

namespace ft {

void rethrowWithContext(const std::string& context) {
    try {
        throw;
    } catch (const Error& e) {
        // Named once: an error that already begins with the context (a file's own parse error, say) keeps its text.
        const std::string what = e.what();
        if (what.rfind(context + ":", 0) == 0) throw Error(what, e.hint());
        throw Error(context + ": " + what, e.hint());
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
