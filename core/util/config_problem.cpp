// Turning a list of ConfigProblems into the one ft::Error a command reports.
#include "util/config_problem.h"

#include "util/error.h"

namespace ft {

ConfigProblem problemFromMessage(const std::string& message, const std::string& hint) {
    return {message.substr(0, message.find_first_of(" :")), message, hint};
}

std::string problemsText(const std::vector<ConfigProblem>& problems) {
    std::string text;
    for (const auto& p : problems) text += (text.empty() ? "" : "\n") + p.message;
    return text;
}

void throwIfAny(const std::vector<ConfigProblem>& problems) {
    if (!problems.empty()) throw Error(problemsText(problems), problems.front().hint);
}

} // namespace ft
