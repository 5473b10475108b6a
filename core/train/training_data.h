// The examples of a run as token sequences with a per-token loss mask: read from a workspace
// dataset (its train and validation splits) or imported from files into the run's own workspace,
// rendered with the chat template, tokenized and truncated to max_seq_len. Plain types only.
#pragma once
#include "data/curation.h"
#include "train/run_config.h"

#include <cstdint>
#include <functional>
#include <memory>
#include <utility>
#include <string>
#include <vector>

namespace ft {

class Tokenizer;
class ChatTemplate;
struct Message;

struct TrainingSequence {
    std::vector<int32_t> ids;
    std::vector<uint8_t> lossMask; // 1 where the token is a target (predicted from the ones before it)
    int64_t exampleId = 0;
    int64_t targets() const; // loss-bearing positions (mask set, index >= 1)
};

// Renders and tokenizes one example. Raw documents (a single "text" message) are trained whole with
// BOS/EOS; conversations are rendered with the template, loss on replies (LossOn::Assistant) or on
// everything. Sets *truncated when the sequence was cut to maxSeqLen. Throws ft::Error on template
// errors.
TrainingSequence encodeExample(const Tokenizer& tokenizer, const ChatTemplate& tmpl, const std::vector<Message>& messages, LossOn lossOn,
                               int64_t maxSeqLen, bool* truncated = nullptr);

// Token counts for the dataset store's cache, encoded exactly as training encodes an example (before
// truncation): `reply` counts the loss-bearing tokens under LossOn::Assistant, `prompt` the rest.
TokenCounter exampleTokenCounter(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const ChatTemplate> tmpl);

// The cache key of counts made with this tokenizer and template (folder, vocabulary, template hash).
std::string tokenCountKey(const Tokenizer& tokenizer, const ChatTemplate& tmpl);

struct DataReport {
    int64_t trainExamples = 0, validationExamples = 0;
    int64_t invalid = 0;   // structural problems (no reply, turns out of order, ...)
    int64_t truncated = 0; // cut at max_seq_len (still used)
    int64_t noTargets = 0; // dropped: no loss-bearing token left within max_seq_len
    int64_t trainTokens = 0, trainTargets = 0;
    int64_t longest = 0; // longest untruncated train example, in tokens
    std::vector<std::string> warnings;
};

struct TrainingSet {
    std::vector<TrainingSequence> train, validation;
    DataReport report;
    std::string fingerprint;        // of the examples used (ids and content hashes), for run.json
    std::string workspace, dataset; // where they were read from
};

// The workspace folder and dataset a run reads its examples from: the configured workspace dataset,
// or the run's own copy of its files (<runDir>/data, dataset "files").
std::pair<std::string, std::string> runDataset(const RunConfig& config, const std::string& runDir);

// Reads the run's data. Files are imported once into <runDir>/data (a workspace whose dataset
// "files" holds them with their splits), so that a run keeps exactly what it trained on; a resumed
// run reads that copy. Throws ft::Error when no train example is left.
TrainingSet loadTrainingSet(const RunConfig& config, const Tokenizer& tokenizer, const ChatTemplate& tmpl, const std::string& runDir,
                            const std::function<void(const std::string&)>& log = {});

} // namespace ft
