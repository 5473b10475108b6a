// finetune demo [--dir DIR] [--json]: makes the demo workspace (the order-messages dataset and a run
// configuration that fine-tunes the shipped starter model) unless this version's is there already;
// DIR defaults to $FT_DEMO_DIR, else ~/FinetuneStudio/demo.
#include "args.h"
#include "commands.h"
#include "demo/demo_workspace.h"

#include <iostream>
#include <nlohmann/json.hpp>

namespace ft::cli {

int runDemo(const Argv& argv) {
    const Args args(argv, {"dir"}, {"json"});
    const DemoResources resources = findDemoResources();
    const DemoWorkspace w = makeDemoWorkspace(resources, args.value("dir", defaultDemoDir()));
    if (args.flag("json")) {
        std::cout << nlohmann::json{{"workspace", w.dir},
                                    {"config", w.configPath},
                                    {"model", resources.starterDir},
                                    {"created", w.created},
                                    {"moved_aside", w.movedAside}}
                         .dump()
                  << std::endl;
        return 0;
    }
    if (!w.movedAside.empty())
        std::cout << "demo: " << w.dir << " was made by an earlier version of the demo; it is now " << w.movedAside << ", unchanged\n";
    std::cout << "demo: " << (w.created ? "made" : "already there:") << " workspace " << w.dir << ", run configuration " << w.configPath
              << "\ndemo: train it with   finetune train " << w.configPath << "\n";
    return 0;
}

} // namespace ft::cli
