// ModeGuide: the mode bar's status lines, the hint bar, the empty states and the window title,
// all computed from the views' state in refresh().
#include "mode_guide.h"

#include "compare_view.h"
#include "data/dataset_store.h"
#include "dataset_view.h"
#include "demo/demo_workspace.h"
#include "empty_state.h"
#include "evaluation_view.h"
#include "hint_bar.h"
#include "main_window.h"
#include "mode_bar.h"
#include "model/hub_cache.h"
#include "model_view.h"
#include "demo_opener.h"
#include "qt_std.h"
#include "runs_view.h"
#include "setup_view.h"
#include "training_job.h"
#include "training_view.h"
#include "util/strings.h"
#include "workspace.h"

#include <QDir>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QTimer>
#include <QTreeWidget>

namespace ft::ui {

using widgets::Tone;

namespace {

QWidget* viewOf(MainWindow* w, ModeGuide::Mode mode) {
    switch (mode) {
    case ModeGuide::Dataset: return w->datasetView();
    case ModeGuide::Model: return w->modelView();
    case ModeGuide::Setup: return w->setupView();
    case ModeGuide::Training: return w->trainingView();
    case ModeGuide::Compare: return w->compareView();
    case ModeGuide::Evaluation: return w->evaluationView();
    case ModeGuide::Runs: return w->runsView();
    case ModeGuide::ModeCount: break;
    }
    return nullptr;
}

const char* iconOf(ModeGuide::Mode mode) {
    static const char* const icons[] = {":/icons/dataset.svg", ":/icons/model.svg",      ":/icons/setup.svg", ":/icons/training.svg",
                                        ":/icons/compare.svg", ":/icons/evaluation.svg", ":/icons/runs.svg"};
    return icons[mode];
}

} // namespace

ModeGuide::ModeGuide(MainWindow* window, widgets::ModeBar* bar, widgets::HintBar* hint, QStackedWidget* stack)
    : QObject(window), m_window(window), m_bar(bar), m_hint(hint), m_stack(stack) {
    m_timer = new QTimer(this);
    m_timer->setSingleShot(true);
    m_timer->setInterval(100);
    connect(m_timer, &QTimer::timeout, this, &ModeGuide::refresh);
    buildPages();

    Workspace* ws = window->workspace();
    // The store is read once per refresh however many changes came before it (a bulk edit is several).
    auto datasetChanged = [this] {
        m_datasetStale = true;
        schedule();
    };
    connect(ws, &Workspace::opened, this, datasetChanged);
    connect(ws, &Workspace::changed, this, datasetChanged);
    connect(window->datasetView(), &DatasetView::currentDatasetChanged, this, datasetChanged);
    connect(window->datasetView(), &DatasetView::importFinished, this, datasetChanged);

    connect(window->modelView(), &ModelView::modelLoaded, this, &ModeGuide::schedule);
    connect(window->modelView(), &ModelView::modelFailed, this, &ModeGuide::schedule);
    connect(window->setupView(), &SetupView::validated, this, &ModeGuide::schedule);

    TrainingJob* job = window->trainingView()->job();
    connect(job, &TrainingJob::event, this, &ModeGuide::onTrainEvent);
    connect(job, &TrainingJob::finished, this, [this, job](TrainStatus status, const QString& message) {
        m_training.running = m_training.paused = false;
        m_training.finished = true;
        m_training.status = status;
        m_training.message = message;
        m_training.runName = QDir(job->runDir()).dirName();
        schedule();
    });

    EvaluationView* evaluation = window->evaluationView();
    connect(evaluation, &EvaluationView::evaluationStarted, this, [this] {
        m_evaluation = EvaluationInfo{};
        m_evaluation.running = true;
        schedule();
    });
    connect(evaluation, &EvaluationView::progressChanged, this, [this](int done, int total) {
        m_evaluation.done = done, m_evaluation.total = total;
        schedule();
    });
    connect(evaluation, &EvaluationView::evaluationFinished, this, [this](bool ok, const QString& message) {
        m_evaluation.running = false, m_evaluation.finished = true, m_evaluation.ok = ok, m_evaluation.message = message;
        schedule();
    });
    connect(window->compareView(), &CompareView::generationFinished, this, &ModeGuide::schedule);
    connect(bar, &widgets::ModeBar::currentChanged, this, &ModeGuide::refresh); // the new view's hint at once
    // The runs list and the run pickers refresh on their own (a run folder written, renamed, deleted).
    QTreeWidget* runs = window->runsView()->list();
    connect(runs->model(), &QAbstractItemModel::rowsInserted, this, &ModeGuide::schedule);
    connect(runs->model(), &QAbstractItemModel::rowsRemoved, this, &ModeGuide::schedule);
    connect(runs->model(), &QAbstractItemModel::modelReset, this, &ModeGuide::schedule);
    refresh();
}

void ModeGuide::buildPages() {
    for (int i = 0; i < ModeCount; ++i) {
        const Mode mode = Mode(i);
        auto* page = new QStackedWidget(m_stack);
        page->setObjectName(QStringLiteral("page%1").arg(i));
        page->addWidget(viewOf(m_window, mode));
        m_empty[i] = new widgets::EmptyState(QString::fromLatin1(iconOf(mode)), page);
        m_empty[i]->setObjectName(QStringLiteral("emptyState%1").arg(i));
        page->addWidget(m_empty[i]);
        m_pages[i] = page;
        m_stack->addWidget(page);
    }
    MainWindow* w = m_window;
    // The texts that do not change; Dataset and Model set theirs as the state requires.
    m_empty[Setup]->setTitle(tr("Open a workspace first"));
    m_empty[Setup]->setText(tr("A run trains on a dataset of the open workspace and writes its folder under the workspace's runs/."));
    m_empty[Setup]->addAction(tr("Open the Demo"), [w] { openDemo(w); });
    m_empty[Setup]->addAction(tr("Open Workspace…"), [w] { w->chooseWorkspace(false); });

    m_empty[Training]->setTitle(tr("No run yet"));
    m_empty[Training]->setText(
        tr("Set a run up in Setup and start it: its loss, learning rate and gradient norm appear here as it "
           "trains, with the time left and the memory in use. A stopped run resumes from its folder."));
    m_empty[Training]->addAction(tr("Go to Setup"), [this] { go(Setup); });
    m_empty[Training]->addAction(tr("Resume a Run…"), [w] { w->trainingView()->chooseRunToResume(); });
    m_empty[Training]->addAction(tr("Start from a Configuration File…"), [w] { w->trainingView()->chooseConfig(); });

    m_empty[Compare]->setTitle(tr("Compare needs a model"));
    m_empty[Compare]->setText(
        tr("Open a base model to see its replies. After a run, the tuned model's replies appear beside them, "
           "each judged against the reference, field by field."));
    m_empty[Compare]->addAction(tr("Go to Model"), [this] { go(Model); });

    m_empty[Evaluation]->setTitle(tr("Nothing to evaluate yet"));
    m_empty[Evaluation]->setText(
        tr("Evaluation scores a finished run on a held-out split (exact match, JSON fields, text overlap), "
           "with the base model beside it and confidence intervals. Train a run first."));
    m_empty[Evaluation]->addAction(tr("Go to Setup"), [this] { go(Setup); });

    m_empty[Runs]->setTitle(tr("No runs yet"));
    m_empty[Runs]->setText(
        tr("Every run trained in this workspace is listed here with its status and curves, to compare, "
           "resume, rename, evaluate or export."));
    m_empty[Runs]->addAction(tr("Go to Setup"), [this] { go(Setup); });
}

QWidget* ModeGuide::page(Mode mode) const {
    return m_pages[mode];
}

bool ModeGuide::showsEmptyState(Mode mode) const {
    return m_pages[mode]->currentWidget() == m_empty[mode];
}

void ModeGuide::schedule() {
    if (!m_timer->isActive()) m_timer->start();
}

void ModeGuide::go(Mode mode) {
    m_window->showView(viewOf(m_window, mode));
}

void ModeGuide::readDataset() {
    DatasetInfo info;
    Workspace* ws = m_window->workspace();
    info.workspace = ws->isOpen();
    if (info.workspace) {
        DatasetStore* store = ws->store();
        info.name = m_window->datasetView()->currentDataset();
        try {
            for (const std::string& name : store->datasetNames()) info.examplesInWorkspace += store->count(store->datasetId(name));
            if (!info.name.isEmpty()) {
                const int64_t id = store->datasetId(str(info.name));
                const DatasetStats stats = store->stats(id);
                info.total = stats.examples;
                auto split = [&](const char* name) {
                    const auto it = stats.splits.find(name);
                    return it == stats.splits.end() ? int64_t(0) : it->second;
                };
                info.train = split(splitName(Split::Train)), info.validation = split(splitName(Split::Validation));
                info.test = split(splitName(Split::Test));
                ExampleFilter invalid;
                invalid.status = "invalid";
                info.problems = store->count(id, invalid);
            }
        } catch (const std::exception&) {
            // A dataset renamed or deleted under us: the next change reads it again.
        }
    }
    m_dataset = info;
}

void ModeGuide::onTrainEvent(const TrainEvent& e) {
    if (const auto* k = e.as<RunStarted>()) {
        m_training = TrainingInfo{};
        m_training.running = true;
        m_training.step = k->step, m_training.total = k->totalSteps;
        m_training.runName = QDir(m_window->trainingView()->job()->runDir()).dirName();
    } else if (const auto* k = e.as<StepDone>()) {
        m_training.step = k->step, m_training.total = k->totalSteps, m_training.eta = k->etaSeconds;
    } else if (e.is<Paused>()) {
        m_training.paused = true;
    } else if (e.is<Resumed>()) {
        m_training.paused = false;
    } else {
        return;
    }
    schedule();
}

int ModeGuide::trainingPercent() const {
    return m_training.total > 0 ? int(100 * m_training.step / m_training.total) : 0;
}

void ModeGuide::refresh() {
    m_timer->stop();
    if (m_datasetStale) readDataset();
    m_datasetStale = false;
    showStatuses();
    showEmptyStates();
    showHint();
    showTitle();
}

void ModeGuide::showStatuses() {
    // Dataset
    if (!m_dataset.workspace) m_bar->setStatus(Dataset, tr("No workspace"), Tone::Attention);
    else if (m_dataset.total == 0) m_bar->setStatus(Dataset, tr("No examples"), Tone::Attention);
    else if (m_dataset.problems > 0) m_bar->setStatus(Dataset, tr("%n with problems", nullptr, int(m_dataset.problems)), Tone::Attention);
    else m_bar->setStatus(Dataset, tr("%n example(s)", nullptr, int(m_dataset.total)), Tone::Done);

    // Model
    const ModelView* model = m_window->modelView();
    if (model->modelDir().isEmpty()) m_bar->setStatus(Model, tr("None open"), Tone::Attention);
    else if (model->isReading()) m_bar->setStatus(Model, tr("Reading…"), Tone::Running);
    else if (!model->errorText().isEmpty()) m_bar->setStatus(Model, tr("Cannot be used"), Tone::Failed);
    else m_bar->setStatus(Model, QDir(model->modelDir()).dirName(), Tone::Done);

    // Setup
    const int problems = m_window->setupView()->problemCount();
    if (!m_dataset.workspace) m_bar->setStatus(Setup, tr("Needs a workspace"));
    else if (problems < 0) m_bar->setStatus(Setup, QString());
    else if (problems == 0) m_bar->setStatus(Setup, tr("Ready"), Tone::Done);
    else m_bar->setStatus(Setup, tr("%n to fix", nullptr, problems), Tone::Attention);

    // Training
    m_bar->setProgress(Training, m_training.running ? trainingPercent() : -1);
    if (m_training.running && m_training.paused) m_bar->setStatus(Training, tr("Paused at %1%").arg(trainingPercent()), Tone::Stopped);
    else if (m_training.running) m_bar->setStatus(Training, tr("Training %1%").arg(trainingPercent()), Tone::Running);
    else if (!m_training.finished) m_bar->setStatus(Training, m_window->trainingView()->hasRun() ? tr("Viewing a run") : tr("No run yet"));
    else {
        switch (m_training.status) {
        case TrainStatus::Completed: m_bar->setStatus(Training, tr("Completed"), Tone::Done); break;
        case TrainStatus::EarlyStopped: m_bar->setStatus(Training, tr("Stopped early"), Tone::Done); break;
        case TrainStatus::Stopped: m_bar->setStatus(Training, tr("Stopped"), Tone::Stopped); break;
        case TrainStatus::Failed: m_bar->setStatus(Training, tr("Failed"), Tone::Failed); break;
        }
    }

    // Compare
    const QString tuned = m_window->compareView()->tunedName();
    if (!m_window->compareView()->hasBaseModel()) m_bar->setStatus(Compare, tr("No model"));
    else if (tuned.isEmpty()) m_bar->setStatus(Compare, tr("Base only"));
    else m_bar->setStatus(Compare, tuned);

    // Evaluation
    m_bar->setProgress(Evaluation, m_evaluation.running && m_evaluation.total > 0 ? 100 * m_evaluation.done / m_evaluation.total : -1);
    if (m_evaluation.running) m_bar->setStatus(Evaluation, tr("Evaluating…"), Tone::Running);
    else if (m_evaluation.finished && !m_evaluation.ok) m_bar->setStatus(Evaluation, tr("Failed"), Tone::Failed);
    else {
        const nlohmann::json& report = m_window->evaluationView()->report();
        const nlohmann::json* em = nullptr;
        if (report.is_object() && report.contains("metrics") && report["metrics"].contains("tuned") &&
            report["metrics"]["tuned"].contains("exact_match"))
            em = &report["metrics"]["tuned"]["exact_match"];
        if (em && em->contains("mean"))
            m_bar->setStatus(Evaluation, tr("Exact match %1").arg((*em)["mean"].get<double>(), 0, 'f', 2), Tone::Done);
        else m_bar->setStatus(Evaluation, m_window->evaluationView()->currentRunName().isEmpty() ? tr("No run") : tr("Not scored"));
    }

    // Runs
    const int runs = m_window->runsView()->list()->topLevelItemCount();
    if (m_training.running) m_bar->setStatus(Runs, tr("1 training, %n in all", nullptr, runs), Tone::Running);
    else m_bar->setStatus(Runs, runs ? tr("%n run(s)", nullptr, runs) : tr("None yet"));
}

void ModeGuide::showEmptyStates() {
    MainWindow* w = m_window;
    bool empty[ModeCount] = {};

    // Dataset: no workspace, or a workspace without a single example.
    widgets::EmptyState* d = m_empty[Dataset];
    const DatasetEmptiness emptiness = !m_dataset.workspace                 ? DatasetEmptiness::NoWorkspace
                                       : m_dataset.examplesInWorkspace == 0 ? DatasetEmptiness::NoExamples
                                                                            : DatasetEmptiness::None;
    empty[Dataset] = emptiness != DatasetEmptiness::None;
    if (emptiness == m_datasetEmptiness) {
        // as it is: its buttons are made again only when what they offer changes
    } else if (emptiness == DatasetEmptiness::NoWorkspace) {
        d->clearActions();
        d->setTitle(tr("No workspace open"));
        d->setText(
            tr("A workspace is a folder that holds your datasets and the runs trained on them. The demo is one, "
               "ready to train: shop order messages turned into JSON."));
        d->addAction(tr("Open the Demo"), [w] { openDemo(w); });
        d->addAction(tr("New Workspace…"), [w] { w->chooseWorkspace(true); });
        d->addAction(tr("Open Workspace…"), [w] { w->chooseWorkspace(false); });
    } else if (emptiness == DatasetEmptiness::NoExamples) {
        d->clearActions();
        d->setTitle(tr("No examples yet"));
        d->setText(
            tr("Import chat conversations (JSONL or JSON with messages), instruction and output or prompt and completion "
               "rows (JSONL, JSON, CSV, TSV), or drop the files anywhere on this window. Every rejected line is reported "
               "with its reason."));
        d->addAction(tr("Import Examples…"), [w] { w->datasetView()->chooseImportFiles(); });
        d->addAction(tr("Open the Demo"), [w] { openDemo(w); });
    }
    m_datasetEmptiness = emptiness;

    empty[Model] = w->modelView()->modelDir().isEmpty();
    if (empty[Model]) showModelEmptyState();
    empty[Setup] = !m_dataset.workspace;
    empty[Training] = !w->trainingView()->hasRun() && !m_training.running;
    empty[Compare] = !w->compareView()->hasBaseModel();
    empty[Evaluation] = w->evaluationView()->currentRunName().isEmpty() && !m_evaluation.running;
    empty[Runs] = w->runsView()->list()->topLevelItemCount() == 0;
    for (int i = 0; i < ModeCount; ++i) m_pages[i]->setCurrentIndex(empty[i] ? 1 : 0);
}

void ModeGuide::showModelEmptyState() {
    MainWindow* w = m_window;
    widgets::EmptyState* m = m_empty[Model];
    if (!m->actions().isEmpty()) return; // made once; the cache is listed again when the menu opens
    m->setTitle(tr("No model open"));
    m->setText(
        tr("A model folder in Hugging Face layout: config.json, the weights as safetensors and the tokenizer. Models "
           "downloaded with <i>hf download</i> or by transformers are in the Hub cache; the starter model is small "
           "enough to fine-tune on a laptop's CPU in minutes."));
    m->addAction(tr("Open Model Folder…"), [w] { w->modelView()->chooseModel(); });
    m->addAction(tr("Open the Starter Model"), [w] {
        try {
            w->modelView()->openModel(qstr(findDemoResources().starterDir));
        } catch (const std::exception& e) {
            w->reportError(tr("Cannot open the starter model: %1").arg(errorMessage(e)));
        }
    });
    QPushButton* cache = m->addAction(tr("From the Hub Cache"), [] {});
    cache->setObjectName(QStringLiteral("hubCacheButton"));
    auto* menu = new QMenu(cache);
    cache->setMenu(menu);
    connect(menu, &QMenu::aboutToShow, this, [w, menu] {
        menu->clear();
        const std::string dir = huggingFaceHubCacheDir();
        const std::vector<CachedModel> models = listCachedModels(dir);
        if (models.empty()) menu->addAction(tr("No models in %1").arg(qstr(dir)))->setEnabled(false);
        for (const CachedModel& model : models) {
            QAction* a = menu->addAction(qstr(model.repoId), w, [w, d = qstr(model.snapshotDir)] { w->modelView()->openModel(d); });
            if (!model.hasWeights) a->setText(tr("%1 (no weights downloaded)").arg(qstr(model.repoId)));
        }
    });
}

void ModeGuide::showHint() {
    MainWindow* w = m_window;
    const int current = m_bar->currentIndex();
    if (current < 0 || showsEmptyState(Mode(current))) {
        m_hint->setHint(QString());
        return;
    }
    const ModelView* model = w->modelView();
    const bool haveModel = !model->modelDir().isEmpty() && !model->isReading() && model->errorText().isEmpty();
    switch (Mode(current)) {
    case Dataset:
        if (m_dataset.total == 0)
            m_hint->setHint(tr("Dataset %1 is empty: import examples into it, or choose another.").arg(m_dataset.name), Tone::Attention,
                            tr("Import…"), [w] { w->datasetView()->chooseImportFiles(); });
        else if (m_dataset.problems > 0)
            m_hint->setHint(tr("Problems in %n example(s), shown in the table and in the editor: fix or delete them; training "
                               "leaves them out.",
                               nullptr, int(m_dataset.problems)),
                            Tone::Attention);
        else {
            const qint64 unassigned = m_dataset.total - m_dataset.train - m_dataset.validation - m_dataset.test;
            if (m_dataset.train == 0 && unassigned == 0) {
                m_hint->setHint(tr("No example is in the train split: assign splits (Splits…) before training."), Tone::Attention);
                break;
            }
            const QString ready = m_dataset.train == 0
                                      ? tr("Dataset ready: %L1 examples, not split yet (a run trains on all of them; Splits… holds "
                                           "some out for validation and test).")
                                            .arg(unassigned)
                                      : tr("Dataset ready: %L1 training, %L2 validation, %L3 test examples.")
                                            .arg(m_dataset.train)
                                            .arg(m_dataset.validation)
                                            .arg(m_dataset.test);
            if (!haveModel)
                m_hint->setHint(ready + QLatin1Char(' ') + tr("Next: choose the model."), Tone::Done, tr("Next: Model"),
                                [this] { go(Model); });
            else
                m_hint->setHint(ready + QLatin1Char(' ') + tr("Next: set up the run."), Tone::Done, tr("Next: Setup"),
                                [this] { go(Setup); });
        }
        break;
    case Model:
        if (haveModel)
            m_hint->setHint(tr("Model ready: %1. Next: set up the run.").arg(w->statusModelText()), Tone::Done, tr("Next: Setup"),
                            [this] { go(Setup); });
        else m_hint->setHint(QString());
        break;
    case Setup: {
        const int problems = w->setupView()->problemCount();
        if (problems == 0)
            m_hint->setHint(tr("Ready to start. The estimate below says how long the run takes and how much memory it needs."), Tone::Done,
                            tr("Start Training"), [w] { w->setupView()->requestStart(); });
        else if (problems > 0)
            m_hint->setHint(tr("%n setting(s) to fix, marked in the form and listed under it.", nullptr, problems), Tone::Attention);
        else m_hint->setHint(QString());
        break;
    }
    case Training:
        if (m_training.running)
            m_hint->setHint(m_training.paused ? tr("Paused at step %L1 of %L2.").arg(m_training.step).arg(m_training.total)
                                              : tr("Training: step %L1 of %L2, about %3 left. The other views stay usable meanwhile.")
                                                    .arg(m_training.step)
                                                    .arg(m_training.total)
                                                    .arg(qstr(formatDuration(m_training.eta))),
                            Tone::Running);
        else if (m_training.finished && m_training.status == TrainStatus::Failed)
            m_hint->setHint(tr("Run %1 failed: %2").arg(m_training.runName, m_training.message), Tone::Failed, tr("Show the Log"),
                            [w] { w->showLog(); });
        else if (m_training.finished && m_training.status == TrainStatus::Stopped)
            m_hint->setHint(tr("Run %1 stopped after a checkpoint. Resume it from Runs when you like.").arg(m_training.runName),
                            Tone::Stopped, tr("Next: Runs"), [this] { go(Runs); });
        else if (m_training.finished)
            m_hint->setHint(tr("Run %1 finished. Next: compare the base and tuned replies.").arg(m_training.runName), Tone::Done,
                            tr("Next: Compare"), [this] { go(Compare); });
        else m_hint->setHint(QString());
        break;
    case Compare:
        if (!w->compareView()->tunedName().isEmpty())
            m_hint->setHint(tr("Step through the validation examples with the arrows. Next: score the run on held-out data."),
                            Tone::Neutral, tr("Next: Evaluation"), [this] { go(Evaluation); });
        else
            m_hint->setHint(tr("No tuned run yet: only the base model replies until a run has finished."), Tone::Neutral, tr("Go to Setup"),
                            [this] { go(Setup); });
        break;
    case Evaluation:
        if (m_evaluation.running)
            m_hint->setHint(m_evaluation.total > 0 ? tr("Evaluating: %L1 of %L2.").arg(m_evaluation.done).arg(m_evaluation.total)
                                                   : tr("Evaluating: loading the models…"),
                            Tone::Running);
        else if (m_evaluation.finished && !m_evaluation.ok)
            m_hint->setHint(m_evaluation.message, Tone::Failed, tr("Show the Log"), [w] { w->showLog(); });
        else if (!w->evaluationView()->report().is_null())
            m_hint->setHint(tr("Next: export the run for transformers, llama.cpp or Ollama (Runs, Export)."), Tone::Done, tr("Next: Runs"),
                            [this] { go(Runs); });
        else m_hint->setHint(QString());
        break;
    case Runs:
        m_hint->setHint(tr("Select several runs to lay their loss curves over each other; a double-click opens one in Training."));
        break;
    case ModeCount: break;
    }
}

void ModeGuide::showTitle() {
    const QString app = tr("Finetune Studio");
    const QString ws = m_dataset.workspace ? QDir(m_window->workspace()->dir()).dirName() : QString();
    QString title = ws.isEmpty() ? app : tr("%1 — %2").arg(ws, app);
    if (m_training.running) title = tr("%1% · %2 · %3").arg(trainingPercent()).arg(m_training.runName, title);
    m_window->setWindowTitle(title);
}

} // namespace ft::ui
