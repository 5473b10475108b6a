// The Hub cache listing on a cache laid out as huggingface_hub writes it: refs/main picks the
// snapshot, a missing ref falls back to the newest snapshot with a config, config-only downloads are
// marked, datasets and folders without a config are left out; the cache folder follows HF_HUB_CACHE
// and HF_HOME.
#include "io/atomic_file.h"
#include "model/hub_cache.h"

#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

using namespace ft;
namespace fs = std::filesystem;

class TestHubCache final : public QObject {
    Q_OBJECT

private Q_SLOTS:
    void listsTheUsableSnapshots() {
        QTemporaryDir tmp;
        const fs::path hub = tmp.path().toStdString();
        auto file = [](const fs::path& p, const std::string& text) {
            fs::create_directories(p.parent_path());
            writeFileAtomic(p.string(), text);
        };
        // A model with refs/main naming the second of two snapshots.
        const fs::path smol = hub / "models--HuggingFaceTB--SmolLM2-135M";
        file(smol / "refs" / "main", "bbb\n");
        file(smol / "snapshots" / "aaa" / "config.json", "{}");
        file(smol / "snapshots" / "bbb" / "config.json", "{}");
        file(smol / "snapshots" / "bbb" / "model.safetensors", "x");
        // No refs: the snapshot with a config.
        const fs::path qwen = hub / "models--Qwen--Qwen2.5-0.5B";
        file(qwen / "snapshots" / "c1" / "config.json", "{}");
        file(qwen / "snapshots" / "c2" / "README.md", "no config");
        // Not models, or nothing usable.
        file(hub / "datasets--org--data" / "snapshots" / "d" / "config.json", "{}");
        file(hub / "models--org--empty" / "snapshots" / "e" / "README.md", "");
        file(hub / "version.txt", "1");

        const std::vector<CachedModel> models = listCachedModels(hub.string());
        QCOMPARE(int(models.size()), 2);
        QCOMPARE(QString::fromStdString(models[0].repoId), QStringLiteral("HuggingFaceTB/SmolLM2-135M"));
        QCOMPARE(QString::fromStdString(models[0].revision), QStringLiteral("bbb"));
        QCOMPARE(models[0].snapshotDir, (smol / "snapshots" / "bbb").string());
        QVERIFY(models[0].hasWeights);
        QCOMPARE(QString::fromStdString(models[1].repoId), QStringLiteral("Qwen/Qwen2.5-0.5B"));
        QCOMPARE(QString::fromStdString(models[1].revision), QStringLiteral("c1"));
        QVERIFY(!models[1].hasWeights);

        QVERIFY(listCachedModels((hub / "absent").string()).empty());
    }

    void findsTheCacheFolder() {
        qputenv("HF_HUB_CACHE", "/x/hub-cache");
        QCOMPARE(QString::fromStdString(huggingFaceHubCacheDir()), QStringLiteral("/x/hub-cache"));
        qunsetenv("HF_HUB_CACHE");
        qputenv("HF_HOME", "/x/hf");
        QCOMPARE(QString::fromStdString(huggingFaceHubCacheDir()), QStringLiteral("/x/hf/hub"));
        qunsetenv("HF_HOME");
        qputenv("XDG_CACHE_HOME", "/x/cache");
        QCOMPARE(QString::fromStdString(huggingFaceHubCacheDir()), QStringLiteral("/x/cache/huggingface/hub"));
    }
};

QTEST_GUILESS_MAIN(TestHubCache)
#include "test_hub_cache.moc"
