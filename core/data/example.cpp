// Example: one conversation as the dataset store keeps it, its structural checks and content hash.
#include "data/example.h"

#include "util/error.h"

#include <cctype>
#include <cstdio>

namespace ft {

const char* splitName(Split s) {
    switch (s) {
    case Split::Train: return "train";
    case Split::Validation: return "validation";
    case Split::Test: return "test";
    case Split::Unassigned: return "unassigned";
    }
    return "unassigned";
}

Split splitFromName(const std::string& n) {
    if (n == "train") return Split::Train;
    if (n == "validation" || n == "valid" || n == "val") return Split::Validation;
    if (n == "test") return Split::Test;
    if (n == "unassigned" || n.empty()) return Split::Unassigned;
    throw Error("split \"" + n + "\" is not one of train, validation, test, unassigned");
}

std::string contentHash(const std::vector<Message>& messages) {
    // Two 64-bit FNV-1a streams with different offsets: 128 bits, stable across builds and machines.
    uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull;
    auto feed = [&](unsigned char c) {
        a = (a ^ c) * 0x100000001b3ull;
        b = (b ^ c) * 0x100000001b3ull + 0x9e3779b97f4a7c15ull;
    };
    for (const auto& m : messages) {
        for (unsigned char c : m.role) feed(c);
        feed(0x1f);
        bool pendingSpace = false, started = false;
        for (unsigned char c : m.content) {
            if (std::isspace(c)) {
                pendingSpace = started;
                continue;
            }
            if (pendingSpace) feed(' ');
            pendingSpace = false;
            started = true;
            feed(c);
        }
        feed(0x1e);
    }
    char buf[33];
    std::snprintf(buf, sizeof(buf), "%016llx%016llx", (unsigned long long)a, (unsigned long long)b);
    return buf;
}

} // namespace ft
