// Pre-training a tiny model from scratch on the user's text (see pretrain.h).
#include "train/pretrain.h"

#include "chat/chat_template.h"
#include "io/atomic_file.h"
#include "model/llama_config.h"
#include "model/llama_model.h"
#include "model/model_loader.h"
#include "tokenizer/spm_trainer.h"
#include "tokenizer/unicode.h"
#include "tokenizer/tokenizer.h"
#include "util/run_control.h"
#include "train/adamw.h"
#include "train/lr_schedule.h"
#include "train/run_config.h"
#include "train/train_batch.h"
#include "util/error.h"

#include <chrono>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <random>
#include <thread>

#include <nlohmann/json.hpp>

#include "torch_pch.h"

namespace ft {

namespace fs = std::filesystem;
using json = nlohmann::json;

void PretrainOptions::validate() const {
    auto need = [](bool ok, const std::string& message) {
        if (!ok) throw Error(message);
    };
    need(!textFiles.empty(), "text: give at least one text file");
    need(!outDir.empty(), "out: give the folder the model is written to");
    need(vocabSize >= 300 && vocabSize <= 262144, "vocab: must be in [300, 262144] (256 byte pieces are always in it)");
    need(hiddenSize >= 16 && heads >= 1 && hiddenSize % heads == 0, "hidden: must be at least 16 and a multiple of heads");
    need((hiddenSize / heads) % 2 == 0, "hidden / heads (the head size) must be even for rotary embeddings");
    need(kvHeads >= 1 && heads % kvHeads == 0, "kv-heads: must divide heads");
    need(layers >= 1 && intermediateSize >= 1, "layers and intermediate size must be positive");
    need(seqLen >= 8 && batchSize >= 1, "seq must be at least 8 and batch at least 1");
    need(std::isfinite(lr) && lr > 0, "lr: must be a positive number");
    need(maxSteps > 0 || maxMinutes > 0, "give a step budget (steps) or a time budget (minutes)");
}

namespace {

std::string readCorpus(const PretrainOptions& o) {
    std::string text;
    for (const auto& path : o.textFiles) {
        std::ifstream in(path, std::ios::binary);
        if (!in) throw Error("text: cannot read " + path);
        std::string chunk((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
        size_t bad = 0;
        if (!unicode::isValidUtf8(chunk, &bad)) throw Error(path + format(": not UTF-8 text (byte %zu)", bad));
        text += chunk;
        if (text.back() != '\n') text += '\n';
        text += '\n'; // a document boundary between files
        if (int64_t(text.size()) >= o.maxCorpusBytes) {
            text.resize(size_t(o.maxCorpusBytes));
            break;
        }
    }
    return text;
}

// Documents: runs of non-blank lines.
std::vector<std::string> documents(const std::string& text) {
    std::vector<std::string> docs;
    std::string current;
    size_t pos = 0;
    while (pos < text.size()) {
        size_t end = text.find('\n', pos);
        if (end == std::string::npos) end = text.size();
        const std::string line = text.substr(pos, end - pos);
        if (line.find_first_not_of(" \t\r") == std::string::npos) {
            if (!current.empty()) docs.push_back(std::move(current)), current.clear();
        } else {
            current += (current.empty() ? "" : "\n") + line;
        }
        pos = end + 1;
    }
    if (!current.empty()) docs.push_back(std::move(current));
    return docs;
}

void writeTokenizerFiles(const std::string& dir, int64_t seqLen) {
    const json config = {{"tokenizer_class", "LlamaTokenizer"},
                         {"add_bos_token", true},
                         {"add_eos_token", false},
                         {"bos_token", "<s>"},
                         {"eos_token", "</s>"},
                         {"unk_token", "<unk>"},
                         {"pad_token", nullptr},
                         {"model_max_length", seqLen},
                         {"legacy", false},
                         {"chat_template", builtinTemplate(TemplateFamily::ChatML)}};
    writeFileAtomic(dir + "/tokenizer_config.json", config.dump(2) + "\n");
    const json special = {
        {"bos_token", "<s>"}, {"eos_token", "</s>"}, {"unk_token", "<unk>"}, {"additional_special_tokens", {"<|im_start|>", "<|im_end|>"}}};
    writeFileAtomic(dir + "/special_tokens_map.json", special.dump(2) + "\n");
}

} // namespace

PretrainResult pretrainModel(const PretrainOptions& o, const std::function<void(const PretrainProgress&)>& progress, RunControl* control) {
    o.validate();
    const auto start = std::chrono::steady_clock::now();
    auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count(); };
    auto report = [&](PretrainProgress p) {
        p.elapsedSeconds = elapsed();
        if (progress) progress(p);
    };
    auto checkControl = [&] {
        if (control) control->checkOrThrow("pre-training");
    };
    if (fs::exists(o.outDir + "/config.json")) throw Error(o.outDir + " already holds a model", "choose an empty folder");
    fs::create_directories(o.outDir);

    // 1. The tokenizer, trained on the text itself.
    report({"reading", 0, 0, 0, 0, 0, "reading the text"});
    const std::string text = readCorpus(o);
    const std::vector<std::string> docs = documents(text);
    if (docs.empty()) throw Error("text: the files hold no text");
    const std::string corpusFile = o.outDir + "/.corpus.txt";
    {
        std::ofstream out(corpusFile, std::ios::binary);
        for (const auto& d : docs) out << d << "\n";
        if (!out) throw Error("cannot write " + corpusFile + " (is the disk full?)");
    }
    report({"tokenizer", 0, 0, 0, 0, 0, "training a SentencePiece tokenizer of " + std::to_string(o.vocabSize) + " pieces"});
    trainSentencePiece({"--input=" + corpusFile, "--model_prefix=" + o.outDir + "/tokenizer", "--vocab_size=" + std::to_string(o.vocabSize),
                        "--model_type=bpe", "--character_coverage=1.0", "--byte_fallback=true", "--split_digits=true",
                        "--normalization_rule_name=identity", "--remove_extra_whitespaces=false", "--allow_whitespace_only_pieces=true",
                        "--unk_id=0", "--bos_id=1", "--eos_id=2", "--pad_id=-1", "--control_symbols=<|im_start|>,<|im_end|>",
                        "--input_sentence_size=2000000", "--shuffle_input_sentence=true", "--max_sentence_length=16384",
                        "--num_threads=" + std::to_string(std::max(1u, std::thread::hardware_concurrency()))});
    fs::remove(corpusFile);
    fs::remove(o.outDir + "/tokenizer.vocab");
    writeTokenizerFiles(o.outDir, o.seqLen);
    auto tokenizer = Tokenizer::load(o.outDir);

    // 2. The text as one stream of tokens, cut into blocks. Each document is BOS ... <|im_end|> EOS:
    // ending with the ChatML end-of-turn marker teaches the model that token, which every chat
    // fine-tune of it must predict at the end of each reply (untrained, its logit stays too small).
    report({"encoding", 0, 0, 0, 0, 0, "encoding " + std::to_string(docs.size()) + " documents"});
    const int32_t endOfTurn = tokenizer->tokenToId("<|im_end|>");
    if (endOfTurn < 0) throw Error(o.outDir + "/tokenizer.model: has no <|im_end|> piece");
    std::vector<int32_t> stream;
    for (const auto& d : docs) {
        const auto ids = tokenizer->encode(d, /*addSpecialTokens=*/true);
        stream.insert(stream.end(), ids.begin(), ids.end());
        stream.push_back(endOfTurn);
        stream.push_back(tokenizer->config().eosId);
        checkControl();
    }
    std::vector<TrainingSequence> blocks;
    for (size_t at = 0; at + size_t(o.seqLen) <= stream.size(); at += size_t(o.seqLen)) {
        TrainingSequence s;
        s.ids.assign(stream.begin() + long(at), stream.begin() + long(at) + o.seqLen);
        s.lossMask.assign(size_t(o.seqLen), 1);
        blocks.push_back(std::move(s));
    }
    if (blocks.size() < size_t(o.batchSize))
        throw Error("text: " + std::to_string(stream.size()) + " tokens make fewer than one batch of " + std::to_string(o.batchSize) +
                        " x " + std::to_string(o.seqLen),
                    "give more text, or lower batch or seq");

    // 3. The model, every weight trained.
    LlamaConfig c;
    c.architecture = "LlamaForCausalLM";
    c.modelType = "llama";
    c.vocabSize = tokenizer->vocabSize();
    c.hiddenSize = o.hiddenSize;
    c.intermediateSize = o.intermediateSize;
    c.numLayers = o.layers;
    c.numHeads = o.heads;
    c.numKvHeads = o.kvHeads;
    c.headDim = o.hiddenSize / o.heads;
    c.maxPositions = std::max<int64_t>(o.seqLen, 2048);
    c.rmsNormEps = 1e-5;
    c.tieWordEmbeddings = true;
    c.bosTokenId = tokenizer->config().bosId;
    c.eosTokenIds = {tokenizer->config().eosId, endOfTurn}; // a document ends with both
    c.torchDtype = "float32";
    c.validate("pretrain");
    const torch::Device device = parseDevice(o.device);
    CausalLM model(c, torch::TensorOptions().dtype(torch::kFloat32).device(device));
    // Tied embeddings start at 0.1 rather than 0.02: a short pre-training leaves rare tokens near
    // their initial length, and at 0.02 the head could never give them a confident logit, which a
    // later fine-tune then cannot fix (LoRA leaves embeddings and head alone).
    initRandomWeights(model, o.seed, 0.02, 0.1);
    model->train();
    std::vector<std::pair<std::string, torch::Tensor>> params;
    for (auto& p : model->named_parameters()) {
        p.value().set_requires_grad(true);
        params.emplace_back(p.key(), p.value());
    }
    AdamWOptions adam;
    adam.beta2 = 0.95;
    adam.weightDecay = o.weightDecay;
    // As usual for language models: no decay on embeddings and norm gains (rare tokens' embeddings
    // get few updates, and decay would pull them towards zero between those).
    adam.decays = [](const std::string& name) {
        return name.find("norm") == std::string::npos && name.find("embed_tokens") == std::string::npos;
    };
    AdamW optimizer(params, adam);
    TrainSettings schedule;
    schedule.lr = o.lr;
    schedule.schedule = Schedule::Cosine;
    schedule.warmupSteps = o.warmupSteps;
    schedule.minLrRatio = o.minLrRatio;

    std::mt19937_64 rng(o.seed);
    torch::manual_seed(o.seed);
    int64_t total = o.maxSteps > 0 ? o.maxSteps : 1000000;
    const double budget = o.maxMinutes * 60.0;
    const double trainStart = elapsed();
    PretrainResult result;
    double smoothed = 0;
    for (int64_t step = 0; step < total; ++step) {
        checkControl();
        MicroBatch batch;
        for (int64_t b = 0; b < o.batchSize; ++b) batch.rows.push_back({int32_t(rng() % blocks.size())});
        const BatchTensors t = collateBatch(batch, blocks, device);
        torch::Tensor loss = summedNll(*model, t) / double(t.targetCount());
        loss.backward();
        clipGradients(params, gradNorm(params), 1.0);
        optimizer.step(learningRate(schedule, step, total), nonFinite(loss.detach()));
        optimizer.zeroGrad();
        const double value = loss.item<double>();
        if (!std::isfinite(value)) throw Error(format("the loss became %g at step %lld", value, (long long)step), "lower lr");
        smoothed = step == 0 ? value : 0.95 * smoothed + 0.05 * value;
        // With a time budget, the schedule's length comes from the measured speed of the first steps.
        const double trained = elapsed() - trainStart;
        // Measured again as the first steps' start-up costs fade; each is early enough that the
        // cosine schedule hardly changes.
        if (o.maxSteps == 0 && (step == 4 || step == 19 || step == 49 || step == 99))
            total = std::max<int64_t>(step + 10, int64_t(budget / (trained / double(step + 1))));
        if (o.maxMinutes > 0 && trained > budget && step >= 4) total = step + 1;
        result.steps = step + 1;
        result.finalLoss = smoothed;
        if (step % 5 == 0 || step + 1 == total)
            report({"training", step + 1, o.maxSteps > 0 || step >= 4 ? total : 0, smoothed,
                    double((step + 1) * o.batchSize * o.seqLen) / std::max(1e-9, trained), 0, ""});
    }

    // 4. A model folder like any other.
    report({"saving", result.steps, total, smoothed, 0, 0, "writing " + o.outDir});
    model->eval();
    for (auto& [name, p] : params) p.set_requires_grad(false);
    saveModel(o.outDir, model, c.eosTokenIds);
    result.corpusTokens = int64_t(stream.size());
    result.parameters = c.parameterCount();
    result.seconds = elapsed();
    const json info = {{"text_files", o.textFiles},
                       {"corpus_tokens", result.corpusTokens},
                       {"documents", docs.size()},
                       {"steps", result.steps},
                       {"batch", o.batchSize},
                       {"seq", o.seqLen},
                       {"lr", o.lr},
                       {"final_loss", result.finalLoss},
                       {"seconds", result.seconds},
                       {"parameters", result.parameters},
                       {"seed", o.seed}};
    writeFileAtomic(o.outDir + "/pretrain.json", info.dump(2) + "\n");
    return result;
}

} // namespace ft
