// A tour of the main window that saves the documentation's screenshots.
#include "screenshot_tour.h"

#include "compare_view.h"
#include "dataset_table_model.h"
#include "dataset_view.h"
#include "evaluation_view.h"
#include "main_window.h"
#include "model_view.h"
#include "property_list.h"
#include "runs_view.h"
#include "setup_view.h"
#include "training_view.h"

#include <QCheckBox>
#include <QDir>
#include <QFileInfo>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QPixmap>
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

} // namespace

int runScreenshotTour(MainWindow& w, const QString& outDir, const QString& runDir) {
    QDir().mkpath(outDir);
    int written = 0;
    auto shoot = [&](QWidget* view, const QString& name) {
        w.showView(view);
        settle();
        const QString path = QDir(outDir).filePath(name + QStringLiteral(".png"));
        if (w.grab().save(path)) {
            ++written;
            std::cerr << "screenshot: " << path.toStdString() << "\n";
        } else {
            std::cerr << "screenshot: cannot write " << path.toStdString() << "\n";
        }
    };
    // The model opened at start-up is read on a worker; the other views need it.
    waitFor([&] { return w.modelView()->properties()->topLevelItemCount() > 0 || !w.modelView()->errorText().isEmpty(); }, 30000);

    // Dataset: the first example in the editor, token lengths counted.
    DatasetView* dataset = w.datasetView();
    w.showView(dataset);
    if (dataset->tableModel()->rowCount() > 0) dataset->selectRow(0);
    bool counted = false;
    QObject::connect(dataset, &DatasetView::tokenCountsReady, &w, [&] { counted = true; });
    dataset->countTokens();
    waitFor([&] { return counted; }, 60000);
    shoot(dataset, QStringLiteral("dataset"));

    shoot(w.modelView(), QStringLiteral("model"));

    SetupView* setup = w.setupView();
    waitFor([&] { return setup->estimateText().contains(QLatin1String("≈")); }, 20000);
    shoot(setup, QStringLiteral("setup"));

    if (!runDir.isEmpty()) {
        w.trainingView()->showRun(runDir);
        w.trainingView()->logScaleBox()->setChecked(true); // the validation points stay apart from 0
        shoot(w.trainingView(), QStringLiteral("training"));

        CompareView* compare = w.compareView();
        if (compare->selectRun(runDir) && compare->exampleCount() > 0) {
            bool generated = false;
            QObject::connect(compare, &CompareView::generationFinished, &w, [&] { generated = true; });
            w.showView(compare);
            compare->showExample(0);
            waitFor([&] { return generated; }, 120000);
        }
        shoot(compare, QStringLiteral("compare"));

        EvaluationView* evaluation = w.evaluationView();
        // The test split's report when the run has one (the README's walkthrough makes it).
        if (QFileInfo::exists(QDir(runDir).filePath(QStringLiteral("eval/test/report.json")))) evaluation->setSplit(QStringLiteral("test"));
        if (evaluation->selectRun(runDir) && evaluation->report().is_null()) {
            bool finished = false;
            QObject::connect(evaluation, &EvaluationView::evaluationFinished, &w, [&] { finished = true; });
            evaluation->evaluate();
            waitFor([&] { return finished; }, 600000);
        }
        shoot(evaluation, QStringLiteral("evaluation"));

        w.runsView()->refresh();
        w.runsView()->selectRuns({QDir(runDir).absolutePath()});
        shoot(w.runsView(), QStringLiteral("runs"));
    }
    return written;
}

} // namespace ft::ui
