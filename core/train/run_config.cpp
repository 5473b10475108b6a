// RunConfig: the run-configuration JSON read, written and checked field by field.
#include "train/run_config.h"

#include "io/json_file.h"
#include "util/error.h"

#include <cmath>
#include <filesystem>
#include <set>

namespace ft {

using json = nlohmann::json;

const char* lossOnName(LossOn l) {
    switch (l) {
    case LossOn::Assistant: return "assistant";
    case LossOn::All: return "all";
    case LossOn::Text: return "text";
    }
    return "assistant";
}

LossOn lossOnFromName(const std::string& n) {
    if (n == "assistant") return LossOn::Assistant;
    if (n == "all") return LossOn::All;
    if (n == "text") return LossOn::Text;
    throw Error("\"" + n + "\" is not a loss mode", "use assistant, all or text");
}

const char* scheduleName(Schedule s) {
    switch (s) {
    case Schedule::Constant: return "constant";
    case Schedule::Linear: return "linear";
    case Schedule::Cosine: return "cosine";
    }
    return "cosine";
}

Schedule scheduleFromName(const std::string& n) {
    if (n == "constant") return Schedule::Constant;
    if (n == "linear") return Schedule::Linear;
    if (n == "cosine") return Schedule::Cosine;
    throw Error("\"" + n + "\" is not a schedule", "use constant, linear or cosine");
}

LoraConfig trainingLoraDefaults() {
    LoraConfig l;
    l.r = 16;
    l.alpha = 32;
    l.dropout = 0.05;
    l.targets = loraTargetNames();
    return l;
}

namespace {

// Reads the members of one JSON object, each at most once, and rejects the ones nobody read.
class ObjectReader {
public:
    ObjectReader(const json& j, std::string path) : m_j(j), m_path(std::move(path)) {
        if (!j.is_object()) throw Error(where() + "must be a JSON object");
    }
    ~ObjectReader() noexcept(false) {
        if (std::uncaught_exceptions()) return;
        for (auto it = m_j.begin(); it != m_j.end(); ++it)
            if (!m_seen.count(it.key()))
                throw Error(where() + "unknown key \"" + field(it.key()) + "\"", "see `finetune train --print-defaults` for every key");
    }
    std::string field(const std::string& key) const { return m_path.empty() ? key : m_path + "." + key; }

    const json* get(const std::string& key) {
        m_seen.insert(key);
        const auto it = m_j.find(key);
        return it == m_j.end() || it->is_null() ? nullptr : &*it;
    }
    void string(const std::string& key, std::string& out) {
        if (const json* v = get(key)) {
            if (!v->is_string()) throw Error(field(key) + " must be a string");
            out = v->get<std::string>();
        }
    }
    void number(const std::string& key, double& out) {
        if (const json* v = get(key)) {
            if (!v->is_number()) throw Error(field(key) + " must be a number");
            out = v->get<double>();
        }
    }
    void integer(const std::string& key, int64_t& out) {
        if (const json* v = get(key)) {
            if (!v->is_number_integer() && !(v->is_number_float() && std::floor(v->get<double>()) == v->get<double>()))
                throw Error(field(key) + " must be a whole number");
            out = v->is_number_integer() ? v->get<int64_t>() : int64_t(v->get<double>());
        }
    }
    void boolean(const std::string& key, bool& out) {
        if (const json* v = get(key)) {
            if (!v->is_boolean()) throw Error(field(key) + " must be true or false");
            out = v->get<bool>();
        }
    }
    template <typename Enum, typename Parse>
    void choice(const std::string& key, Enum& out, Parse parse) {
        std::string name;
        string(key, name);
        if (name.empty()) return;
        try {
            out = parse(name);
        } catch (const Error& e) {
            throw Error(field(key) + ": " + e.what(), e.hint());
        }
    }

private:
    std::string where() const { return m_path.empty() ? "" : m_path + ": "; }
    const json& m_j;
    std::string m_path;
    std::set<std::string> m_seen;
};

std::string resolvePath(const std::string& p, const std::string& baseDir) {
    if (p.empty() || baseDir.empty() || std::filesystem::path(p).is_absolute()) return p;
    return (std::filesystem::path(baseDir) / p).lexically_normal().string();
}

} // namespace

json loraJson(const LoraConfig& l) {
    return {{"r", l.r}, {"alpha", l.alpha}, {"dropout", l.dropout}, {"targets", l.targets}, {"rslora", l.rslora}};
}

RunConfig RunConfig::fromJson(const json& j, const std::string& baseDir) {
    RunConfig c;
    {
        ObjectReader r(j, "");
        r.string("model", c.model);
        r.string("tokenizer", c.tokenizer);
        r.string("chat_template", c.chatTemplate);
        r.string("init_adapter", c.initAdapter);
        r.string("output_dir", c.outputDir);
        r.string("device", c.device);
        r.string("dtype", c.dtype);
        r.choice("method", c.method, trainMethodFromName);
        if (const json* q = r.get("qlora")) {
            ObjectReader qr(*q, "qlora");
            qr.boolean("quantize_all", c.qlora.quantizeAll);
        }
        if (const json* f = r.get("full")) {
            ObjectReader fr(*f, "full");
            fr.boolean("embeddings", c.full.embeddings);
            if (const json* layers = fr.get("layers")) {
                if (!layers->is_array()) throw Error("full.layers must be a list of layer numbers ([] for all)");
                for (const auto& v : *layers) {
                    if (!v.is_number_integer()) throw Error("full.layers must hold whole numbers (layer indices from 0)");
                    c.full.layers.push_back(v.get<int64_t>());
                }
            }
        }
        if (const json* d = r.get("data")) {
            ObjectReader dr(*d, "data");
            dr.string("workspace", c.data.workspace);
            dr.string("dataset", c.data.dataset);
            dr.string("train", c.data.trainFile);
            dr.string("validation", c.data.validationFile);
            dr.string("test", c.data.testFile);
        }
        if (const json* l = r.get("lora")) {
            ObjectReader lr(*l, "lora");
            lr.integer("r", c.lora.r);
            lr.number("alpha", c.lora.alpha);
            lr.number("dropout", c.lora.dropout);
            lr.boolean("rslora", c.lora.rslora);
            if (const json* t = lr.get("targets")) {
                if (t->is_string() && *t == "all") {
                    c.lora.targets = loraTargetNames();
                } else {
                    if (!t->is_array()) throw Error("lora.targets must be a list of projection names (or \"all\")");
                    c.lora.targets.clear();
                    for (const auto& v : *t) {
                        if (!v.is_string()) throw Error("lora.targets must hold strings");
                        c.lora.targets.push_back(v.get<std::string>());
                    }
                }
            }
        }
        if (const json* t = r.get("train")) {
            ObjectReader tr(*t, "train");
            auto& s = c.train;
            tr.number("lr", s.lr);
            tr.choice("schedule", s.schedule, scheduleFromName);
            tr.integer("warmup_steps", s.warmupSteps);
            tr.number("min_lr_ratio", s.minLrRatio);
            tr.integer("max_steps", s.maxSteps);
            tr.number("epochs", s.epochs);
            tr.integer("batch_size", s.batchSize);
            tr.integer("grad_accum", s.gradAccum);
            tr.integer("max_seq_len", s.maxSeqLen);
            tr.integer("seed", s.seed);
            tr.integer("eval_every", s.evalEvery);
            tr.integer("save_every", s.saveEvery);
            tr.integer("keep_checkpoints", s.keepCheckpoints);
            tr.integer("log_every", s.logEvery);
            tr.number("weight_decay", s.weightDecay);
            tr.number("adam_beta1", s.adamBeta1);
            tr.number("adam_beta2", s.adamBeta2);
            tr.number("adam_eps", s.adamEps);
            tr.number("max_grad_norm", s.maxGradNorm);
            tr.number("loraplus_lr_ratio", s.loraplusLrRatio);
            tr.choice("loss_on", s.lossOn, lossOnFromName);
            tr.boolean("packing", s.packing);
            tr.boolean("gradient_checkpointing", s.gradientCheckpointing);
            tr.integer("early_stopping_patience", s.earlyStoppingPatience);
            tr.integer("eval_batch_size", s.evalBatchSize);
            tr.integer("max_eval_examples", s.maxEvalExamples);
        }
    }
    c.model = resolvePath(c.model, baseDir);
    c.tokenizer = resolvePath(c.tokenizer, baseDir);
    c.initAdapter = resolvePath(c.initAdapter, baseDir);
    c.outputDir = resolvePath(c.outputDir, baseDir);
    c.data.workspace = resolvePath(c.data.workspace, baseDir);
    c.data.trainFile = resolvePath(c.data.trainFile, baseDir);
    c.data.validationFile = resolvePath(c.data.validationFile, baseDir);
    c.data.testFile = resolvePath(c.data.testFile, baseDir);
    if (c.chatTemplate.size() > 6 && c.chatTemplate.compare(c.chatTemplate.size() - 6, 6, ".jinja") == 0)
        c.chatTemplate = resolvePath(c.chatTemplate, baseDir);
    return c;
}

RunConfig RunConfig::fromFile(const std::string& path, const nlohmann::json& underlay) {
    try {
        const auto base = std::filesystem::absolute(path).parent_path().string();
        return fromJson(mergeJson(underlay, readJsonFile(path)), base);
    } catch (...) {
        rethrowWithContext(path);
    }
}

json RunConfig::toJson() const {
    const auto& s = train;
    json data = json::object();
    if (!this->data.workspace.empty() || !this->data.dataset.empty()) {
        data["workspace"] = this->data.workspace;
        data["dataset"] = this->data.dataset;
    } else {
        data["train"] = this->data.trainFile;
        data["validation"] = this->data.validationFile;
        data["test"] = this->data.testFile;
    }
    return json{
        {"model", model},
        {"tokenizer", tokenizer},
        {"chat_template", chatTemplate},
        {"init_adapter", initAdapter},
        {"data", data},
        {"output_dir", outputDir},
        {"method", trainMethodName(method)},
        {"lora", loraJson(lora)},
        {"qlora", {{"quantize_all", qlora.quantizeAll}}},
        {"full", {{"layers", full.layers}, {"embeddings", full.embeddings}}},
        {"train",
         {{"lr", s.lr},
          {"schedule", scheduleName(s.schedule)},
          {"warmup_steps", s.warmupSteps},
          {"min_lr_ratio", s.minLrRatio},
          {"max_steps", s.maxSteps},
          {"epochs", s.epochs},
          {"batch_size", s.batchSize},
          {"grad_accum", s.gradAccum},
          {"max_seq_len", s.maxSeqLen},
          {"seed", s.seed},
          {"eval_every", s.evalEvery},
          {"save_every", s.saveEvery},
          {"keep_checkpoints", s.keepCheckpoints},
          {"log_every", s.logEvery},
          {"weight_decay", s.weightDecay},
          {"adam_beta1", s.adamBeta1},
          {"adam_beta2", s.adamBeta2},
          {"adam_eps", s.adamEps},
          {"max_grad_norm", s.maxGradNorm},
          {"loraplus_lr_ratio", s.loraplusLrRatio},
          {"loss_on", lossOnName(s.lossOn)},
          {"packing", s.packing},
          {"gradient_checkpointing", s.gradientCheckpointing},
          {"early_stopping_patience", s.earlyStoppingPatience},
          {"eval_batch_size", s.evalBatchSize},
          {"max_eval_examples", s.maxEvalExamples}}},
        {"device", device},
        {"dtype", dtype},
    };
}

json RunConfig::defaultsJson() {
    RunConfig c;
    c.model = "MODEL_DIR";
    c.data.workspace = "WORKSPACE_DIR";
    c.data.dataset = "DATASET";
    c.outputDir = "runs/my-run";
    return c.toJson();
}

LoraConfig RunConfig::adapterConfig() const {
    LoraConfig l = lora;
    l.dora = method == TrainMethod::Dora;
    return l;
}

std::function<bool(const std::string&)> qloraQuantizes(const RunConfig& config) {
    LoraConfig which = config.lora;
    if (config.qlora.quantizeAll) {
        which.targets = loraTargetNames();
        which.targetsRegex.clear();
    }
    return [which](const std::string& path) { return path.find("model.layers.") == 0 && which.targets_(path); };
}

std::vector<ConfigProblem> RunConfig::problems() const {
    const auto& s = train;
    std::vector<ConfigProblem> out;
    auto need = [&](bool ok, const std::string& message, const std::string& hint = {}) {
        if (!ok) out.push_back(problemFromMessage(message, hint));
    };
    need(!model.empty(), "model: give the folder of a Hugging Face model");
    need(!outputDir.empty(), "output_dir: give the folder the run is written to");
    if (data.fromWorkspace()) {
        need(!data.dataset.empty(), "data.dataset: name the dataset of the workspace");
        need(data.trainFile.empty() && data.validationFile.empty() && data.testFile.empty(),
             "data: give either workspace + dataset or train/validation/test files, not both");
    } else {
        need(!data.trainFile.empty(), "data: give workspace + dataset, or a train file",
             "e.g. \"data\": {\"train\": \"train.jsonl\", \"validation\": \"valid.jsonl\"}");
        need(data.dataset.empty(), "data.dataset needs data.workspace");
    }
    if (trainsAdapter(method))
        for (ConfigProblem& p : lora.problems()) out.push_back(std::move(p));
    if (method == TrainMethod::Full) {
        need(initAdapter.empty(), "init_adapter: full fine-tuning trains the model's own weights, not an adapter",
             "to continue from a tuned model, give its folder as model");
        need(s.loraplusLrRatio == 1.0, "train.loraplus_lr_ratio applies to LoRA adapters only (set 1 for full fine-tuning)");
        std::set<int64_t> seen;
        for (int64_t layer : full.layers) {
            need(layer >= 0, format("full.layers: %lld is not a layer index (they count from 0)", (long long)layer));
            need(seen.insert(layer).second, format("full.layers: layer %lld is listed twice", (long long)layer));
        }
    }
    need(std::isfinite(s.lr) && s.lr > 0, format("train.lr must be a positive number (got %g)", s.lr));
    need(s.warmupSteps >= 0, "train.warmup_steps must not be negative");
    need(s.minLrRatio >= 0 && s.minLrRatio <= 1, format("train.min_lr_ratio must be in [0, 1] (got %g)", s.minLrRatio));
    need(s.maxSteps >= 0, "train.max_steps must not be negative");
    need(s.maxSteps > 0 || (std::isfinite(s.epochs) && s.epochs > 0), "train.epochs must be positive when train.max_steps is 0");
    need(s.batchSize >= 1, format("train.batch_size must be at least 1 (got %lld)", (long long)s.batchSize));
    need(s.gradAccum >= 1, format("train.grad_accum must be at least 1 (got %lld)", (long long)s.gradAccum));
    need(s.maxSeqLen >= 8 && s.maxSeqLen <= 1 << 20,
         format("train.max_seq_len must be in [8, 1048576] (got %lld)", (long long)s.maxSeqLen));
    need(s.evalEvery >= 0, "train.eval_every must not be negative");
    need(s.saveEvery >= 0, "train.save_every must not be negative");
    need(s.keepCheckpoints >= 0, "train.keep_checkpoints must not be negative");
    need(s.logEvery >= 1, "train.log_every must be at least 1");
    need(s.weightDecay >= 0 && std::isfinite(s.weightDecay), "train.weight_decay must not be negative");
    need(s.adamBeta1 >= 0 && s.adamBeta1 < 1, format("train.adam_beta1 must be in [0, 1) (got %g)", s.adamBeta1));
    need(s.adamBeta2 >= 0 && s.adamBeta2 < 1, format("train.adam_beta2 must be in [0, 1) (got %g)", s.adamBeta2));
    need(s.adamEps > 0, "train.adam_eps must be positive");
    need(s.maxGradNorm >= 0, "train.max_grad_norm must not be negative (0 turns clipping off)");
    need(std::isfinite(s.loraplusLrRatio) && s.loraplusLrRatio >= 1 && s.loraplusLrRatio <= 1024,
         format("train.loraplus_lr_ratio must be in [1, 1024] (got %g)", s.loraplusLrRatio),
         "1 trains A and B at the same rate; LoRA+ suggests about 16");
    need(s.earlyStoppingPatience >= 0, "train.early_stopping_patience must not be negative");
    need(s.evalBatchSize >= 0, "train.eval_batch_size must not be negative");
    need(s.maxEvalExamples >= 0, "train.max_eval_examples must not be negative");
    need(device == "auto" || device == "cpu" || device.rfind("cuda", 0) == 0, "device: \"" + device + "\" is not auto, cpu or cuda[:N]");
    need(dtype == "auto" || dtype == "fp32" || dtype == "bf16" || dtype == "float32" || dtype == "bfloat16",
         "dtype: \"" + dtype + "\" is not auto, fp32 or bf16", "fp16 base weights are not supported for training");
    return out;
}

void RunConfig::validate() const {
    throwIfAny(problems());
}

} // namespace ft
