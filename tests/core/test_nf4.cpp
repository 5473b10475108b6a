// NF4 on its own (bit-for-bit agreement with bitsandbytes: tests/reference/test_ref_nf4.py): the
// tables, the packing order, the error bound of a round trip, the storage size, bad block sizes.
#include "quant/nf4.h"
#include "util/error.h"

#include <QtTest>

using namespace ft;

class TestNf4 : public QObject {
    Q_OBJECT
private Q_SLOTS:
    void tables() {
        const auto levels = nf4Levels();
        QCOMPARE(levels.numel(), int64_t(16));
        QCOMPARE(levels[0].item<float>(), -1.0f);
        QCOMPARE(levels[7].item<float>(), 0.0f);
        QCOMPARE(levels[15].item<float>(), 1.0f);
        const auto map = signedDynamicMap();
        QCOMPARE(map.numel(), int64_t(256));
        QVERIFY((map.slice(0, 1) > map.slice(0, 0, -1)).all().item<bool>()); // strictly ascending
        QCOMPARE(map[255].item<float>(), 1.0f);
        QVERIFY(std::abs(map[0].item<float>() + 0.99296875f) < 1e-6f);
        QVERIFY((map == 0).any().item<bool>());
    }

    // Values at exact levels come back exactly; the first value of a pair is the high nibble.
    void packingAndExactLevels() {
        const auto levels = nf4Levels();
        const auto w = torch::stack({levels, levels.flip(0)}).repeat({1, 2}); // [2, 32]: one block of 64
        const Nf4Tensor q = quantizeNf4(w, 64, /*doubleQuant=*/false);
        QCOMPARE(q.packed.numel(), int64_t(32));
        QCOMPARE(int(q.packed[0].item<uint8_t>()), 0x01);  // levels 0 and 1
        QCOMPARE(int(q.packed[16].item<uint8_t>()), 0xfe); // the flipped row starts at level 15, then 14
        QVERIFY(torch::equal(dequantizeNf4(q), w));
    }

    // Without double quantization every value lies within half the widest gap between levels (0.16)
    // of its block's absmax; double quantization (absmax itself in 8 bits) costs little on the whole.
    void roundTripErrorIsBounded() {
        torch::manual_seed(3);
        for (const auto dtype : {torch::kFloat32, torch::kBFloat16}) {
            const auto w = (torch::randn({96, 130}) * torch::rand({96, 1}) * 0.1).to(dtype); // a partial last block
            const auto flat = w.to(torch::kFloat32).reshape({-1});
            const int64_t n = flat.numel();
            double relative[2] = {0, 0};
            for (const bool dq : {false, true}) {
                const Nf4Tensor q = quantizeNf4(w, 64, dq);
                const auto back = dequantizeNf4(q);
                QCOMPARE(back.scalar_type(), dtype);
                QCOMPARE(back.sizes(), w.sizes());
                const auto err = back.to(torch::kFloat32).reshape({-1}) - flat;
                relative[dq] = (err.norm() / flat.norm()).item<double>();
                if (dq) continue;
                double worst = 0;
                for (int64_t s = 0; s < n; s += 64) {
                    const int64_t e = std::min(n, s + 64);
                    worst = std::max(worst, err.slice(0, s, e).abs().max().item<double>() / flat.slice(0, s, e).abs().max().item<double>());
                }
                QVERIFY2(worst < 0.165, qPrintable(QString::number(worst)));
            }
            qInfo("%s: relative error %.4f, with double quantization %.4f", dtype == torch::kFloat32 ? "fp32" : "bf16", relative[0],
                  relative[1]);
            QVERIFY(relative[0] < 0.12);
            QVERIFY(relative[1] < 1.05 * relative[0] + 0.005);
        }
    }

    void sizeAndErrors() {
        const Nf4Tensor q = quantizeNf4(torch::randn({256, 1024}));
        const double bitsPerWeight = 8.0 * double(q.bytes()) / double(q.numel());
        qInfo("%.3f bits per weight", bitsPerWeight);
        QVERIFY(bitsPerWeight > 4.1 && bitsPerWeight < 4.2);
        QVERIFY_THROWS_EXCEPTION(Error, quantizeNf4(torch::randn({8, 8}), 48));
        QVERIFY_THROWS_EXCEPTION(Error, quantizeNf4(torch::randn({0})));
    }
};

QTEST_GUILESS_MAIN(TestNf4)
#include "test_nf4.moc"
