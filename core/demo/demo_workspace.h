// The demo: the order-messages dataset (resources/demo, with its train, validation and test splits)
// in a workspace, and a ready run configuration that fine-tunes the shipped starter model
// (resources/starter) on it. One implementation for `finetune demo`, scripts/studio and the
// studio's Help > Open the Demo.
#pragma once
#include "train/run_config.h"

#include <string>

namespace ft {

// The demo's version: a workspace made by another one is moved aside whole, not changed.
extern const char* const kDemoVersion;

struct DemoResources {
    std::string starterDir; // the starter model (Hugging Face folder)
    std::string dataDir;    // orders-train.jsonl, orders-validation.jsonl, orders-test.jsonl
};

// Where the starter and the demo's data are: $FT_RESOURCES_DIR, else share/finetune-studio beside
// the installed program, else the source tree this program was built from. Throws ft::Error naming
// every place looked at when none holds them.
DemoResources findDemoResources();

// Where the demo goes unless told: $FT_DEMO_DIR, else ~/FinetuneStudio/demo.
std::string defaultDemoDir();

// The run configuration the demo trains with (the recipe docs/evaluation.md measures).
RunConfig demoRunConfig(const DemoResources& resources, const std::string& dir);

struct DemoWorkspace {
    std::string dir;        // the workspace folder
    std::string configPath; // dir/orders-run.json
    std::string movedAside; // where an earlier version's workspace went ("" if none)
    bool created = false;   // false: it was there already, and is left as it is
};

// Makes the demo workspace in `dir` unless this version's is there already. It is built in a
// sibling folder and renamed into place, so a failure leaves nothing half made; a workspace of an
// earlier demo version is renamed to "<dir>.earlier-<time>" first. Throws ft::Error when `dir`
// holds something that is not a demo workspace.
DemoWorkspace makeDemoWorkspace(const DemoResources& resources, const std::string& dir);

} // namespace ft
