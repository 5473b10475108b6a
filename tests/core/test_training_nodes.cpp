// The engine's own autograd nodes (LoRA linear, SwiGLU, RMSNorm, blockwise attention) compute what composed libtorch ops
// compute, forward and backward, in float32 and bfloat16, dropout included; and a whole model trained
// through them gets the gradients it gets through composed ops.
#include "lora/lora_adapter.h"
#include "model/attention_function.h"
#include "model/llama_model.h"
#include "model/lora_linear_function.h"
#include "model/rms_norm.h"
#include "model/swiglu_function.h"
#include "model/training_nodes.h"
#include "tiny_lora_model.h"
#include "train/batch_plan.h"
#include "train/train_batch.h"
#include "train/training_data.h"

#include <QtTest>
#include <cmath>
#include <limits>
#include <torch/csrc/autograd/function.h>

using namespace ft;

namespace {

// Tolerances: float32 results may differ in summation order only; bfloat16 ones (values of order 1
// here) by a rounding or two (bf16's spacing is 2^-7 relative).
bool close(const torch::Tensor& a, const torch::Tensor& b, torch::ScalarType dtype) {
    const double rtol = dtype == torch::kFloat32 ? 1e-5 : 2e-2, atol = dtype == torch::kFloat32 ? 1e-6 : 3e-2;
    return torch::allclose(a.to(torch::kFloat32), b.to(torch::kFloat32), rtol, atol);
}

QString maxDiff(const torch::Tensor& a, const torch::Tensor& b) {
    return QString::number((a.to(torch::kFloat32) - b.to(torch::kFloat32)).abs().max().item<double>());
}

struct Grads {
    torch::Tensor out, x, a, b;
};

// The adapter as composed ops, the formula the node replaces.
Grads composedLora(const torch::Tensor& x0, const torch::Tensor& w, const torch::Tensor& bias, const torch::Tensor& a0,
                   const torch::Tensor& b0, double scaling, const torch::Tensor& mask, double keep, const torch::Tensor& upstream) {
    auto x = x0.clone().requires_grad_(true), a = a0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
    const auto y = torch::linear(x, w, bias);
    auto h = x.to(torch::kFloat32);
    if (mask.defined()) h = h * mask * (1.0 / keep);
    const auto delta = torch::linear(torch::linear(h, a), b) * scaling;
    const auto out = (y.to(torch::kFloat32) + delta.to(torch::kFloat32)).to(y.scalar_type());
    out.backward(upstream);
    return {out.detach(), x.grad(), a.grad(), b.grad()};
}

Grads nodeLora(const torch::Tensor& x0, const torch::Tensor& w, const torch::Tensor& bias, const torch::Tensor& a0, const torch::Tensor& b0,
               double scaling, const torch::Tensor& mask, double keep, const torch::Tensor& upstream) {
    auto x = x0.clone().requires_grad_(true), a = a0.clone().requires_grad_(true), b = b0.clone().requires_grad_(true);
    const auto out = loraLinear(x, w, bias, a, b, scaling, mask, keep);
    out.backward(upstream);
    return {out.detach(), x.grad(), a.grad(), b.grad()};
}

// Attention as composed ops (model/attention.cpp without a fused kernel), the formula the node replaces.
torch::Tensor composedAttention(const torch::Tensor& q, const torch::Tensor& k, const torch::Tensor& v, const torch::Tensor& mask) {
    const double scale = 1.0 / std::sqrt(double(q.size(-1)));
    auto scores = torch::matmul(q, k.transpose(2, 3)) * scale;
    auto allowed = mask.defined() ? mask : torch::ones({q.size(2), k.size(2)}, torch::kBool).tril(k.size(2) - q.size(2));
    scores = scores.masked_fill(allowed.logical_not(), -std::numeric_limits<float>::infinity());
    return torch::matmul(torch::softmax(scores, -1, torch::kFloat32).to(q.scalar_type()), v);
}

std::vector<TrainingSequence> someSequences() {
    std::vector<TrainingSequence> seqs(2);
    for (int i = 0; i < 2; ++i)
        for (int t = 0; t < 10 + 3 * i; ++t) {
            seqs[size_t(i)].ids.push_back((t * 7 + i * 13) % 97);
            seqs[size_t(i)].lossMask.push_back(t > 2 ? 1 : 0);
        }
    return seqs;
}

// Adapter gradients of one training batch through a tiny model of the given variant and dtype.
std::vector<torch::Tensor> adapterGradients(const std::string& variant, torch::ScalarType dtype, bool fused, double dropout,
                                            bool checkpointed) {
    setFusedTrainingNodes(fused);
    CausalLM model = test::tinyLoraModel(variant, dtype, dropout);
    model->train();
    torch::manual_seed(42);
    const auto seqs = someSequences();
    summedNll(*model, collateBatch(MicroBatch{{{0}, {1}}}, seqs, torch::kCPU), checkpointed).backward();
    std::vector<torch::Tensor> grads;
    for (auto& [n, t] : adapterTensors(model)) grads.push_back(t.grad().clone());
    setFusedTrainingNodes(true);
    return grads;
}

} // namespace

class TestTrainingNodes final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void cleanup() {
        setFusedTrainingNodes(true);
        setLoraInModelDtype(false);
    }

    void loraLinearEqualsComposedOps_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<double>("dropout");
        QTest::newRow("fp32") << int(torch::kFloat32) << false << 0.0;
        QTest::newRow("fp32, bias, dropout") << int(torch::kFloat32) << true << 0.25;
        QTest::newRow("bf16") << int(torch::kBFloat16) << false << 0.0;
        QTest::newRow("bf16, bias, dropout") << int(torch::kBFloat16) << true << 0.25;
    }

    void loraLinearEqualsComposedOps() {
        QFETCH(int, dtype);
        QFETCH(bool, withBias);
        QFETCH(double, dropout);
        const auto type = torch::ScalarType(dtype);
        torch::manual_seed(7);
        const int64_t in = 24, out = 20, r = 4;
        const auto x = torch::randn({2, 5, in}).to(type);
        const auto w = (torch::randn({out, in}) * 0.2).to(type);
        const auto bias = withBias ? torch::randn({out}).to(type) : torch::Tensor();
        const auto a = torch::randn({r, in}) * 0.2, b = torch::randn({out, r}) * 0.2;
        const auto upstream = torch::randn({2, 5, out}).to(type);
        const double keep = 1.0 - dropout;
        const auto mask = dropout > 0 ? loraKeepMask(x, keep) : torch::Tensor();
        if (mask.defined()) {
            QCOMPARE(mask.scalar_type(), torch::kBool);
            const double kept = mask.to(torch::kFloat32).mean().item<double>();
            QVERIFY2(kept > 0.6 && kept < 0.9, qPrintable(QString::number(kept)));
        }
        const Grads ref = composedLora(x, w, bias, a, b, 1.5, mask, keep, upstream);
        const Grads got = nodeLora(x, w, bias, a, b, 1.5, mask, keep, upstream);
        QCOMPARE(got.out.scalar_type(), type);
        QCOMPARE(got.x.scalar_type(), type);
        QCOMPARE(got.a.scalar_type(), torch::kFloat32);
        QVERIFY2(torch::equal(got.out, ref.out), qPrintable("output " + maxDiff(got.out, ref.out)));
        QVERIFY2(close(got.x, ref.x, type), qPrintable("input gradient " + maxDiff(got.x, ref.x)));
        QVERIFY2(close(got.a, ref.a, torch::kFloat32), qPrintable("A gradient " + maxDiff(got.a, ref.a)));
        QVERIFY2(close(got.b, ref.b, torch::kFloat32), qPrintable("B gradient " + maxDiff(got.b, ref.b)));
        // The node's gradients are really the adapter's: B starts at zero in PEFT's init, so A gets none.
        const Grads fresh = nodeLora(x, w, bias, a, torch::zeros_like(b), 1.5, mask, keep, upstream);
        QVERIFY(torch::equal(fresh.a, torch::zeros_like(a)));
        QVERIFY(fresh.b.abs().sum().item<double>() > 0);
    }

    // The adapter multiplied in the model's dtype (loraInModelDtype): within bfloat16 rounding of the
    // float32 formula PEFT uses, gradients of A and B still float32, and still the adapter's own.
    void loraInModelDtypeWithinBf16Noise_data() {
        QTest::addColumn<bool>("withBias");
        QTest::addColumn<double>("dropout");
        QTest::newRow("plain") << false << 0.0;
        QTest::newRow("bias, dropout") << true << 0.25;
    }

    void loraInModelDtypeWithinBf16Noise() {
        QFETCH(bool, withBias);
        QFETCH(double, dropout);
        torch::manual_seed(11);
        const int64_t in = 48, out = 40, r = 8;
        const auto x = torch::randn({3, 7, in}).to(torch::kBFloat16);
        const auto w = (torch::randn({out, in}) * 0.2).to(torch::kBFloat16);
        const auto bias = withBias ? torch::randn({out}).to(torch::kBFloat16) : torch::Tensor();
        const auto a = torch::randn({r, in}) * 0.2, b = torch::randn({out, r}) * 0.2;
        const auto upstream = torch::randn({3, 7, out}).to(torch::kBFloat16);
        const double keep = 1.0 - dropout;
        const auto mask = dropout > 0 ? loraKeepMask(x, keep) : torch::Tensor();
        const Grads ref = composedLora(x, w, bias, a, b, 2.0, mask, keep, upstream);
        setLoraInModelDtype(true);
        const Grads got = nodeLora(x, w, bias, a, b, 2.0, mask, keep, upstream);
        const Grads fresh = nodeLora(x, w, bias, a, torch::zeros_like(b), 2.0, mask, keep, upstream);
        setLoraInModelDtype(false);
        QCOMPARE(got.out.scalar_type(), torch::kBFloat16);
        QCOMPARE(got.x.scalar_type(), torch::kBFloat16);
        QCOMPARE(got.a.scalar_type(), torch::kFloat32);
        QCOMPARE(got.b.scalar_type(), torch::kFloat32);
        // Relative to each tensor's largest value: a few bfloat16 roundings (2^-8 each) at most.
        const auto relative = [](const torch::Tensor& t, const torch::Tensor& u) {
            return ((t.to(torch::kFloat32) - u.to(torch::kFloat32)).abs().max() / u.to(torch::kFloat32).abs().max()).item<double>();
        };
        QVERIFY2(relative(got.out, ref.out) < 2e-2, qPrintable("output " + maxDiff(got.out, ref.out)));
        QVERIFY2(relative(got.x, ref.x) < 2e-2, qPrintable("input gradient " + maxDiff(got.x, ref.x)));
        QVERIFY2(relative(got.a, ref.a) < 2e-2, qPrintable("A gradient " + maxDiff(got.a, ref.a)));
        QVERIFY2(relative(got.b, ref.b) < 2e-2, qPrintable("B gradient " + maxDiff(got.b, ref.b)));
        QVERIFY(relative(got.a, ref.a) > 0); // really the other path: it rounds differently
        QVERIFY(torch::equal(fresh.a, torch::zeros_like(a)));
        QVERIFY(fresh.b.abs().sum().item<double>() > 0);
    }

    void swiGluEqualsComposedOps() {
        for (auto type : {torch::kFloat32, torch::kBFloat16}) {
            torch::manual_seed(3);
            const auto g0 = torch::randn({3, 7, 16}).to(type) * 3, u0 = torch::randn({3, 7, 16}).to(type);
            const auto upstream = torch::randn({3, 7, 16}).to(type);
            auto g1 = g0.clone().requires_grad_(true), u1 = u0.clone().requires_grad_(true);
            const auto ref = torch::silu(g1) * u1;
            ref.backward(upstream);
            auto g2 = g0.clone().requires_grad_(true), u2 = u0.clone().requires_grad_(true);
            const auto got = swiGlu(g2, u2);
            got.backward(upstream);
            QVERIFY(got.grad_fn() && std::string(got.grad_fn()->name()).find("SwiGlu") != std::string::npos);
            QVERIFY(torch::equal(got.detach(), ref.detach()));
            QVERIFY2(torch::equal(g2.grad(), g1.grad()), qPrintable("gate gradient " + maxDiff(g2.grad(), g1.grad())));
            QVERIFY2(torch::equal(u2.grad(), u1.grad()), qPrintable("up gradient " + maxDiff(u2.grad(), u1.grad())));
            // Only the up input trains: the gate gets no gradient, up gets silu(gate) * upstream.
            auto u3 = u0.clone().requires_grad_(true);
            swiGlu(g0, u3).backward(upstream);
            QVERIFY(torch::equal(u3.grad(), u1.grad()));
        }
    }

    void rmsNormEqualsComposedOps() {
        for (auto type : {torch::kFloat32, torch::kBFloat16})
            for (bool weightTrains : {false, true}) {
                torch::manual_seed(11);
                RmsNorm norm(32, 1e-5, torch::TensorOptions().dtype(type));
                {
                    torch::NoGradGuard g;
                    norm->weight.copy_(1 + 0.3 * torch::randn({32}));
                }
                norm->weight.set_requires_grad(weightTrains);
                const auto x0 = (torch::randn({2, 6, 32}) * 2 + 0.5).to(type);
                const auto upstream = torch::randn({2, 6, 32}).to(type);
                auto x1 = x0.clone().requires_grad_(true);
                const auto x32 = x1.to(torch::kFloat32);
                const auto ref = norm->weight * (x32 * torch::rsqrt(x32.pow(2).mean(-1, true) + 1e-5)).to(type);
                ref.backward(upstream);
                const auto refW = weightTrains ? norm->weight.grad().clone() : torch::Tensor();
                if (weightTrains) norm->weight.mutable_grad().zero_();
                auto x2 = x0.clone().requires_grad_(true);
                const auto got = norm(x2);
                got.backward(upstream);
                const QString tag = QString("%1, weight %2: ").arg(type == torch::kFloat32 ? "fp32" : "bf16").arg(weightTrains);
                QVERIFY(got.grad_fn() && std::string(got.grad_fn()->name()).find("RmsNorm") != std::string::npos);
                QVERIFY(torch::equal(got.detach(), ref.detach()));
                QVERIFY2(close(x2.grad(), x1.grad(), type), qPrintable(tag + "input gradient " + maxDiff(x2.grad(), x1.grad())));
                if (weightTrains)
                    QVERIFY2(close(norm->weight.grad(), refW, type),
                             qPrintable(tag + "weight gradient " + maxDiff(norm->weight.grad(), refW)));
            }
    }

    // Blockwise attention equals composed attention, forward and backward, for any block size: plain
    // causal, a padded/packed mask, keys beyond the queries (a cache-shaped mask); float32 and bf16.
    void blockwiseAttentionEqualsComposedOps_data() {
        QTest::addColumn<int>("dtype");
        QTest::addColumn<QString>("maskKind");
        for (auto type : {torch::kFloat32, torch::kBFloat16})
            for (const char* kind : {"causal", "packed", "longer keys"})
                QTest::newRow(qPrintable(QString("%1 %2").arg(type == torch::kFloat32 ? "fp32" : "bf16", kind)))
                    << int(type) << QString(kind);
    }

    void blockwiseAttentionEqualsComposedOps() {
        QFETCH(int, dtype);
        QFETCH(QString, maskKind);
        const auto type = torch::ScalarType(dtype);
        torch::manual_seed(21);
        const int64_t B = 2, nh = 3, T = 11, hd = 8;
        const int64_t S = maskKind == "longer keys" ? T + 4 : T;
        const auto q0 = torch::randn({B, nh, T, hd}).to(type), k0 = torch::randn({B, nh, S, hd}).to(type);
        const auto v0 = torch::randn({B, nh, S, hd}).to(type), upstream = torch::randn({B, nh, T, hd}).to(type);
        torch::Tensor mask;
        if (maskKind == "packed") { // row 0: two examples (6 + 5 tokens); row 1: 8 tokens, then padding seeing itself
            auto seg = torch::tensor({0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 90, 91, 92}, torch::kInt64).view({B, T});
            mask = seg.unsqueeze(2).eq(seg.unsqueeze(1)).logical_and(torch::ones({T, T}, torch::kBool).tril()).unsqueeze(1);
        } else if (maskKind == "longer keys") { // 4 cached keys, the second one masked out (padding)
            mask = torch::ones({T, S}, torch::kBool).tril(S - T);
            mask.index_put_({torch::indexing::Slice(), 1}, false);
            mask = mask.view({1, 1, T, S});
        }
        auto q1 = q0.clone().requires_grad_(true), k1 = k0.clone().requires_grad_(true), v1 = v0.clone().requires_grad_(true);
        const auto ref = composedAttention(q1, k1, v1, mask);
        ref.backward(upstream);
        for (int64_t rows : {int64_t(1), int64_t(3), T, int64_t(0)}) {
            auto q = q0.clone().requires_grad_(true), k = k0.clone().requires_grad_(true), v = v0.clone().requires_grad_(true);
            const auto got = blockwiseAttention(q, k, v, mask, rows);
            got.backward(upstream);
            const QString tag = QString("block of %1 rows: ").arg(rows);
            QCOMPARE(got.scalar_type(), type);
            QVERIFY2(close(got.detach(), ref.detach(), type), qPrintable(tag + "output " + maxDiff(got.detach(), ref.detach())));
            QVERIFY2(close(q.grad(), q1.grad(), type), qPrintable(tag + "q gradient " + maxDiff(q.grad(), q1.grad())));
            QVERIFY2(close(k.grad(), k1.grad(), type), qPrintable(tag + "k gradient " + maxDiff(k.grad(), k1.grad())));
            QVERIFY2(close(v.grad(), v1.grad(), type), qPrintable(tag + "v gradient " + maxDiff(v.grad(), v1.grad())));
        }
    }

    // A whole model: the adapters' gradients through the nodes equal those through composed ops, for
    // each family (Qwen2 biases, GQA, MHA, Mistral's window), with dropout, with gradient
    // checkpointing, in bf16.
    void modelGradientsEqualComposedOps_data() {
        QTest::addColumn<QString>("variant");
        QTest::addColumn<int>("dtype");
        QTest::addColumn<double>("dropout");
        QTest::addColumn<bool>("checkpointed");
        QTest::newRow("llama-gqa fp32") << "llama-gqa" << int(torch::kFloat32) << 0.0 << false;
        QTest::newRow("qwen2 fp32 dropout") << "qwen2" << int(torch::kFloat32) << 0.2 << false;
        QTest::newRow("llama-mha fp32 dropout checkpointed") << "llama-mha" << int(torch::kFloat32) << 0.2 << true;
        QTest::newRow("llama-gqa bf16") << "llama-gqa" << int(torch::kBFloat16) << 0.0 << false;
        QTest::newRow("mistral fp32 (sliding-window mask)") << "mistral" << int(torch::kFloat32) << 0.0 << false;
    }

    void modelGradientsEqualComposedOps() {
        QFETCH(QString, variant);
        QFETCH(int, dtype);
        QFETCH(double, dropout);
        QFETCH(bool, checkpointed);
        const auto type = torch::ScalarType(dtype);
        const auto composed = adapterGradients(variant.toStdString(), type, false, dropout, checkpointed);
        const auto nodes = adapterGradients(variant.toStdString(), type, true, dropout, checkpointed);
        QCOMPARE(nodes.size(), composed.size());
        QVERIFY(!nodes.empty());
        for (size_t i = 0; i < nodes.size(); ++i) {
            QVERIFY2(nodes[i].abs().sum().item<double>() > 0, qPrintable(QString("gradient %1 is zero").arg(i)));
            // Relative to the gradient's own scale: summation order in float32, roundings in bf16.
            const double scale = composed[i].abs().max().item<double>();
            const double diff = (nodes[i] - composed[i]).abs().max().item<double>();
            const bool ok = diff <= (type == torch::kFloat32 ? 1e-5 : 3e-2) * scale;
            QVERIFY2(ok, qPrintable(QString("gradient %1 differs by %2 (scale %3)").arg(i).arg(maxDiff(nodes[i], composed[i])).arg(scale)));
        }
    }

    // The nodes are for training only: evaluation (no gradients) and the base model's outputs take the
    // composed path, and give the same logits as the training path.
    void trainingAndInferencePathsGiveTheSameLogits() {
        for (auto type : {torch::kFloat32, torch::kBFloat16}) {
            CausalLM model = test::tinyLoraModel("qwen2", type, 0.0, 2);
            model->eval();
            const auto ids = torch::tensor({{3, 14, 15, 92, 65, 35}}, torch::kInt64);
            torch::Tensor inference;
            {
                torch::NoGradGuard g;
                inference = model->forward(ids);
            }
            const auto training = model->forward(ids);
            QVERIFY(training.requires_grad());
            QVERIFY2(torch::equal(training.detach(), inference), qPrintable(maxDiff(training.detach(), inference)));
        }
    }
};

QTEST_GUILESS_MAIN(TestTrainingNodes)
#include "test_training_nodes.moc"
