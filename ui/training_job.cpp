// TrainingJob: a Trainer on its own thread, with its events delivered to the UI thread.
#include "training_job.h"

#include "qt_std.h"
#include "util/error.h"

#include <QThread>

namespace ft::ui {

TrainingJob::TrainingJob(QObject* parent) : QObject(parent) {
    qRegisterMetaType<ft::TrainEvent>();
    qRegisterMetaType<ft::TrainStatus>();
}

TrainingJob::~TrainingJob() {
    stop();
    wait();
}

bool TrainingJob::start(const RunConfig& config, QString* error) {
    return launch([&](TrainObserver observer) { return Trainer::create(config, std::move(observer)); }, error);
}

bool TrainingJob::resume(const QString& runDir, QString* error) {
    return launch([&](TrainObserver observer) { return Trainer::resume(runDir.toStdString(), std::move(observer)); }, error);
}

bool TrainingJob::launch(const std::function<std::unique_ptr<Trainer>(TrainObserver)>& make, QString* error) {
    if (isRunning()) {
        if (error) *error = tr("A training run is already in progress.");
        return false;
    }
    auto observer = [this](const TrainEvent& e) {
        Q_EMIT event(e); // queued: receivers live on the UI thread
    };
    std::unique_ptr<Trainer> trainer;
    try {
        trainer = make(observer);
    } catch (const Error& e) {
        if (error) *error = errorMessage(e);
        return false;
    }
    wait(); // a finished worker of an earlier run
    m_trainer = std::move(trainer);
    m_runDir = QString::fromStdString(m_trainer->runDir());
    Trainer* t = m_trainer.get();
    m_thread = QThread::create([this, t] {
        const TrainOutcome out = t->run();
        Q_EMIT finished(out.status, QString::fromStdString(out.message));
    });
    m_thread->setObjectName(QStringLiteral("training"));
    m_thread->start();
    return true;
}

bool TrainingJob::isRunning() const {
    return m_thread && m_thread->isRunning();
}
bool TrainingJob::isPaused() const {
    return m_trainer && m_trainer->isPaused();
}

void TrainingJob::pause() {
    if (m_trainer) m_trainer->pause();
}

void TrainingJob::resumeRun() {
    if (m_trainer) m_trainer->resumeRun();
}

void TrainingJob::stop() {
    if (m_trainer) m_trainer->stop();
}

void TrainingJob::wait() {
    if (!m_thread) return;
    m_thread->wait();
    delete m_thread;
    m_thread = nullptr;
}

} // namespace ft::ui
