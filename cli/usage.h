// The command line's usage text (cli/usage.cpp holds it).
#pragma once
#include <string>

namespace ft::cli {

std::string fullUsage();
// The lines of one command (several for bench and export); "" for a command that does not exist.
std::string commandUsage(const std::string& command);

} // namespace ft::cli
