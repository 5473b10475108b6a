// `finetune train` and `finetune export` end to end on a tiny chat model: a JSON run configuration
// with relative paths, JSON-lines progress, --print-defaults, named configuration errors, resume,
// PEFT and merged exports (with the run's chat template) that score as the adapter does.
#include "cli_runner.h"
#include "gguf/gguf_reader.h"
#include "io/atomic_file.h"
#include "io/json_file.h"
#include "model/model_loader.h"
#include "tiny_model.h"
#include "train/run_folder.h"

#include <QDir>
#include <QFileInfo>
#include <QProcess>

#include <QtTest>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "torch_pch.h"

using namespace ft;
using json = nlohmann::json;
using test::runCli;

namespace {

std::vector<json> jsonLines(const std::string& text) {
    std::vector<json> out;
    std::istringstream in(text);
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(json::parse(line));
    return out;
}

QString q(const std::string& s) {
    return QString::fromStdString(s);
}

// Lines (examples) in a file of the demo task, resources/demo/orders-SPLIT.jsonl.
int demoExamples(const std::string& split) {
    std::ifstream in(std::string(FT_SOURCE_DIR) + "/resources/demo/orders-" + split + ".jsonl");
    int n = 0;
    for (std::string line; std::getline(in, line);) n += !line.empty();
    return n;
}

} // namespace

class TestCliTrain final : public QObject {
    Q_OBJECT

private:
    std::string m_dir;

private Q_SLOTS:
    void initTestCase() {
        m_dir = test::makeTempDir("clitrain");
        test::writeTinyChatModel(m_dir + "/model", 3);
        std::string train, valid;
        for (int i = 0; i < 6; ++i) {
            train +=
                json{{"instruction", "Say number " + std::to_string(i)}, {"input", ""}, {"output", "Number " + std::to_string(i) + "!"}}
                    .dump() +
                "\n";
            valid += json{{"instruction", "Please say number " + std::to_string(i)},
                          {"input", ""},
                          {"output", "Number " + std::to_string(i) + "!"}}
                         .dump() +
                     "\n";
        }
        train += "{\"instruction\": broken\n"; // one bad line: reported and skipped
        writeFileAtomic(m_dir + "/train.jsonl", train);
        writeFileAtomic(m_dir + "/valid.jsonl", valid);
    }

    void printDefaultsIsAValidConfig() {
        const auto r = runCli({"train", "--print-defaults"});
        QCOMPARE(r.exitCode, 0);
        const json j = json::parse(r.out);
        for (const char* key : {"model", "data", "output_dir", "lora", "train", "device", "dtype"}) QVERIFY2(j.contains(key), key);
        for (const char* key : {"lr", "schedule", "warmup_steps", "max_steps", "epochs", "batch_size", "grad_accum", "max_seq_len", "seed",
                                "eval_every", "save_every"})
            QVERIFY2(j["train"].contains(key), key);
    }

    // --preset: the studio's presets from the command line, under the file's own settings.
    void presetsUnderTheFilesSettings() {
        const auto printed = runCli({"train", "--print-defaults", "--preset", "thorough"});
        QCOMPARE(printed.exitCode, 0);
        const json thorough = json::parse(printed.out);
        QCOMPARE(thorough["lora"]["r"].get<int>(), 32);
        QCOMPARE(thorough["train"]["early_stopping_patience"].get<int>(), 3);
        const json config = {{"model", "model"},
                             {"data", {{"train", "train.jsonl"}}},
                             {"output_dir", "runs/preset"},
                             {"train", {{"max_steps", 2}, {"max_seq_len", 96}}},
                             {"device", "cpu"}};
        writeFileAtomic(m_dir + "/preset.json", config.dump(2));
        const auto r = runCli({"train", q(m_dir + "/preset.json"), "--preset", "quick-test", "--json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto events = jsonLines(r.out);
        int steps = 0;
        for (const auto& e : events) steps += e["event"] == "step";
        QCOMPARE(steps, 2); // the file's max_steps, not the preset's 30
        const json run = json::parse(readFile(m_dir + "/runs/preset/run.json"));
        QCOMPARE(run["config"]["lora"]["r"].get<int>(), 8); // the preset's
        QCOMPARE(run["config"]["train"]["batch_size"].get<int>(), 2);
        const auto unknown = runCli({"train", q(m_dir + "/preset.json"), "--preset", "fast"});
        QCOMPARE(unknown.exitCode, 1);
        QVERIFY2(unknown.err.find("quick-test, balanced, thorough") != std::string::npos, unknown.err.c_str());
    }

    void trainExportAndScore() {
        const json config = {{"model", "model"},
                             {"data", {{"train", "train.jsonl"}, {"validation", "valid.jsonl"}}},
                             {"output_dir", "runs/first"},
                             {"lora", {{"r", 8}, {"alpha", 16}, {"dropout", 0.0}, {"targets", "all"}}},
                             {"train",
                              {{"lr", 0.01},
                               {"max_steps", 12},
                               {"batch_size", 2},
                               {"max_seq_len", 96},
                               {"eval_every", 6},
                               {"save_every", 6},
                               {"warmup_steps", 2}}},
                             {"device", "cpu"}};
        writeFileAtomic(m_dir + "/run.json", config.dump(2));
        const auto r = runCli({"train", q(m_dir + "/run.json"), "--json"});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        const auto events = jsonLines(r.out);
        int steps = 0, evals = 0;
        for (const auto& e : events) {
            steps += e["event"] == "step";
            evals += e["event"] == "eval";
        }
        QCOMPARE(steps, 12);
        QCOMPARE(evals, 2);
        QCOMPARE(events.back()["event"].get<std::string>(), std::string("finished"));
        const std::string run = m_dir + "/runs/first";
        QVERIFY(fileExists(run + "/adapter/adapter_model.safetensors"));
        QVERIFY(fileExists(run + "/data/rejects-train.jsonl")); // the broken line, kept for the user
        bool reported = false;
        for (const auto& e : events)
            if (e["event"] == "log" && e["message"].get<std::string>().find("1 skipped") != std::string::npos) reported = true;
        QVERIFY2(reported, "the skipped line should be reported");

        // A second start into the same folder is refused; resuming a finished run is harmless.
        const auto again = runCli({"train", q(m_dir + "/run.json")});
        QCOMPARE(again.exitCode, 1);
        QVERIFY2(again.err.find("already holds a run") != std::string::npos, again.err.c_str());
        QCOMPARE(runCli({"train", "--resume", q(run), "--json"}).exitCode, 0);

        // Exports.
        const auto peft = runCli({"export", "--run", q(run), "--format", "peft", "--out", q(m_dir + "/peft")});
        QVERIFY2(peft.exitCode == 0, peft.err.c_str());
        for (const char* f : {"adapter_config.json", "adapter_model.safetensors", "tokenizer.json", "tokenizer_config.json"})
            QVERIFY2(fileExists(m_dir + "/peft/" + f), f);
        QVERIFY(readJsonFile(m_dir + "/peft/tokenizer_config.json")["chat_template"].get<std::string>().find("im_start") !=
                std::string::npos);
        const auto merged = runCli({"export", "--run", q(run), "--format", "merged", "--dtype", "fp32", "--out", q(m_dir + "/merged")});
        QVERIFY2(merged.exitCode == 0, merged.err.c_str());
        const auto gguf = runCli({"export", "--run", q(run), "--format", "gguf", "--type", "f32"});
        QVERIFY2(gguf.exitCode == 0, gguf.err.c_str());
        QCOMPARE(json::parse(gguf.out)["out"].get<std::string>(), run + "/export/model-f32.gguf");
        {
            const gguf::File file(run + "/export/model-f32.gguf"); // the merged weights, the run's template
            LoadedModel m = loadModel(m_dir + "/merged");
            const auto v = file.tensorValues("blk.1.attn_v.weight");
            const auto w = m.model->named_parameters()["model.layers.1.self_attn.v_proj.weight"].contiguous();
            QVERIFY(std::equal(v.begin(), v.end(), w.data_ptr<float>()));
            QVERIFY(file.getString("tokenizer.chat_template").find("im_start") != std::string::npos);
        }
        const auto best = runCli({"export", "--run", q(run), "--adapter", "best", "--out", q(m_dir + "/best")});
        QVERIFY2(best.exitCode == 0, best.err.c_str());
        const auto missing = runCli({"export", "--run", q(run), "--adapter", "step-00000099", "--out", q(m_dir + "/x")});
        QCOMPARE(missing.exitCode, 1);
        QVERIFY2(missing.err.find("step-00000006") != std::string::npos, missing.err.c_str()); // lists what exists

        // The exported adapter scores exactly as the run's; the merged model within float error.
        const std::string input =
            "{\"text\": \"<|im_start|>user\\nSay number 3<|im_end|>\\n<|im_start|>assistant\\nNumber 3!<|im_end|>\\n\"}\n";
        const auto a = runCli({"score", "--model", q(m_dir + "/model"), "--adapter", q(run + "/adapter")}, input);
        const auto b = runCli({"score", "--model", q(m_dir + "/model"), "--adapter", q(m_dir + "/peft")}, input);
        const auto c = runCli({"score", "--model", q(m_dir + "/merged")}, input);
        const auto base = runCli({"score", "--model", q(m_dir + "/model")}, input);
        QVERIFY2(a.exitCode == 0 && b.exitCode == 0 && c.exitCode == 0, (a.err + b.err + c.err).c_str());
        QCOMPARE(a.out, b.out);
        const auto la = json::parse(a.out)["logprobs"], lc = json::parse(c.out)["logprobs"];
        double worst = 0;
        for (size_t i = 0; i < la.size(); ++i) worst = std::max(worst, std::abs(la[i].get<double>() - lc[i].get<double>()));
        QVERIFY2(worst < 1e-4, qPrintable(QString::number(worst)));
        QVERIFY2(json::parse(a.out)["nll"].get<double>() < json::parse(base.out)["nll"].get<double>(), "training should have helped");
    }

    // SIGTERM / Ctrl-C: the current step ends, a checkpoint and the adapter are written, exit 0.
    void interruptStopsCleanly() {
        const json config = {{"model", "model"},
                             {"data", {{"train", "train.jsonl"}}},
                             {"output_dir", "runs/interrupted"},
                             {"train", {{"max_steps", 1000000}, {"batch_size", 2}, {"max_seq_len", 96}, {"save_every", 0}}},
                             {"device", "cpu"}};
        writeFileAtomic(m_dir + "/long-run.json", config.dump());
        QProcess p;
        p.start(q(test::cliPath()), {"train", q(m_dir + "/long-run.json"), "--json"});
        QVERIFY(p.waitForStarted());
        std::string out;
        for (int i = 0; i < 600 && out.find("\"event\":\"step\"") == std::string::npos; ++i) {
            p.waitForReadyRead(100);
            out += p.readAllStandardOutput().toStdString();
        }
        QVERIFY2(out.find("\"event\":\"step\"") != std::string::npos, out.c_str());
        p.terminate();
        QVERIFY(p.waitForFinished(60000));
        out += p.readAllStandardOutput().toStdString();
        QCOMPARE(p.exitCode(), 0);
        const auto events = jsonLines(out);
        QCOMPARE(events.back()["event"].get<std::string>(), std::string("finished"));
        QCOMPARE(events.back()["status"].get<std::string>(), std::string("stopped"));
        QVERIFY(fileExists(m_dir + "/runs/interrupted/adapter/adapter_model.safetensors"));
        QCOMPARE(readJsonFile(m_dir + "/runs/interrupted/run.json")["status"].get<std::string>(), std::string("stopped"));
    }

    // The address space `finetune` needs to start, to 100 MB (KiB, as ulimit -v takes it): a CUDA
    // build maps its GPU libraries, several GB, before it does anything.
    static long startupAddressSpaceKiB() {
        long lo = 100000, hi = 16000000; // fails at lo, starts at hi
        while (hi - lo > 100000) {
            const long mid = (lo + hi) / 2;
            QProcess p;
            p.start("bash", {"-c", q("ulimit -v " + std::to_string(mid) + "; exec \"" + test::cliPath() + "\" info")});
            p.waitForFinished(60000);
            (p.exitCode() == 0 ? hi : lo) = mid;
        }
        return hi;
    }

    // Out of memory (here: an address-space limit on the CPU) is a failure with the numbers and what
    // to lower, not a crash. 64 x 4096 tokens: the activations alone (no attention probabilities are
    // kept, model/attention_function.h) need more than the limit leaves: 2 GB above what starting takes.
    void outOfMemoryIsReported() {
        std::string text;
        for (int doc = 0; doc < 64; ++doc) {
            for (int w = 0; w < 800; ++w) text += (w % (3 + doc) ? "word " : "other "); // distinct documents (no duplicates)
            text += "\n\n";
        }
        writeFileAtomic(m_dir + "/long.txt", text);
        writeFileAtomic(m_dir + "/oom.json", R"({"model": "model", "data": {"train": "long.txt"}, "output_dir": "runs/oom", "device": "cpu",
            "train": {"batch_size": 64, "max_seq_len": 4096, "max_steps": 2, "loss_on": "text"}})");
        QProcess p;
        const long limit = startupAddressSpaceKiB() + 2000000;
        p.start("bash",
                {"-c", q("ulimit -v " + std::to_string(limit) + "; exec \"" + test::cliPath() + "\" train \"" + m_dir + "/oom.json\"")});
        QVERIFY(p.waitForFinished(120000));
        const std::string err = p.readAllStandardError().toStdString();
        QCOMPARE(p.exitCode(), 1);
        QVERIFY2(err.find("out of memory on cpu at step 1 (batch_size 64, max_seq_len 4096") != std::string::npos, err.c_str());
        QVERIFY2(err.find("hint: lower train.batch_size") != std::string::npos, err.c_str());
        QVERIFY2(err.find("frame #") == std::string::npos, err.c_str());
        const auto metrics = readMetrics(m_dir + "/runs/oom/metrics.jsonl");
        QVERIFY(metrics.back().is<RunFailed>());
    }

    void configErrorsNameTheKey() {
        writeFileAtomic(m_dir + "/bad.json", R"({"model": "model", "data": {"train": "train.jsonl"}, "output_dir": "runs/bad",
                                                "train": {"batch_sise": 4}})");
        auto r = runCli({"train", q(m_dir + "/bad.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("train.batch_sise") != std::string::npos, r.err.c_str());
        QVERIFY2(r.err.find("bad.json") != std::string::npos, r.err.c_str());
        QVERIFY(!std::filesystem::exists(m_dir + "/runs/bad")); // nothing created for a rejected config
        writeFileAtomic(m_dir + "/bad2.json", R"({"model": "model", "data": {"train": "train.jsonl"}, "output_dir": "runs/bad",
                                                 "train": {"grad_accum": 0}})");
        r = runCli({"train", q(m_dir + "/bad2.json")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("train.grad_accum must be at least 1") != std::string::npos, r.err.c_str());
        r = runCli({"train", "--resume", q(m_dir + "/nowhere")});
        QCOMPARE(r.exitCode, 1);
        QVERIFY2(r.err.find("not a run folder") != std::string::npos, r.err.c_str());
        // A file that is not JSON: named once, with the line of the fault.
        writeFileAtomic(m_dir + "/broken.json", "{\"model\": \"model\",\n  \"train\": {,}}\n");
        r = runCli({"train", q(m_dir + "/broken.json")});
        QCOMPARE(r.exitCode, 1);
        const auto first = r.err.find("broken.json");
        QVERIFY2(first != std::string::npos && r.err.find("broken.json", first + 1) == std::string::npos, r.err.c_str());
    }

    // `finetune COMMAND --help` and `finetune help COMMAND`: that command's usage, exit 0.
    void commandHelp() {
        for (const QStringList& args : {QStringList{"train", "--help"}, QStringList{"help", "train"}, QStringList{"train", "-h"}}) {
            const auto r = runCli(args);
            QCOMPARE(r.exitCode, 0);
            QVERIFY2(r.out.find("usage: finetune train") != std::string::npos, r.out.c_str());
            QVERIFY2(r.out.find("--resume RUN_DIR") != std::string::npos, r.out.c_str());
            QVERIFY2(r.out.find("pretrain") == std::string::npos, r.out.c_str()); // that command's lines only
        }
        const auto bench = runCli({"bench", "--help"}); // three forms of bench, all shown
        QVERIFY2(bench.out.find("--tokenizer DIR") != std::string::npos && bench.out.find("--cuda-graph") != std::string::npos,
                 bench.out.c_str());
        QCOMPARE(runCli({"nonsense", "--help"}).exitCode, 2);
        QVERIFY(runCli({"help"}).out.find("commands:") != std::string::npos);
    }

    // finetune demo: the demo workspace with its three splits and a run configuration that
    // `finetune train` takes; a second call changes nothing; a workspace of an earlier demo version
    // is moved aside whole, not changed, and a new one made; a folder holding other files is refused.
    void demoCommandMakesAWorkspace() {
        // FT_RESOURCES_DIR comes before the source tree: here the tiny model stands in for the starter.
        const std::string resources = m_dir + "/resources", demo = m_dir + "/demo";
        std::filesystem::create_directories(resources);
        std::filesystem::create_directory_symlink(m_dir + "/model", resources + "/starter");
        std::filesystem::create_directory_symlink(std::string(FT_SOURCE_DIR) + "/resources/demo", resources + "/demo");
        qputenv("FT_RESOURCES_DIR", QByteArray::fromStdString(resources));
        const auto splits = [&] {
            const auto r = runCli({"data", "stats", "--workspace", q(demo), "--dataset", "orders"});
            return r.exitCode == 0 ? json::parse(r.out).value("splits", json::object()) : json{{"error", r.err}};
        };
        const json expected = {{"train", demoExamples("train")},
                               {"validation", demoExamples("validation")},
                               {"test", demoExamples("test")},
                               {"unassigned", 0}};
        QVERIFY(expected["train"].get<int>() > 0);
        auto made = runCli({"demo", "--dir", q(demo), "--json"});
        QVERIFY2(made.exitCode == 0, made.err.c_str());
        QCOMPARE(json::parse(made.out)["created"].get<bool>(), true);
        QCOMPARE(splits(), expected);
        made = runCli({"demo", "--dir", q(demo), "--json"});
        QCOMPARE(json::parse(made.out)["created"].get<bool>(), false);
        QCOMPARE(splits(), expected);
        QVERIFY(!std::filesystem::exists(demo + ".partial"));

        // The configuration names the starter and trains (two steps here, on the tiny model).
        json config = readJsonFile(demo + "/orders-run.json");
        QCOMPARE(config["model"].get<std::string>(), std::filesystem::canonical(m_dir + "/model").string());
        config["train"]["max_steps"] = 2;
        config["train"]["eval_every"] = 2;
        config["train"]["max_seq_len"] = 512; // the tiny model's tokenizer spends a token per byte
        config["device"] = "cpu";
        writeFileAtomic(demo + "/short-run.json", config.dump(2));
        const auto r = runCli({"train", q(demo + "/short-run.json")});
        QVERIFY2(r.exitCode == 0, r.err.c_str());
        QVERIFY(fileExists(demo + "/runs/orders-lora/adapter/adapter_model.safetensors"));

        writeFileAtomic(demo + "/.demo-version", "orders-1\n");
        made = runCli({"demo", "--dir", q(demo), "--json"});
        QVERIFY2(made.exitCode == 0, made.err.c_str());
        const std::string aside = json::parse(made.out)["moved_aside"].get<std::string>();
        QCOMPARE(splits(), expected);
        QVERIFY(!std::filesystem::exists(demo + "/runs"));
        QVERIFY(fileExists(aside + "/runs/orders-lora/adapter/adapter_model.safetensors"));
        QCOMPARE(readFile(aside + "/.demo-version"), std::string("orders-1\n"));

        std::filesystem::create_directories(m_dir + "/busy");
        writeFileAtomic(m_dir + "/busy/notes.txt", "mine");
        const auto refused = runCli({"demo", "--dir", q(m_dir + "/busy")});
        QCOMPARE(refused.exitCode, 1);
        QVERIFY2(refused.err.find(m_dir + "/busy holds files but no demo workspace") != std::string::npos, refused.err.c_str());
        QCOMPARE(readFile(m_dir + "/busy/notes.txt"), std::string("mine"));
        qunsetenv("FT_RESOURCES_DIR");
    }
};

QTEST_GUILESS_MAIN(TestCliTrain)
#include "test_cli_train.moc"
