// The studio's guidance, driven offscreen on the real window: Ctrl+1..7 switch the modes; every view
// with nothing to show offers the actions that fill it; a JSONL file dropped on the window is
// imported (its bad line reported) and the mode bar and hint bar follow; a dropped model folder
// opens; a run that ends while the window is in the background raises a desktop notification (on a
// private session bus with a notification service) and showed its progress in the title; an error
// opens the closed log panel; every view fits 1280x800.
#include "compare_view.h"
#include "dataset_view.h"
#include "evaluation_view.h"
#include "runs_view.h"
#include "setup_view.h"
#include "empty_state.h"
#include "hint_bar.h"
#include "io/atomic_file.h"
#include "main_window.h"
#include "mode_bar.h"
#include "mode_guide.h"
#include "model_view.h"
#include "notifier.h"
#include "tiny_model.h"
#include "train/train_events.h"
#include "training_job.h"
#include "training_view.h"
#include "workspace.h"

#include <QDBusConnection>
#include <QDockWidget>
#include <QMimeData>
#include <QProcess>
#include <QPushButton>
#include <QSignalSpy>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>
#include <filesystem>
#include <nlohmann/json.hpp>

using namespace ft;
using json = nlohmann::json;
using Mode = ui::ModeGuide::Mode;

// The desktop's notification service, as GNOME or KDE run it on the session bus: records what it
// is asked to show.
class FakeNotifications final : public QObject {
    Q_OBJECT
    Q_CLASSINFO("D-Bus Interface", "org.freedesktop.Notifications")

public:
    QStringList summaries, bodies;
    QVariantMap lastHints;

public Q_SLOTS:
    uint Notify(const QString& app, uint replaces, const QString& icon, const QString& summary, const QString& body,
                const QStringList& actions, const QVariantMap& hints, int timeout) {
        summaries << summary;
        bodies << body;
        lastHints = hints;
        return uint(summaries.size());
    }
};

class TestWorkflow final : public QObject {
    Q_OBJECT

private:
    std::string m_root;
    QTranslator m_english;
    QProcess m_bus; // a private session bus, so the test needs no desktop and touches none
    FakeNotifications m_notifications;

    static QStringList actionTexts(widgets::EmptyState* state) {
        QStringList out;
        for (QPushButton* b : state->actions()) out << b->text();
        return out;
    }

    // Drops `paths` on the window the way a file manager does: drag enter, then drop.
    static void drop(QWidget* target, const QStringList& paths) {
        QMimeData data;
        QList<QUrl> urls;
        for (const QString& p : paths) urls << QUrl::fromLocalFile(p);
        data.setUrls(urls);
        const QPoint at(target->width() / 2, target->height() / 2);
        QDragEnterEvent enter(at, Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &enter);
        QVERIFY(enter.isAccepted());
        QDropEvent dropEvent(QPointF(at), Qt::CopyAction, &data, Qt::LeftButton, Qt::NoModifier);
        QApplication::sendEvent(target, &dropEvent);
        QVERIFY(dropEvent.isAccepted());
    }

private Q_SLOTS:
    void initTestCase() {
        QCoreApplication::setOrganizationName(QStringLiteral("FinetuneStudioTests"));
        QCoreApplication::setApplicationName(QStringLiteral("test_workflow"));
        m_root = test::makeTempDir("workflow");
        // English plural forms ("3 examples"), as the studio loads them.
        QVERIFY(m_english.load(QLocale(QStringLiteral("en")), QStringLiteral("finetune_studio"), QStringLiteral("_"),
                               QStringLiteral(FT_QM_DIR)));
        QCoreApplication::installTranslator(&m_english);
        // Before anything opens the session bus: ours, with a notification service on it.
        m_bus.start(QStringLiteral("dbus-daemon"),
                    {QStringLiteral("--session"), QStringLiteral("--nofork"), QStringLiteral("--print-address=1")});
        QVERIFY2(m_bus.waitForStarted(5000), "dbus-daemon (package dbus-daemon, scripts/setup) is needed");
        QTRY_VERIFY_WITH_TIMEOUT(m_bus.canReadLine(), 5000);
        const QByteArray address = m_bus.readLine().trimmed();
        qputenv("DBUS_SESSION_BUS_ADDRESS", address);
        QDBusConnection server = QDBusConnection::connectToBus(QString::fromLatin1(address), QStringLiteral("notification-service"));
        QVERIFY(server.isConnected());
        QVERIFY(server.registerObject(QStringLiteral("/org/freedesktop/Notifications"), &m_notifications, QDBusConnection::ExportAllSlots));
        QVERIFY(server.registerService(QStringLiteral("org.freedesktop.Notifications")));
        test::writeTinyChatModel(m_root + "/model", 4);
    }

    // Every view fits the smallest window the studio is made for (1280x800), the dataset loaded.
    void layoutsFitTheSmallestWindow() {
        ui::MainWindow w;
        QVERIFY(w.openWorkspace(QString::fromStdString(m_root + "/sizes")));
        w.resize(1280, 800);
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        for (int i = 0; i < w.modeBar()->count(); ++i) {
            w.modeBar()->setCurrentIndex(i);
            QTest::qWait(20);
            QVERIFY2(w.minimumSizeHint().width() <= 1280 && w.minimumSizeHint().height() <= 800,
                     qPrintable(QStringLiteral("%1: %2x%3")
                                    .arg(w.modeBar()->label(i))
                                    .arg(w.minimumSizeHint().width())
                                    .arg(w.minimumSizeHint().height())));
            QCOMPARE(w.size(), QSize(1280, 800));
        }
    }

    void cleanupTestCase() {
        QDBusConnection::disconnectFromBus(QStringLiteral("notification-service"));
        m_bus.kill();
        m_bus.waitForFinished(5000);
    }

    void shortcutsSwitchModes() {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QCOMPARE(w.modeBar()->count(), 7);
        QWidget* views[] = {w.datasetView(), w.modelView(),      w.setupView(), w.trainingView(),
                            w.compareView(), w.evaluationView(), w.runsView()};
        for (int i = 6; i >= 0; --i) {
            QTest::keyClick(&w, Qt::Key(Qt::Key_1 + i), Qt::ControlModifier);
            QCOMPARE(w.modeBar()->currentIndex(), i);
            QCOMPARE(w.currentView(), views[i]);
            QVERIFY(w.modeBar()->button(i)->toolTip().contains(
                QKeySequence(Qt::CTRL | Qt::Key(Qt::Key_1 + i)).toString(QKeySequence::NativeText)));
        }
        // A click on a mode switches too.
        QTest::mouseClick(w.modeBar()->button(4), Qt::LeftButton);
        QCOMPARE(w.currentView(), views[4]);
        // So do Up and Down with the focus on the bar.
        w.modeBar()->button(4)->setFocus();
        QTest::keyClick(w.modeBar()->button(4), Qt::Key_Down);
        QCOMPARE(w.currentView(), views[5]);
        QTest::keyClick(w.modeBar()->button(5), Qt::Key_Up);
        QCOMPARE(w.currentView(), views[4]);
    }

    void emptyStatesOfferTheNextAction() {
        ui::MainWindow w;
        ui::ModeGuide* guide = w.modeGuide();
        guide->refresh();
        // No workspace, no model, no run: each view says so and offers what fills it.
        for (int mode = 0; mode < ui::ModeGuide::ModeCount; ++mode)
            QVERIFY2(guide->showsEmptyState(Mode(mode)), qPrintable(QString::number(mode)));
        QCOMPARE(guide->emptyState(Mode::Dataset)->title(), QStringLiteral("No workspace open"));
        QCOMPARE(actionTexts(guide->emptyState(Mode::Dataset)),
                 (QStringList{QStringLiteral("Open the Demo"), QStringLiteral("New Workspace…"), QStringLiteral("Open Workspace…")}));
        QVERIFY(actionTexts(guide->emptyState(Mode::Model)).contains(QStringLiteral("Open the Starter Model")));
        QVERIFY(actionTexts(guide->emptyState(Mode::Training)).contains(QStringLiteral("Resume a Run…")));
        QCOMPARE(w.modeBar()->status(Mode::Dataset), QStringLiteral("No workspace"));
        QCOMPARE(w.modeBar()->tone(Mode::Dataset), widgets::Tone::Attention);

        // An empty workspace: the dataset's empty state turns to importing.
        QVERIFY(w.openWorkspace(QString::fromStdString(m_root + "/empty")));
        guide->refresh();
        QVERIFY(guide->showsEmptyState(Mode::Dataset));
        QCOMPARE(guide->emptyState(Mode::Dataset)->title(), QStringLiteral("No examples yet"));
        QCOMPARE(actionTexts(guide->emptyState(Mode::Dataset)).first(), QStringLiteral("Import Examples…"));
        QVERIFY(!guide->showsEmptyState(Mode::Setup));
        QCOMPARE(w.modeBar()->status(Mode::Dataset), QStringLiteral("No examples"));
        QCOMPARE(w.windowTitle(), QStringLiteral("empty — Finetune Studio"));

        // "Go to Setup" on the Training view's empty state takes the step.
        w.showView(w.trainingView());
        for (QPushButton* b : guide->emptyState(Mode::Training)->actions())
            if (b->text() == QStringLiteral("Go to Setup")) b->click();
        QCOMPARE(w.currentView(), static_cast<QWidget*>(w.setupView()));
    }

    void droppedFilesAreImportedAndOpened() {
        ui::MainWindow w;
        w.show();
        QVERIFY(w.openWorkspace(QString::fromStdString(m_root + "/dropped")));
        w.showView(w.runsView());
        const std::string file = m_root + "/chats.jsonl";
        std::string text;
        for (int i = 0; i < 3; ++i)
            text += json{{"prompt", "Say " + std::to_string(i)}, {"completion", "Said " + std::to_string(i)}}.dump() + "\n";
        text += "{\"prompt\": \"no closing brace\"\n";
        writeFileAtomic(file, text);

        QSignalSpy imported(w.datasetView(), &ui::DatasetView::importFinished);
        drop(&w, {QString::fromStdString(file)});
        QVERIFY(imported.wait(20000));
        QCOMPARE(imported.first().at(0).toInt(), 3);
        QCOMPARE(w.currentView(), static_cast<QWidget*>(w.datasetView())); // the import is shown
        QVERIFY2(w.datasetView()->importReportText().contains(QStringLiteral("line 4")), qPrintable(w.datasetView()->importReportText()));
        w.modeGuide()->refresh();
        QVERIFY(!w.modeGuide()->showsEmptyState(Mode::Dataset));
        QCOMPARE(w.modeBar()->status(Mode::Dataset), QStringLiteral("3 examples"));
        QCOMPARE(w.modeBar()->tone(Mode::Dataset), widgets::Tone::Done);

        // A model folder dropped opens in the Model view; then the dataset's hint points to Setup.
        QSignalSpy loaded(w.modelView(), &ui::ModelView::modelLoaded);
        drop(&w, {QString::fromStdString(m_root + "/model")});
        QVERIFY(loaded.wait(20000));
        QCOMPARE(w.currentView(), static_cast<QWidget*>(w.modelView()));
        w.modeGuide()->refresh();
        QCOMPARE(w.modeBar()->status(Mode::Model), QStringLiteral("model"));
        QVERIFY2(w.hintBar()->text().startsWith(QStringLiteral("Model ready")), qPrintable(w.hintBar()->text()));
        w.showView(w.datasetView());
        w.modeGuide()->refresh();
        QVERIFY2(w.hintBar()->text().contains(QStringLiteral("Next: set up the run")), qPrintable(w.hintBar()->text()));
        QCOMPARE(w.hintBar()->actionButton()->text(), QStringLiteral("Next: Setup"));
        w.hintBar()->actionButton()->click();
        QCOMPARE(w.currentView(), static_cast<QWidget*>(w.setupView()));

        // Something that is neither is named in the log, which opens.
        const std::string odd = m_root + "/notes.pdf";
        writeFileAtomic(odd, "%PDF");
        QVERIFY(!w.logPanel()->isVisible());
        drop(&w, {QString::fromStdString(odd)});
        QVERIFY(w.logText().contains(QStringLiteral("Cannot use %1").arg(QString::fromStdString(odd))));
        QVERIFY(w.logPanel()->isVisible());
    }

    void logPanelOpensOnAnError() {
        ui::MainWindow w;
        w.show();
        QVERIFY(QTest::qWaitForWindowExposed(&w));
        QVERIFY(!w.logPanel()->isVisible()); // closed by default
        auto* button = w.findChild<QToolButton*>(QStringLiteral("logButton"));
        QVERIFY(button);
        button->click();
        QVERIFY(w.logPanel()->isVisible());
        button->click();
        QVERIFY(!w.logPanel()->isVisible());

        const std::string bad = m_root + "/broken";
        std::filesystem::create_directories(bad);
        writeFileAtomic(bad + "/config.json", "{\"model_type\": \"llama\"");
        QSignalSpy failed(w.modelView(), &ui::ModelView::modelFailed);
        w.modelView()->openModel(QString::fromStdString(bad));
        QVERIFY(failed.wait(20000));
        QVERIFY(w.logPanel()->isVisible());
        QVERIFY(w.logText().contains(QStringLiteral("Cannot open model")));
        w.modeGuide()->refresh();
        QCOMPARE(w.modeBar()->tone(Mode::Model), widgets::Tone::Failed);
    }

    void aRunEndingInTheBackgroundIsNoticed() {
        std::string train;
        for (int i = 0; i < 8; ++i)
            train += json{{"prompt", "Count to " + std::to_string(i)}, {"completion", "Done " + std::to_string(i)}}.dump() + "\n";
        writeFileAtomic(m_root + "/train.jsonl", train);
        const json config = {{"model", m_root + "/model"},
                             {"data", {{"train", m_root + "/train.jsonl"}}},
                             {"output_dir", m_root + "/runs/background"},
                             {"lora", {{"r", 4}, {"alpha", 8}}},
                             {"train", {{"lr", 0.01}, {"max_steps", 30}, {"batch_size", 2}, {"max_seq_len", 64}, {"save_every", 0}}},
                             {"device", "cpu"}};
        const std::string path = m_root + "/background.json";
        writeFileAtomic(path, config.dump());

        ui::MainWindow w; // never shown, so never the active window: the run ends "in the background"
        // After each step's event (the guide has taken it, being connected first), what the window shows;
        // read here, not by polling, since a 30-step run on a tiny model can end between two polls.
        QStringList titles, statuses;
        int progressSeen = -1;
        connect(w.trainingView()->job(), &ui::TrainingJob::event, this, [&](const TrainEvent& e) {
            if (!e.is<StepDone>()) return;
            w.modeGuide()->refresh();
            titles << w.windowTitle();
            statuses << w.modeBar()->status(Mode::Training);
            progressSeen = std::max(progressSeen, w.modeBar()->progress(Mode::Training));
        });
        QSignalSpy finished(w.trainingView()->job(), &ui::TrainingJob::finished);
        QVERIFY(w.trainingView()->startFromConfigFile(QString::fromStdString(path)));
        QSignalSpy shown(w.notifier(), &ui::Notifier::notificationShown);
        QTRY_COMPARE_WITH_TIMEOUT(finished.count(), 1, 60000);
        QTRY_COMPARE_WITH_TIMEOUT(w.notifier()->count(), 1,
                                  10000); // the spy hears the worker's signal before the window's queued slot runs
        QTest::qWait(100);
        QCOMPARE(w.notifier()->count(), 1); // once
        // It reached the desktop's notification service over the session bus.
        QTRY_VERIFY2_WITH_TIMEOUT(shown.count() == 1, qPrintable(w.notifier()->deliveryError()), 30000);
        QCOMPARE(shown.first().at(0).toString(), QStringLiteral("desktop"));
        QCOMPARE(m_notifications.summaries, QStringList{QStringLiteral("Training completed")});
        QVERIFY(m_notifications.bodies.first().contains(QStringLiteral("background")));
        QCOMPARE(m_notifications.lastHints.value(QStringLiteral("desktop-entry")).toString(),
                 QStringLiteral("io.github.finetune_studio.FinetuneStudio"));
        QCOMPARE(w.notifier()->lastTitle(), QStringLiteral("Training completed"));
        QVERIFY(w.notifier()->lastBody().contains(QStringLiteral("background")));
        QVERIFY2(!titles.isEmpty() && titles.last().contains(QStringLiteral("% · background")),
                 qPrintable(titles.join(QStringLiteral(" | "))));
        QVERIFY2(statuses.last().startsWith(QStringLiteral("Training")), qPrintable(statuses.join(QStringLiteral(" | "))));
        QVERIFY(progressSeen > 0);
        w.modeGuide()->refresh();
        QCOMPARE(w.modeBar()->status(Mode::Training), QStringLiteral("Completed"));
        QCOMPARE(w.modeBar()->progress(Mode::Training), -1);
        QVERIFY(!w.windowTitle().contains(QLatin1Char('%')));
    }

    void nothingIsRaisedWhileTheWindowIsActive() {
        ui::MainWindow w;
        w.show();
        w.activateWindow();
        QVERIFY(QTest::qWaitForWindowActive(&w));
        QVERIFY(!w.notifier()->notify(QStringLiteral("t"), QStringLiteral("b"), ui::Notifier::Kind::Success));
        QCOMPARE(w.notifier()->count(), 0);
    }
};

QTEST_MAIN(TestWorkflow)
#include "test_workflow.moc"
