// Turning a list of ConfigProblems into the one ft::Error a command reports.
#include "util/config_problem.h"

#include "util/error.h"

namespace ft {

void throwIfAny(const std::vector<ConfigProblem>& problems) {
    if (problems.empty()) return;
    std::string message;
    for (const auto& p : problems) message += (message.empty() ? "" : "\n") + p.message;
    throw Error(message, problems.front().hint);
}

} // namespace ft
