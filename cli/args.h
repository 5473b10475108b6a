// A small command-line parser: "--name value", "--name=value", "--flag" and positionals.
// Every option a command reads is declared up front, so unknown options are errors that name them.
#pragma once
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

namespace ft::cli {

class Args {
public:
    // valueOptions take a value; flags do not. Throws ft::Error on an unknown option or a missing value.
    Args(const std::vector<std::string>& argv, const std::set<std::string>& valueOptions, const std::set<std::string>& flags);

    bool flag(const std::string& name) const { return m_flags.count(name) != 0; }
    bool has(const std::string& name) const { return m_values.count(name) != 0; }
    std::string value(const std::string& name, const std::string& fallback = {}) const;
    std::string required(const std::string& name) const; // throws naming the option
    int64_t integer(const std::string& name, int64_t fallback) const;
    double number(const std::string& name, double fallback) const;
    const std::vector<std::string>& positionals() const { return m_positionals; }

private:
    std::map<std::string, std::string> m_values;
    std::set<std::string> m_flags;
    std::vector<std::string> m_positionals;
};

} // namespace ft::cli
