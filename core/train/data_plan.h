// What a run will do with its data, known before it starts: the train split tokenized exactly as
// the trainer tokenizes it (chat template, loss mask, cut at max_seq_len, examples without a reply
// token left out), then planRun on those lengths. The Setup view shows this count, so it is the
// trainer's to the step, packing included.
#pragma once
#include "train/run_plan.h"
#include "train/training_data.h"

namespace ft {

struct RunConfig;

struct DataPlan {
    std::vector<int64_t> trainLengths; // as planRun takes them: a batch-size change needs no re-reading
    RunPlan plan;
    DataReport report; // examples kept, cut and left out, tokens
};

// Reads the configuration's tokenizer, chat template and train data (files are imported into a
// scratch folder that is removed afterwards). Throws ft::Error as the trainer would for the data.
DataPlan planRunData(const RunConfig& config);

} // namespace ft
