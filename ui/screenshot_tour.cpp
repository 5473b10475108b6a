// A tour of the main window that saves the documentation's screenshots.
#include "screenshot_tour.h"

#include "appearance.h"
#include "compare_view.h"
#include "dataset_table_model.h"
#include "dataset_view.h"
#include "evaluation_view.h"
#include "main_window.h"
#include "model_view.h"
#include "property_list.h"
#include "runs_view.h"
#include "setup_view.h"
#include "train/run_config.h"
#include "training_job.h"
#include "training_view.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
#include <QTemporaryDir>
#include <QTableView>
#include <QTimer>
#include <functional>
#include <iostream>

namespace ft::ui {

namespace {

// Runs the event loop until `ready` holds or `ms` pass.
void waitFor(const std::function<bool()>& ready, int ms) {
    QElapsedTimer clock;
    clock.start();
    while (!ready() && clock.elapsed() < ms) {
        QEventLoop loop;
        QTimer::singleShot(50, &loop, &QEventLoop::quit);
        loop.exec();
    }
}

void settle(int ms = 400) {
    waitFor([] { return false; }, ms);
}

// Runs `start`, then the event loop until `sender` emits `signal` (or `ms` pass).
template <typename Sender, typename Signal>
void startAndWaitFor(Sender* sender, Signal signal, const std::function<void()>& start, int ms) {
    bool done = false;
    const auto connection = QObject::connect(sender, signal, sender, [&] { done = true; });
    start();
    waitFor([&] { return done; }, ms);
    QObject::disconnect(connection);
}

bool save(QWidget* widget, const QString& outDir, const QString& name) {
    const QString path = QDir(outDir).filePath(name + QStringLiteral(".png"));
    if (widget->grab().save(path)) {
        std::cerr << "screenshot: " << path.toStdString() << "\n";
        return true;
    }
    std::cerr << "screenshot: cannot write " << path.toStdString() << "\n";
    return false;
}

// Every view in its prepared state; `suffix` names the theme ("" light, "-dark").
int shootViews(MainWindow& w, const QString& outDir, const QString& runDir, const QString& suffix) {
    int written = 0;
    auto shoot = [&](QWidget* view, const QString& name) {
        w.showView(view);
        settle();
        written += save(&w, outDir, name + suffix);
    };
    // Dataset: the first example in the editor, token lengths counted.
    DatasetView* dataset = w.datasetView();
    w.showView(dataset);
    if (dataset->tableModel()->rowCount() > 0) dataset->selectRow(0);
    startAndWaitFor(
        dataset, &DatasetView::tokenCountsReady, [dataset] { dataset->countTokens(); }, 60000);
    shoot(dataset, QStringLiteral("dataset"));

    shoot(w.modelView(), QStringLiteral("model"));

    SetupView* setup = w.setupView();
    waitFor([&] { return setup->estimateText().contains(QLatin1String("≈")); }, 20000);
    shoot(setup, QStringLiteral("setup"));

    if (runDir.isEmpty()) return written;
    w.trainingView()->showRun(runDir);
    w.trainingView()->logScaleBox()->setChecked(true); // the validation points stay apart from 0
    shoot(w.trainingView(), QStringLiteral("training"));

    CompareView* compare = w.compareView();
    if (compare->selectRun(runDir) && compare->exampleCount() > 0) {
        w.showView(compare);
        startAndWaitFor(
            compare, &CompareView::generationFinished, [compare] { compare->showExample(0); }, 120000);
    }
    shoot(compare, QStringLiteral("compare"));

    EvaluationView* evaluation = w.evaluationView();
    // The test split's report when the run has one (the README's walkthrough makes it).
    if (QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("eval/test/report.json")))) evaluation->setSplit(QStringLiteral("test"));
    if (evaluation->selectRun(runDir) && evaluation->report().is_null())
        startAndWaitFor(
            evaluation, &EvaluationView::evaluationFinished, [evaluation] { evaluation->evaluate(); }, 600000);
    shoot(evaluation, QStringLiteral("evaluation"));

    w.runsView()->refresh();
    w.runsView()->selectRuns({QDir(runDir).absolutePath()});
    shoot(w.runsView(), QStringLiteral("runs"));
    return written;
}

// The Training view while a run trains: the Setup view's configuration, written to a temporary
// folder (the workspace's runs stay as they are), stopped after the shot.
int shootRunningTraining(MainWindow& w, const QString& outDir) {
    RunConfig config;
    QString error;
    if (!w.setupView()->runConfig(&config, &error)) {
        std::cerr << "screenshot: no run to start: " << error.toStdString() << "\n";
        return 0;
    }
    QTemporaryDir tmp;
    config.outputDir = QDir(tmp.path()).filePath(QDir(QString::fromStdString(config.outputDir)).dirName()).toStdString();
    config.train.saveEvery = 0;
    if (!w.trainingView()->start(config)) return 0;
    w.showView(w.trainingView());
    TrainingJob* job = w.trainingView()->job();
    int step = 0;
    const auto c = QObject::connect(job, &TrainingJob::event, &w, [&](const TrainEvent& e) {
        if (const auto* k = e.as<StepDone>()) step = int(k->step);
    });
    waitFor([&] { return step >= 400 || !job->isRunning(); }, 120000); // past the warm-up, a validation point or so
    QObject::disconnect(c);
    settle();
    const int written = save(&w, outDir, QStringLiteral("training-running-dark")); // taken in the dark theme
    job->stop();
    waitFor([&] { return !job->isRunning(); }, 60000);
    return written;
}

// A first start: no workspace yet, so the Dataset view offers the demo and the workspace actions.
int shootEmptyState(const QSize& size, const QString& outDir) {
    MainWindow fresh;
    fresh.resize(size);
    fresh.show();
    settle();
    return save(&fresh, outDir, QStringLiteral("empty"));
}

} // namespace

int runScreenshotTour(MainWindow& w, const QString& outDir, const QString& runDir) {
    QDir().mkpath(outDir);
    // The model opened at start-up is read on a worker; the other views need it.
    waitFor([&] { return w.modelView()->properties()->topLevelItemCount() > 0 || !w.modelView()->errorText().isEmpty(); }, 30000);
    int written = shootViews(w, outDir, runDir, QString());
    written += shootEmptyState(w.size(), outDir);
    applyTheme(QStringLiteral("dark"));
    written += shootViews(w, outDir, runDir, QStringLiteral("-dark"));
    written += shootRunningTraining(w, outDir);
    applyTheme(QStringLiteral("light"));
    return written;
}

} // namespace ft::ui
