// finetune info --model DIR: what a model folder holds, read from config.json and the safetensors
// headers (no weights are loaded).
#include "args.h"
#include "commands.h"
#include "model/model_summary.h"

#include <iostream>

namespace ft::cli {

int runInfo(const Argv& argv) {
    const Args args(argv, {"model"}, {});
    std::cout << describeModel(args.required("model")).toJson() << std::endl;
    return 0;
}

} // namespace ft::cli
