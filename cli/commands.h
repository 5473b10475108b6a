// The subcommands of `finetune`. Each returns the process exit code; errors are thrown as ft::Error
// and reported by main() on stderr.
#pragma once
#include <string>
#include <vector>

namespace ft::cli {

using Argv = std::vector<std::string>;

int runInfo(const Argv& args);
int runScore(const Argv& args);
int runGenerate(const Argv& args);
int runBench(const Argv& args);
int runTokenize(const Argv& args);
int runBenchTokenizer(const Argv& args);
int runBenchTrain(const Argv& args);
int runRender(const Argv& args);
int runData(const Argv& args);
int runMerge(const Argv& args);
int runTrain(const Argv& args);
int runExport(const Argv& args);
int runEval(const Argv& args);
int runPretrain(const Argv& args);
int runDemo(const Argv& args);
int runQuantize(const Argv& args);
int runEstimate(const Argv& args);

} // namespace ft::cli
