// A run's examples as token sequences with loss masks, read from a workspace or imported files.
#include "train/training_data.h"

#include "chat/chat_template.h"
#include "data/dataset_store.h"
#include "data/importer.h"
#include "io/atomic_file.h"
#include "tokenizer/tokenizer.h"
#include "util/error.h"

#include <algorithm>
#include <filesystem>
#include <limits>
#include <tuple>

namespace ft {

int64_t TrainingSequence::targets() const {
    int64_t n = 0;
    for (size_t i = 1; i < lossMask.size(); ++i) n += lossMask[i];
    return n;
}

TrainingSequence encodeExample(const Tokenizer& tokenizer, const ChatTemplate& tmpl, const std::vector<Message>& messages, LossOn lossOn,
                               int64_t maxSeqLen, bool* truncated) {
    TrainingSequence s;
    if (messages.size() == 1 && messages[0].role == "text") {
        s.ids = tokenizer.encode(messages[0].content, /*addSpecialTokens=*/true);
        const int32_t eos = tokenizer.config().eosId;
        if (eos >= 0 && (s.ids.empty() || s.ids.back() != eos)) s.ids.push_back(eos);
        s.lossMask.assign(s.ids.size(), 1);
    } else {
        std::vector<ChatMessage> chat;
        for (const auto& m : messages) chat.push_back({m.role, m.content});
        TokenizedChat t = tokenizeChat(tokenizer, tmpl.renderForTraining(chat));
        s.ids = std::move(t.ids);
        s.lossMask = std::move(t.trainMask);
        if (lossOn != LossOn::Assistant) std::fill(s.lossMask.begin(), s.lossMask.end(), uint8_t(1));
    }
    const bool cut = int64_t(s.ids.size()) > maxSeqLen;
    if (cut) {
        s.ids.resize(size_t(maxSeqLen));
        s.lossMask.resize(size_t(maxSeqLen));
    }
    if (truncated) *truncated = cut;
    return s;
}

TokenCounter exampleTokenCounter(std::shared_ptr<const Tokenizer> tokenizer, std::shared_ptr<const ChatTemplate> tmpl) {
    return [tokenizer, tmpl](const std::vector<Message>& messages) {
        const TrainingSequence s = encodeExample(*tokenizer, *tmpl, messages, LossOn::Assistant, std::numeric_limits<int64_t>::max());
        TokenCount c;
        c.total = int64_t(s.ids.size());
        for (uint8_t m : s.lossMask) c.reply += m;
        c.prompt = c.total - c.reply;
        return c;
    };
}

std::string tokenCountKey(const Tokenizer& tokenizer, const ChatTemplate& tmpl) {
    return std::filesystem::absolute(tokenizer.dir()).string() + "|" + std::to_string(tokenizer.vocabSize()) + "|" +
           contentHash({{"template", tmpl.source()}});
}

std::pair<std::string, std::string> runDataset(const RunConfig& config, const std::string& runDir) {
    if (config.data.fromWorkspace()) return {config.data.workspace, config.data.dataset};
    return {runDir + "/data", "files"};
}

namespace {

// Imports the run's files once into <runDir>/data as dataset `name`.
void importRunFiles(const RunConfig& config, const std::string& workspace, const std::string& name,
                    const std::function<void(const std::string&)>& log) {
    DatasetStore store(workspace);
    for (const auto& n : store.datasetNames())
        if (n == name) return; // imported by an earlier start of this run
    const int64_t id = store.createDataset(name);
    const std::pair<const std::string*, Split> files[] = {
        {&config.data.trainFile, Split::Train}, {&config.data.validationFile, Split::Validation}, {&config.data.testFile, Split::Test}};
    for (const auto& [path, split] : files) {
        if (path->empty()) continue;
        if (!fileExists(*path)) throw Error(std::string("data.") + splitName(split) + ": no file " + *path);
        ImportOptions options;
        options.split = split;
        options.rejectsPath = workspace + "/rejects-" + splitName(split) + ".jsonl";
        const ImportReport r = importFile(store, id, *path, options);
        if (log)
            log(format("imported %s: %lld examples (%s), %lld skipped, %lld duplicates", path->c_str(), (long long)r.imported,
                       importFormatName(r.format), (long long)r.skipped, (long long)r.duplicates));
        for (size_t i = 0; i < std::min<size_t>(r.errors.size(), 5); ++i)
            if (log) log(format("  %s line %lld: %s", path->c_str(), (long long)r.errors[i].line, r.errors[i].reason.c_str()));
        if (r.imported == 0 && split == Split::Train)
            throw Error(
                "data.train: " + *path + " holds no usable example" +
                (r.errors.empty() ? std::string() : " (line " + std::to_string(r.errors[0].line) + ": " + r.errors[0].reason + ")"));
    }
}

} // namespace

TrainingSet loadTrainingSet(const RunConfig& config, const Tokenizer& tokenizer, const ChatTemplate& tmpl, const std::string& runDir,
                            const std::function<void(const std::string&)>& log) {
    TrainingSet set;
    std::tie(set.workspace, set.dataset) = runDataset(config, runDir);
    if (!config.data.fromWorkspace()) importRunFiles(config, set.workspace, set.dataset, log);
    else if (!fileExists(set.workspace + "/workspace.db"))
        throw Error("data.workspace: " + set.workspace + " holds no workspace.db", "create it with `finetune data import`");
    const DatasetStore store(set.workspace);
    const int64_t datasetId = store.datasetId(set.dataset);

    const auto stats = store.stats(datasetId);
    const bool anyTrain = stats.splits.count("train") && stats.splits.at("train") > 0;
    if (!anyTrain)
        set.report.warnings.push_back(
            "the dataset has no train split: its unassigned examples are trained on "
            "(assign splits with `finetune data split` to get a validation loss)");

    std::string fingerprintText;
    auto& r = set.report;
    store.forEach(datasetId, [&](const Example& e) {
        const bool isTrain = e.split == Split::Train || (!anyTrain && e.split == Split::Unassigned);
        const bool isValidation = e.split == Split::Validation;
        if (!isTrain && !isValidation) return;
        if (!e.problems.empty()) {
            ++r.invalid;
            return;
        }
        bool truncated = false;
        TrainingSequence s;
        try {
            s = encodeExample(tokenizer, tmpl, e.messages, config.train.lossOn, config.train.maxSeqLen, &truncated);
        } catch (const Error& err) {
            throw Error(
                format("example %lld (%s line %lld): %s", (long long)e.id, e.sourceFile.c_str(), (long long)e.sourceLine, err.what()),
                err.hint());
        }
        s.exampleId = e.id;
        if (s.targets() == 0) {
            ++r.noTargets;
            return;
        }
        if (truncated) ++r.truncated;
        fingerprintText += std::to_string(e.id) + (isTrain ? "t" : "v") + e.hash + ";";
        if (isTrain) {
            r.longest = std::max<int64_t>(r.longest, int64_t(s.ids.size()));
            r.trainTokens += int64_t(s.ids.size());
            r.trainTargets += s.targets();
            set.train.push_back(std::move(s));
        } else {
            set.validation.push_back(std::move(s));
        }
    });
    r.trainExamples = int64_t(set.train.size());
    r.validationExamples = int64_t(set.validation.size());
    if (r.invalid)
        set.report.warnings.push_back(
            format("%lld examples with problems were left out (see `finetune data validate`)", (long long)r.invalid));
    if (r.truncated)
        set.report.warnings.push_back(
            format("%lld examples were cut at max_seq_len %lld", (long long)r.truncated, (long long)config.train.maxSeqLen));
    if (r.noTargets)
        set.report.warnings.push_back(format("%lld examples had no reply token within max_seq_len %lld and were left out",
                                             (long long)r.noTargets, (long long)config.train.maxSeqLen));
    if (set.train.empty())
        throw Error(
            format("no train example is left in dataset \"%s\" (%lld with problems, %lld without a reply token within max_seq_len %lld)",
                   set.dataset.c_str(), (long long)r.invalid, (long long)r.noTargets, (long long)config.train.maxSeqLen),
            "raise train.max_seq_len, fix the examples, or assign a train split");
    set.fingerprint = contentHash({{"examples", fingerprintText}});
    return set;
}

} // namespace ft
