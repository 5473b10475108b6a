// config.json parsing: families, defaults, both RoPE generations, and a named error per bad field.
#include "model/llama_config.h"
#include "model/rotary_embedding.h"
#include "util/error.h"
#include "torch_pch.h"

#include <QtTest>
#include <cmath>

using namespace ft;

namespace {
void expectConfigError(const std::string& json, const char* fragment) {
    try {
        LlamaConfig::fromJson(json, "cfg.json");
        QFAIL(qPrintable(QString("no error for %1").arg(json.c_str())));
    } catch (const Error& e) {
        QVERIFY2(std::string(e.what()).find(fragment) != std::string::npos, e.what());
        QVERIFY2(std::string(e.what()).find("cfg.json") != std::string::npos, "error must name the file");
    }
}
} // namespace

class TestLlamaConfig final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void parsesTinyLlamaShape() {
        const auto c = LlamaConfig::fromJson(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 2048,
            "intermediate_size": 5632, "num_hidden_layers": 22, "num_attention_heads": 32, "num_key_value_heads": 4,
            "rms_norm_eps": 1e-5, "vocab_size": 32000, "max_position_embeddings": 2048, "bos_token_id": 1,
            "eos_token_id": 2, "tie_word_embeddings": false, "torch_dtype": "bfloat16", "rope_scaling": null})",
                                             "cfg.json");
        QCOMPARE(c.headDim, int64_t(64));
        QCOMPARE(c.numKvHeads, int64_t(4));
        QCOMPARE(c.eosTokenIds, std::vector<int64_t>{2});
        QCOMPARE(c.parameterCount(), int64_t(1100048384)); // TinyLlama-1.1B's published count
    }

    void familyDefaultsAndLists() {
        const auto q = LlamaConfig::fromJson(R"({"model_type": "qwen2", "hidden_size": 64, "num_attention_heads": 4,
            "num_key_value_heads": 2, "num_hidden_layers": 1, "intermediate_size": 128, "eos_token_id": [5, 7]})",
                                             "cfg.json");
        QCOMPARE(q.architecture, std::string("Qwen2ForCausalLM"));
        QVERIFY(q.qkvBias);
        QVERIFY(!q.oBias);
        QCOMPARE(q.vocabSize, int64_t(151936));
        QCOMPARE(q.eosTokenIds, (std::vector<int64_t>{5, 7}));
        const auto m = LlamaConfig::fromJson(R"({"architectures": ["MistralForCausalLM"], "hidden_size": 64,
            "num_attention_heads": 16, "num_hidden_layers": 1, "sliding_window": null})",
                                             "cfg.json");
        QCOMPARE(m.numKvHeads, int64_t(8)); // MistralConfig's default
        QCOMPARE(m.slidingWindow, int64_t(0));
    }

    void ropeGenerations() {
        const auto v4 = LlamaConfig::fromJson(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
            "num_attention_heads": 4, "num_hidden_layers": 1, "rope_theta": 500000.0,
            "rope_scaling": {"rope_type": "llama3", "factor": 32.0, "low_freq_factor": 1.0, "high_freq_factor": 4.0,
            "original_max_position_embeddings": 8192}})",
                                              "cfg.json");
        QCOMPARE(int(v4.ropeScaling), int(RopeScaling::Llama3));
        QCOMPARE(v4.ropeFactor, 32.0);
        const auto v5 = LlamaConfig::fromJson(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
            "num_attention_heads": 4, "num_hidden_layers": 1, "rope_parameters": {"rope_type": "linear",
            "rope_theta": 20000.0, "factor": 4.0}})",
                                              "cfg.json");
        QCOMPARE(int(v5.ropeScaling), int(RopeScaling::Linear));
        QCOMPARE(v5.ropeTheta, 20000.0);
        const auto old = LlamaConfig::fromJson(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
            "num_attention_heads": 4, "num_hidden_layers": 1, "rope_scaling": {"type": "linear", "factor": 2.0}})",
                                               "cfg.json");
        QCOMPARE(int(old.ropeScaling), int(RopeScaling::Linear));
    }

    void inverseFrequenciesFollowTheFormulas() {
        LlamaConfig c;
        c.headDim = 8;
        c.ropeTheta = 10000;
        auto inv = ropeInverseFrequencies(c);
        for (int i = 0; i < 4; ++i) QVERIFY(std::abs(inv[i].item<double>() - std::pow(10000.0, -2.0 * i / 8)) < 1e-7);
        c.ropeScaling = RopeScaling::Linear;
        c.ropeFactor = 4;
        auto lin = ropeInverseFrequencies(c);
        QVERIFY(torch::allclose(lin, inv / 4));
        // llama3: high frequencies unchanged, low ones divided by factor, the middle band blended.
        c.headDim = 128;
        c.ropeTheta = 500000;
        c.ropeScaling = RopeScaling::None;
        const auto base = ropeInverseFrequencies(c);
        c.ropeScaling = RopeScaling::Llama3;
        c.ropeFactor = 8;
        c.ropeOriginalMaxPositions = 8192;
        const auto l3 = ropeInverseFrequencies(c);
        QCOMPARE(l3[0].item<float>(), base[0].item<float>());
        QVERIFY(std::abs(l3[63].item<double>() - base[63].item<double>() / 8) < 1e-12);
        int blended = 0;
        for (int i = 0; i < 64; ++i) {
            const double r = l3[i].item<double>() / base[i].item<double>();
            if (r < 0.999 && r > 0.126) ++blended;
        }
        QVERIFY(blended > 0);
    }

    void namedErrors() {
        expectConfigError("{not json", "not valid JSON");
        expectConfigError(R"({"architectures": ["GPT2LMHeadModel"]})", "architecture \"GPT2LMHeadModel\" is not supported");
        expectConfigError(R"({"model_type": "phi"})", "is not supported");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": "big"})", "\"hidden_size\" must be an integer");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64, "num_attention_heads": 4,
            "num_key_value_heads": 3})",
                          "multiple of num_key_value_heads");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "rope_scaling": {"rope_type": "yarn", "factor": 4}})",
                          "rope_scaling type \"yarn\" is not supported");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "hidden_act": "gelu"})", "hidden_act \"gelu\"");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "num_hidden_layers": 0})", "\"num_hidden_layers\" must be positive");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "vocab_size": 10, "eos_token_id": 12})", "outside the vocabulary");
        expectConfigError(R"({"architectures": ["Qwen2ForCausalLM"], "use_sliding_window": true})", "use_sliding_window");
        expectConfigError(R"({"architectures": ["LlamaForCausalLM"], "rms_norm_eps": -1})", "rms_norm_eps");
    }

    void toJsonRoundTrips() {
        LlamaConfig c = LlamaConfig::fromJson(R"({"architectures": ["LlamaForCausalLM"], "hidden_size": 64,
            "num_attention_heads": 4, "num_key_value_heads": 2, "head_dim": 32, "num_hidden_layers": 3,
            "intermediate_size": 96, "vocab_size": 300, "attention_bias": true, "tie_word_embeddings": true,
            "eos_token_id": [2, 3], "rope_scaling": {"rope_type": "llama3", "factor": 8.0, "low_freq_factor": 1.0,
            "high_freq_factor": 4.0, "original_max_position_embeddings": 8192}})",
                                              "cfg.json");
        const LlamaConfig d = LlamaConfig::fromJson(c.toJson(), "roundtrip");
        QCOMPARE(d.headDim, int64_t(32));
        QVERIFY(d.qkvBias && d.oBias && d.tieWordEmbeddings);
        QCOMPARE(d.eosTokenIds, (std::vector<int64_t>{2, 3}));
        QCOMPARE(int(d.ropeScaling), int(RopeScaling::Llama3));
        QCOMPARE(d.parameterCount(), c.parameterCount());
    }
};

QTEST_APPLESS_MAIN(TestLlamaConfig)
#include "test_llama_config.moc"
