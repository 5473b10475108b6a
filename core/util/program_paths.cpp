// The running executable's folder, read from /proc/self/exe.
#include "util/program_paths.h"

#include <unistd.h>

namespace ft {

std::string executableDir() {
    char buf[4096];
    const ssize_t n = ::readlink("/proc/self/exe", buf, sizeof(buf) - 1);
    if (n <= 0) return ".";
    const std::string path(buf, size_t(n));
    return path.substr(0, path.find_last_of('/'));
}

} // namespace ft
