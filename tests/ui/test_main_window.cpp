// The studio shell, driven offscreen: opening a real (tiny) model folder fills the model view and the
// status bar off the UI thread; a broken folder shows its error; the log records both; the demo opens.
#include "demo_opener.h"
#include "main_window.h"
#include "mode_bar.h"
#include "model_view.h"
#include "setup_view.h"
#include "workspace.h"
#include "property_list.h"
#include "tiny_model.h"

#include <QFileInfo>
#include <QSignalSpy>
#include <QTranslator>
#include <QtTest>
#include <filesystem>

using namespace ft;

class TestMainWindow final : public QObject {
    Q_OBJECT

private:
    std::string m_root;

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_main_window"));
        m_root = test::makeTempDir("ui");
        test::writeTinyModel(m_root + "/tiny", test::tinyConfig("llama3-rope"), 3);
    }

    void opensAModel() {
        ui::MainWindow w;
        w.show();
        QSignalSpy loaded(w.modelView(), &ui::ModelView::modelLoaded);
        w.modelView()->openModel(QString::fromStdString(m_root + "/tiny"));
        QVERIFY(loaded.wait(20000));
        auto* props = w.modelView()->properties();
        QCOMPARE(props->value(QStringLiteral("Architecture")), QStringLiteral("LlamaForCausalLM"));
        QCOMPARE(props->value(QStringLiteral("Layers")), QStringLiteral("2"));
        QCOMPARE(props->value(QStringLiteral("Rotary embeddings")), QStringLiteral("theta 500000, scaling llama3"));
        QVERIFY(w.statusModelText().startsWith(QStringLiteral("LlamaForCausalLM")));
        QVERIFY(w.logText().contains(QStringLiteral("Opened model")));
    }

    // Help > Open the Demo: the demo workspace is made off the UI thread, then opened with the
    // starter model and the demo's run configuration in the Setup view; a second time it is reused.
    void opensTheDemo() {
        ui::MainWindow w;
        w.show();
        const QString dir = QString::fromStdString(m_root + "/demo");
        for (int time = 0; time < 2; ++time) {
            QString error = QStringLiteral("not done");
            QSignalSpy loaded(w.modelView(), &ui::ModelView::modelLoaded);
            ui::openDemo(&w, dir, [&](const QString& e) { error = e; });
            QTRY_VERIFY_WITH_TIMEOUT(error != QStringLiteral("not done"), 20000);
            QVERIFY2(error.isEmpty(), qPrintable(error));
            QCOMPARE(w.workspace()->dir(), dir);
            QTRY_COMPARE_WITH_TIMEOUT(loaded.count(), 1, 20000); // the starter, read on a worker
            const nlohmann::json config = w.setupView()->configJson();
            QCOMPARE(QString::fromStdString(config["data"]["dataset"].get<std::string>()), QStringLiteral("orders"));
            QCOMPARE(QString::fromStdString(config["output_dir"].get<std::string>()), dir + QStringLiteral("/runs/orders-lora"));
            QVERIFY(QString::fromStdString(config["model"].get<std::string>()).endsWith(QStringLiteral("/starter")));
            QVERIFY(w.statusModelText().startsWith(QStringLiteral("LlamaForCausalLM")));
        }
        QVERIFY(!QFileInfo::exists(dir + QStringLiteral(".partial")));
        QVERIFY(w.logText().contains(QStringLiteral("Opened the demo")));
    }

    void translationsLoad() {
        // German and Chinese names for the views; English plural forms.
        const std::pair<const char*, const char*> expected[] = {{"de", "Datensatz"}, {"zh_CN", "数据集"}};
        for (const auto& [locale, datasetName] : expected) {
            QTranslator translator;
            QVERIFY2(translator.load(QLocale(QString::fromLatin1(locale)), QStringLiteral("finetune_studio"), QStringLiteral("_"),
                                     QStringLiteral(FT_QM_DIR)),
                     locale);
            QCoreApplication::installTranslator(&translator);
            ui::MainWindow w;
            QCOMPARE(w.modeBar()->label(0), QString::fromUtf8(datasetName));
            QCoreApplication::removeTranslator(&translator);
        }
        QTranslator english;
        QVERIFY(
            english.load(QLocale(QStringLiteral("en")), QStringLiteral("finetune_studio"), QStringLiteral("_"), QStringLiteral(FT_QM_DIR)));
        QCoreApplication::installTranslator(&english);
        QCOMPARE(QCoreApplication::translate("ft::ui::DatasetView", "%n example(s)", nullptr, 1), QStringLiteral("1 example"));
        QCOMPARE(QCoreApplication::translate("ft::ui::DatasetView", "%n example(s)", nullptr, 3), QStringLiteral("3 examples"));
        QCoreApplication::removeTranslator(&english);
    }

    void showsWhyAFolderCannotBeUsed() {
        const std::string bad = m_root + "/broken";
        std::filesystem::create_directories(bad);
        test::writeTinyModel(bad, test::tinyConfig("llama-gqa"), 3);
        std::filesystem::remove(bad + "/model.safetensors");
        ui::MainWindow w;
        QSignalSpy failed(w.modelView(), &ui::ModelView::modelFailed);
        w.modelView()->openModel(QString::fromStdString(bad));
        QVERIFY(failed.wait(20000));
        QVERIFY2(w.modelView()->errorText().contains(QStringLiteral("no model.safetensors")), qPrintable(w.modelView()->errorText()));
        QCOMPARE(w.modelView()->properties()->topLevelItemCount(), 0);
        QVERIFY(w.logText().contains(QStringLiteral("Cannot open model")));
    }
};

QTEST_MAIN(TestMainWindow)
#include "test_main_window.moc"
