// TrainingJob: one training run on a worker thread. The Trainer is created on the calling (UI)
// thread, which validates the configuration at once; run() then happens on a QThread, and every
// event reaches the UI as a queued signal, so the UI thread never waits on training. Pause, resume
// and stop go straight to the Trainer, whose controls are thread-safe.
#pragma once
#include <QMetaType>
#include <QObject>
#include <functional>
#include <memory>

#include "train/trainer.h" // torch-free

class QThread;

namespace ft::ui {

class TrainingJob final : public QObject {
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(TrainingJob)

public:
    explicit TrainingJob(QObject* parent = nullptr);
    ~TrainingJob() override; // stops a running job and waits for it (it checkpoints first)

    // Returns false with *error set when the configuration or the run folder is refused.
    bool start(const RunConfig& config, QString* error);
    bool resume(const QString& runDir, QString* error);

    bool isRunning() const;
    bool isPaused() const;
    QString runDir() const { return m_runDir; }

public Q_SLOTS:
    void pause();
    void resumeRun();
    void stop();
    void wait(); // blocks until the worker has finished (for shutdown)

Q_SIGNALS:
    void event(const ft::TrainEvent& event);                       // every trainer event, in order
    void finished(ft::TrainStatus status, const QString& message); // message: a failure's reason

private:
    // Creates the Trainer with an observer that forwards events, then runs it on a new thread.
    bool launch(const std::function<std::unique_ptr<Trainer>(TrainObserver)>& make, QString* error);

    std::unique_ptr<Trainer> m_trainer;
    QThread* m_thread = nullptr;
    QString m_runDir;
};

} // namespace ft::ui

// Queued across threads by value.
Q_DECLARE_METATYPE(ft::TrainEvent)
Q_DECLARE_METATYPE(ft::TrainStatus)
