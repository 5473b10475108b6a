// The command line's parser: options, flags and positionals, with errors that name the option.
#include "args.h"

#include "util/error.h"

#include <cerrno>
#include <cstdlib>

namespace ft::cli {

Args::Args(const std::vector<std::string>& argv, const std::set<std::string>& valueOptions, const std::set<std::string>& flags) {
    for (size_t i = 0; i < argv.size(); ++i) {
        const std::string& a = argv[i];
        if (a.size() < 3 || a.compare(0, 2, "--") != 0) {
            m_positionals.push_back(a);
            continue;
        }
        std::string name = a.substr(2), value;
        bool inlineValue = false;
        if (const auto eq = name.find('='); eq != std::string::npos) {
            value = name.substr(eq + 1);
            name = name.substr(0, eq);
            inlineValue = true;
        }
        if (flags.count(name)) {
            if (inlineValue) throw Error("option --" + name + " takes no value");
            m_flags.insert(name);
        } else if (valueOptions.count(name)) {
            if (!inlineValue) {
                if (i + 1 >= argv.size()) throw Error("option --" + name + " needs a value");
                value = argv[++i];
            }
            m_values[name] = value;
        } else {
            throw Error("unknown option --" + name, "run 'finetune help' for the options of each command");
        }
    }
}

std::string Args::value(const std::string& name, const std::string& fallback) const {
    const auto it = m_values.find(name);
    return it == m_values.end() ? fallback : it->second;
}

std::string Args::required(const std::string& name) const {
    const auto it = m_values.find(name);
    if (it == m_values.end()) throw Error("option --" + name + " is required");
    return it->second;
}

int64_t Args::integer(const std::string& name, int64_t fallback) const {
    const auto it = m_values.find(name);
    if (it == m_values.end()) return fallback;
    char* end = nullptr;
    errno = 0;
    const long long v = std::strtoll(it->second.c_str(), &end, 10);
    if (it->second.empty() || *end != '\0' || errno != 0)
        throw Error("option --" + name + " needs a whole number (got \"" + it->second + "\")");
    return v;
}

double Args::number(const std::string& name, double fallback) const {
    const auto it = m_values.find(name);
    if (it == m_values.end()) return fallback;
    char* end = nullptr;
    errno = 0;
    const double v = std::strtod(it->second.c_str(), &end);
    if (it->second.empty() || *end != '\0' || errno != 0) throw Error("option --" + name + " needs a number (got \"" + it->second + "\")");
    return v;
}

} // namespace ft::cli
