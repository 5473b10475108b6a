// Held-out evaluation of a run: likelihood, generation and metrics for base and tuned (see evaluator.h).
#include "eval/evaluator.h"

#include "chat/chat_template.h"
#include "data/dataset_store.h"
#include "eval/bootstrap.h"
#include "eval/report_html.h"
#include "eval/structured_metrics.h"
#include "eval/text_metrics.h"
#include "export/run_export.h"
#include "generate/generator.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "lora/lora_adapter.h"
#include "model/model_loader.h"
#include "tokenizer/tokenizer.h"
#include "train/run_config.h"
#include "train/run_folder.h"
#include "train/training_data.h"
#include "util/error.h"
#include "util/run_control.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <map>

#include "torch_pch.h"

namespace ft {

using json = nlohmann::json;

namespace {

struct HeldOut {
    int64_t id = 0;
    std::vector<Message> messages; // the last one is the reference reply
};

std::vector<HeldOut> readSplit(const RunConfig& config, const std::string& runDir, Split split, int64_t limit) {
    const auto [workspace, dataset] = runDataset(config, runDir);
    DatasetStore store(workspace);
    ExampleFilter f;
    f.split = split;
    f.status = "valid";
    std::vector<HeldOut> out;
    for (Example& e : store.page(store.datasetId(dataset), f, 0, limit > 0 ? limit * 4 : 1000000)) {
        if (e.messages.size() < 2 || e.messages.back().role != "assistant") continue;
        out.push_back({e.id, std::move(e.messages)});
        if (limit > 0 && int64_t(out.size()) >= limit) break;
    }
    return out;
}

std::vector<ChatMessage> promptOf(const std::vector<Message>& messages, const std::vector<HeldOut>& shots) {
    std::vector<ChatMessage> chat;
    size_t i = 0;
    if (!messages.empty() && messages[0].role == "system") chat.push_back({"system", messages[i++].content});
    for (const auto& shot : shots) // demonstrations as earlier turns of the same conversation
        for (const auto& m : shot.messages)
            if (m.role != "system") chat.push_back({m.role, m.content});
    for (; i + 1 < messages.size(); ++i) chat.push_back({messages[i].role, messages[i].content});
    return chat;
}

using Metrics = std::map<std::string, double>;

Metrics scoreReply(const std::string& prediction, const std::string& reference, bool jsonTask) {
    Metrics m = {{"exact_match", eval::exactMatch(prediction, reference)},
                 {"normalized_exact_match", eval::normalizedExactMatch(prediction, reference)},
                 {"token_f1", eval::tokenF1(prediction, reference)},
                 {"rouge_l", eval::rougeL(prediction, reference)},
                 {"chrf", eval::chrF(prediction, reference)}};
    if (jsonTask) {
        m["json_valid"] = eval::isJson(prediction) ? 1.0 : 0.0;
        m["json_agreement"] = eval::jsonAgreement(prediction, reference).value_or(0.0);
    }
    return m;
}

void checkControl(RunControl* control) {
    if (control) control->checkOrThrow("evaluation");
}

} // namespace

std::string evalReportDir(const std::string& runDir, const std::string& split) {
    return runDir + "/eval/" + split;
}

EvalResult evaluateRun(const EvalOptions& o, const EvalProgress& progress, RunControl* control) {
    const auto started = std::chrono::system_clock::now();
    if (o.split != "validation" && o.split != "test") throw Error("split: \"" + o.split + "\" is not validation or test");
    if (o.limit < 0 || o.fewShot < 0 || o.maxNewTokens < 1 || o.batchSize < 1)
        throw Error("limit, few-shot, max-new-tokens and batch size must not be negative (and the last two at least 1)");
    const json run = readJsonFile(runfiles::runJson(o.runDir));
    RunConfig config;
    try {
        config = RunConfig::fromJson(run.at("config"));
    } catch (...) {
        rethrowWithContext(runfiles::runJson(o.runDir));
    }
    // The trained weights: an adapter folder, or a full fine-tune's model folder.
    const std::string adapterDir = holdsAdapter(o.adapter) || holdsModel(o.adapter) ? o.adapter : runResultDir(o.runDir, o.adapter);
    const bool tunedModel = holdsModel(adapterDir);
    const std::vector<HeldOut> examples = readSplit(config, o.runDir, splitFromName(o.split), o.limit);
    if (examples.empty())
        throw Error("the run's data has no " + o.split + " examples with a reply to compare against",
                    "assign a " + o.split + " split in the Dataset view (or `finetune data split`)");
    std::vector<HeldOut> shots;
    if (o.fewShot > 0) {
        shots = readSplit(config, o.runDir, Split::Train, o.fewShot);
        if (int64_t(shots.size()) < o.fewShot)
            throw Error("few-shot: the train split has only " + std::to_string(shots.size()) + " usable examples");
    }

    // An adapter: one model, the adapter switched off for the base and the few-shot baseline. A full
    // fine-tune: the base and the tuned model side by side.
    LoadOptions load;
    load.device = parseDevice(o.device.empty() ? config.device : o.device);
    load.dtype = resolveDtype(config.dtype, load.device);
    LoadedModel model = loadModel(config.model, load);
    LoadedModel tunedSeparately;
    if (tunedModel) {
        tunedSeparately = loadModel(adapterDir, load);
        tunedSeparately.model->eval();
    } else {
        loadAdapter(adapterDir, model.model);
    }
    model.model->eval();
    auto systemModel = [&](bool tuned) -> CausalLMImpl& {
        if (tunedModel) return tuned ? *tunedSeparately.model : *model.model;
        setLoraEnabled(model.model, tuned);
        return *model.model;
    };
    auto tokenizer = Tokenizer::load(config.tokenizer.empty() ? config.model : config.tokenizer);
    const ChatTemplate tmpl = ChatTemplate::forTokenizer(*tokenizer, config.chatTemplate);
    const std::vector<int64_t> stops = replyStopIds(model.eosTokenIds, *tokenizer, tmpl);

    const int64_t n = int64_t(examples.size());
    json report;
    // Likelihood of the reference replies, on the same tokens for both systems.
    std::vector<TrainingSequence> sequences;
    for (const auto& e : examples)
        sequences.push_back(encodeExample(*tokenizer, tmpl, e.messages, LossOn::Assistant, config.train.maxSeqLen));
    for (const bool tuned : {false, true}) {
        CausalLMImpl& scored = systemModel(tuned);
        double nll = 0;
        int64_t tokens = 0;
        for (int64_t i = 0; i < n; ++i) {
            checkControl(control);
            const auto& s = sequences[size_t(i)];
            const std::vector<int64_t> ids(s.ids.begin(), s.ids.end());
            const std::vector<double> logp = scoreTokens(scored, ids);
            for (size_t t = 0; t < logp.size(); ++t)
                if (s.lossMask[t + 1]) nll -= logp[t], ++tokens;
            if (progress) progress(tuned ? "likelihood (tuned)" : "likelihood (base)", i + 1, n);
        }
        const double loss = tokens ? nll / double(tokens) : 0.0;
        report["likelihood"][tuned ? "tuned" : "base"] = {{"loss", loss}, {"ppl", std::exp(loss)}, {"tokens", tokens}};
    }

    // Task shape: labels, JSON, or free text.
    std::vector<std::string> references;
    for (const auto& e : examples) references.push_back(e.messages.back().content);
    std::vector<std::string> labels = o.labels;
    if (labels.size() == 1 && labels[0] == "none") labels.clear();
    else if (labels.empty()) labels = eval::detectLabels(references);
    bool jsonTask = true;
    for (const auto& r : references) jsonTask = jsonTask && eval::jsonAgreement(r, r).has_value();
    std::string headline = o.metric;
    if (headline == "auto") headline = !labels.empty() ? "normalized_exact_match" : jsonTask ? "json_agreement" : "rouge_l";

    // Generation, batched; each row depends only on its own prompt.
    GenerateOptions g;
    g.maxNewTokens = o.maxNewTokens;
    g.sampling.temperature = o.temperature;
    g.sampling.topP = o.topP;
    g.sampling.topK = o.topK;
    g.sampling.seed = o.seed;
    g.sampling.validate();
    g.eosTokenIds = stops;
    g.cancel = control ? control->stopFlag() : nullptr;
    std::vector<std::string> systems = {"base"};
    if (!shots.empty()) systems.push_back("few_shot");
    systems.push_back("tuned");
    std::map<std::string, std::vector<std::string>> replies;
    for (const std::string& system : systems) {
        CausalLMImpl& generating = systemModel(system == "tuned");
        auto& out = replies[system];
        for (int64_t start = 0; start < n; start += o.batchSize) {
            checkControl(control);
            std::vector<std::vector<int64_t>> prompts;
            for (int64_t i = start; i < std::min(n, start + o.batchSize); ++i) {
                const std::string text =
                    tmpl.render(promptOf(examples[size_t(i)].messages, system == "few_shot" ? shots : std::vector<HeldOut>{}), true);
                const auto ids = tokenizer->encode(text, /*addSpecialTokens=*/false);
                prompts.emplace_back(ids.begin(), ids.end());
            }
            torch::NoGradGuard noGrad;
            for (const auto& r : generate(generating, prompts, g)) {
                checkControl(control);
                out.push_back(tokenizer->decode(std::vector<int32_t>(r.tokens.begin(), r.tokens.end()), /*skipSpecialTokens=*/true));
            }
            if (progress) progress("generating (" + system + ")", int64_t(out.size()), n);
        }
    }
    systemModel(true);

    // Per-example scores, system means with intervals, winners.
    std::map<std::string, std::map<std::string, std::vector<double>>> scores; // system -> metric -> values
    json perExample = json::array();
    for (int64_t i = 0; i < n; ++i) {
        const auto& e = examples[size_t(i)];
        json row = {{"id", e.id}, {"reference", references[size_t(i)]}};
        std::string prompt;
        for (size_t m = 0; m + 1 < e.messages.size(); ++m) prompt += (prompt.empty() ? "" : "\n") + e.messages[m].content;
        row["prompt"] = prompt;
        std::map<std::string, double> head;
        for (const auto& system : systems) {
            const std::string& reply = replies[system][size_t(i)];
            const Metrics m = scoreReply(reply, references[size_t(i)], jsonTask);
            json metrics = json::object();
            for (const auto& [name, value] : m) {
                scores[system][name].push_back(value);
                metrics[name] = value;
            }
            head[system] = m.count(headline) ? m.at(headline) : 0.0;
            row[system] = {{"reply", reply}, {"metrics", metrics}};
        }
        std::string winner = "tie";
        double best = -1;
        int atBest = 0;
        for (const auto& system : systems) {
            if (head[system] > best + 1e-12) best = head[system], winner = system, atBest = 1;
            else if (std::fabs(head[system] - best) <= 1e-12) ++atBest;
        }
        row["winner"] = atBest > 1 ? "tie" : winner;
        row["regression"] = head["tuned"] < head["base"] - 1e-12;
        row["delta"] = head["tuned"] - head["base"];
        perExample.push_back(row);
    }
    // Regressions first (the largest loss first), then the rest in dataset order.
    std::stable_sort(perExample.begin(), perExample.end(), [](const json& a, const json& b) {
        const bool ra = a["regression"].get<bool>(), rb = b["regression"].get<bool>();
        if (ra != rb) return ra;
        return ra && a["delta"].get<double>() < b["delta"].get<double>();
    });
    json metrics = json::object();
    for (const auto& system : systems)
        for (const auto& [name, values] : scores[system]) {
            const eval::Interval ci = eval::bootstrapMean(values, 0.95, 1000, o.seed);
            metrics[system][name] = {{"mean", ci.mean}, {"low", ci.low}, {"high", ci.high}};
        }
    json differences = json::object();
    for (const auto& other : systems) {
        if (other == "tuned" || !scores[other].count(headline)) continue;
        const eval::Interval d = eval::bootstrapDifference(scores["tuned"][headline], scores[other][headline], 0.95, 1000, o.seed);
        differences["tuned_vs_" + other] = {{"mean", d.mean}, {"low", d.low}, {"high", d.high}, {"significant", d.low > 0 || d.high < 0}};
    }
    json labelReports = json::object();
    if (!labels.empty())
        for (const auto& system : systems) {
            const eval::LabelReport r = eval::labelReport(replies[system], references, labels);
            labelReports[system] = {{"labels", r.labels},
                                    {"confusion", r.confusion},
                                    {"accuracy", r.accuracy},
                                    {"precision", r.precision},
                                    {"recall", r.recall}};
        }

    int64_t regressions = 0;
    for (const auto& row : perExample) regressions += row["regression"].get<bool>();
    std::string dataFingerprint;
    for (const auto& e : examples) dataFingerprint += std::to_string(e.id) + ";";
    report["format"] = 1;
    report["run"] = o.runDir;
    report["split"] = o.split;
    report["adapter"] = adapterDir;
    report["created"] = std::chrono::duration<double>(started.time_since_epoch()).count();
    report["examples"] = n;
    report["systems"] = systems;
    report["headline_metric"] = headline;
    report["task"] = {{"kind", !labels.empty() ? "labels" : jsonTask ? "json" : "text"}, {"labels", labels}};
    report["settings"] = {{"max_new_tokens", o.maxNewTokens},
                          {"temperature", o.temperature},
                          {"top_p", o.topP},
                          {"top_k", o.topK},
                          {"seed", o.seed},
                          {"few_shot", o.fewShot},
                          {"limit", o.limit},
                          {"device", load.device.str()},
                          {"dtype", dtypeName(load.dtype)},
                          {"max_seq_len", config.train.maxSeqLen},
                          {"bootstrap", {{"resamples", 1000}, {"confidence", 0.95}}}};
    report["fingerprints"] = {{"model", modelFingerprint(config.model)},
                              {"adapter", tunedModel ? modelFingerprint(adapterDir)
                                                     : contentHash({{"adapter", readFile(adapterDir + "/adapter_model.safetensors")}})},
                              {"data", contentHash({{"ids", dataFingerprint}})},
                              {"model_dir", config.model}};
    report["metrics"] = metrics;
    report["differences"] = differences;
    report["labels"] = labelReports;
    report["regressions"] = regressions;
    report["per_example"] = perExample;
    report["seconds"] = std::chrono::duration<double>(std::chrono::system_clock::now() - started).count();

    EvalResult result;
    result.report = report;
    const std::string dir = evalReportDir(o.runDir, o.split);
    std::filesystem::create_directories(dir);
    result.jsonPath = dir + "/report.json";
    result.htmlPath = dir + "/report.html";
    writeFileAtomic(result.jsonPath, report.dump(2, ' ', false, json::error_handler_t::replace) + "\n");
    writeFileAtomic(result.htmlPath, eval::reportHtml(report));
    return result;
}

} // namespace ft
