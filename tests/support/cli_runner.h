// Test support: runs the built `finetune` with arguments and stdin, capturing both outputs.
#pragma once
#include <QStringList>
#include <string>

namespace ft::test {

struct CliResult {
    int exitCode;
    std::string out, err;
};

CliResult runCli(const QStringList& args, const std::string& input = {}, int timeoutMs = 120000);

} // namespace ft::test
