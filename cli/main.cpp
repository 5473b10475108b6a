// finetune: the headless front end over core. Each subcommand lives in its own cmd_*.cpp.
#include "commands.h"
#include "usage.h"
#include "util/cpu_threads.h"
#include "util/error.h"
#include "util/host_allocator.h"

#include <algorithm>
#include <csignal>
#include <cstring>
#include <iostream>

int main(int argc, char** argv) {
    if (argc < 2 || !std::strcmp(argv[1], "--help") || !std::strcmp(argv[1], "-h") || (!std::strcmp(argv[1], "help") && argc == 2)) {
        std::cout << ft::cli::fullUsage();
        return argc < 2 ? 2 : 0;
    }
    // `finetune help COMMAND` and `finetune COMMAND --help`: that command's usage alone.
    const bool helpFor = !std::strcmp(argv[1], "help");
    const std::string command = helpFor ? argv[2] : argv[1];
    const ft::cli::Argv args(argv + 2, argv + argc);
    if (helpFor || std::find_if(args.begin(), args.end(), [](const std::string& a) { return a == "--help" || a == "-h"; }) != args.end()) {
        const std::string usage = ft::cli::commandUsage(command);
        if (usage.empty()) {
            std::cerr << "finetune: unknown command \"" << command << "\" (see 'finetune help')\n";
            return 2;
        }
        std::cout << usage;
        return 0;
    }
    // A file-size limit then fails the write (EFBIG, reported like a full disk) instead of killing us.
    std::signal(SIGXFSZ, SIG_IGN);
    ft::keepFreedHostMemory();
    ft::tuneCpuThreads();
    try {
        if (command == "info") return ft::cli::runInfo(args);
        if (command == "score") return ft::cli::runScore(args);
        if (command == "generate") return ft::cli::runGenerate(args);
        if (command == "bench") return ft::cli::runBench(args);
        if (command == "tokenize") return ft::cli::runTokenize(args);
        if (command == "render") return ft::cli::runRender(args);
        if (command == "data") return ft::cli::runData(args);
        if (command == "merge") return ft::cli::runMerge(args);
        if (command == "train") return ft::cli::runTrain(args);
        if (command == "eval") return ft::cli::runEval(args);
        if (command == "pretrain") return ft::cli::runPretrain(args);
        if (command == "export") return ft::cli::runExport(args);
        if (command == "demo") return ft::cli::runDemo(args);
        if (command == "quantize") return ft::cli::runQuantize(args);
        if (command == "estimate") return ft::cli::runEstimate(args);
        std::cerr << "finetune: unknown command \"" << command << "\" (see 'finetune help')\n";
        return 2;
    } catch (const ft::Error& e) {
        std::cerr << "finetune " << command << ": error: " << e.what() << "\n";
        if (!e.hint().empty()) std::cerr << "hint: " << e.hint() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "finetune " << command << ": error: " << e.what() << "\n";
        return 1;
    }
}
