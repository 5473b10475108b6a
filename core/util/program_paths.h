// Where the running program is, and so where its installed files are: an installed program finds
// its module and its data beside itself (../lib/finetune-studio, ../share/finetune-studio).
#pragma once
#include <string>

namespace ft {

// The folder of the running executable ("." when /proc/self/exe cannot be read).
std::string executableDir();

} // namespace ft
