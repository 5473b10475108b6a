// ft::Error: the one exception type core/ throws on bad input. It carries a message that names the
// file, field or line at fault, and an optional hint telling the user what to do.
#pragma once
#include <stdexcept>
#include <string>

namespace ft {

class Error : public std::runtime_error {
public:
    explicit Error(const std::string& message, std::string hint = {}) : std::runtime_error(message), m_hint(std::move(hint)) {}
    const std::string& hint() const { return m_hint; }

private:
    std::string m_hint;
};

// Re-wraps an error at a stage boundary: "loading model /x: <inner message>", keeping the hint.
[[noreturn]] void rethrowWithContext(const std::string& context);

// printf-style formatting into a std::string (for error messages).
std::string format(const char* fmt, ...) __attribute__((format(printf, 1, 2)));

} // namespace ft
