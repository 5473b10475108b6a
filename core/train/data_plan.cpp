// planRunData: the trainer's data preparation, run without training, to count its steps.
#include "train/data_plan.h"

#include "chat/chat_template.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"

#include <atomic>
#include <chrono>
#include <filesystem>
#include <unistd.h>

namespace ft {

namespace fs = std::filesystem;

namespace {

// A folder removed when the scope ends, for a run's files imported only to be counted.
struct ScratchDir {
    fs::path path;
    ScratchDir() {
        static std::atomic<int> counter{0};
        path = fs::temp_directory_path() / ("finetune-plan-" + std::to_string(getpid()) + "-" + std::to_string(counter++) + "-" +
                                            std::to_string(std::chrono::steady_clock::now().time_since_epoch().count()));
        fs::create_directories(path);
    }
    ~ScratchDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
};

} // namespace

DataPlan planRunData(const RunConfig& config) {
    const auto tokenizer = Tokenizer::load(config.tokenizer.empty() ? config.model : config.tokenizer);
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, config.chatTemplate);
    const ScratchDir scratch; // only files are imported there; a workspace dataset is read in place
    const TrainingSet set = loadTrainingSet(config, *tokenizer, tmpl, scratch.path.string());
    DataPlan out;
    out.trainLengths.reserve(set.train.size());
    for (const auto& s : set.train) out.trainLengths.push_back(int64_t(s.ids.size()));
    out.plan = planRun(out.trainLengths, config.train);
    out.report = set.report;
    return out;
}

} // namespace ft
