// The folder of one training run and the files in it:
//   run.json         the resolved configuration, fingerprints, versions, status
//   metrics.jsonl    one JSON object per event ("step", "eval", "checkpoint", "finished", "failed", ...)
//   logs/train.log   human-readable log lines
//   checkpoints/step-00000100/   adapter + optimizer + RNG + trainer_state.json
//   adapter/         the final (or last stopped) adapter, PEFT layout
//   best_adapter/    the adapter of the best validation loss so far
//   model/, best_model/   the same for full fine-tuning: whole models in Hugging Face layout
// Plain types only: the studio's Runs view reads these without libtorch.
#pragma once
#include "train/train_events.h"

#include <cstdint>
#include <fstream>
#include <mutex>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace ft {

namespace runfiles {
std::string runJson(const std::string& runDir);
std::string metrics(const std::string& runDir);
std::string log(const std::string& runDir);
std::string checkpoints(const std::string& runDir);
std::string adapter(const std::string& runDir);
std::string bestAdapter(const std::string& runDir);
std::string model(const std::string& runDir);     // full fine-tuning's adapter/
std::string bestModel(const std::string& runDir); // ... and best_adapter/
std::string checkpointName(int64_t step);         // "step-00000100"
} // namespace runfiles

// What the Runs view lists about a run, from run.json and the folder (no metrics are read).
struct RunSummary {
    std::string dir, name;       // name: the folder's
    std::string status;          // preparing, running, completed, stopped, early_stopped, failed
    std::string model, dataset;  // the base model folder; the dataset (or "files")
    std::string method = "lora"; // lora, qlora, dora or full
    std::string device, dtype;
    double created = 0, updated = 0; // Unix seconds
    int64_t step = 0, totalSteps = 0;
    double lastTrainLoss = -1, bestEvalLoss = -1; // -1 = none yet
    int64_t bestEvalStep = 0;
    int64_t trainExamples = 0;
    bool hasResult = false, hasBestResult = false; // the trained weights: adapter/ (model/), best_adapter/ (best_model/)
    int64_t checkpoints = 0;
    std::string error; // why run.json could not be read ("" = fine)
};
RunSummary summarizeRun(const std::string& runDir);

// Renames a run's folder within its parent, in one rename (the run is whole under either name), and
// records the new folder in run.json. Throws ft::Error when the name is not a folder name, the
// target exists or the rename fails. A run.json that cannot be updated is not an error (the folder
// is what counts): *warning says so. Returns the new folder. The caller makes sure no trainer is
// writing to the run.
std::string renameRunFolder(const std::string& runDir, const std::string& newName, std::string* warning = nullptr);

// The run folders (those with a run.json) directly under `runsDir`, most recently changed first.
std::vector<std::string> listRunFolders(const std::string& runsDir);

// Whether `dir` holds the trained weights of a run: a PEFT adapter, or a whole model (full
// fine-tuning's result, or a checkpoint of it).
bool holdsAdapter(const std::string& dir);
bool holdsModel(const std::string& dir); // config.json without adapter_config.json

// Completed checkpoints of a run (folders with a trainer_state.json), oldest first.
struct CheckpointEntry {
    int64_t step;
    std::string path;
};
std::vector<CheckpointEntry> listCheckpoints(const std::string& runDir);

// Appends events to metrics.jsonl (flushed per line, so readers follow it live): the one writer.
class MetricsWriter {
public:
    explicit MetricsWriter(const std::string& path);
    void append(const TrainEvent& event); // throws ft::Error naming the file on a failed write

private:
    std::string m_path;
    std::ofstream m_out;
    std::mutex m_mutex;
};

// Reads metrics.jsonl: the one reader. A torn last line (a run killed mid-write) and events this
// version does not know are skipped.
std::vector<TrainEvent> readMetrics(const std::string& path);

// Keeps only the events up to `step` (finished/failed events dropped), atomically: a resumed run
// continues the record from its checkpoint.
void truncateMetrics(const std::string& path, int64_t step);

// A cheap identity of a model folder: config.json's content and the weight files' names and sizes.
std::string modelFingerprint(const std::string& modelDir);

} // namespace ft
