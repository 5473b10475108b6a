// RunControl: the one way to pause, resume and stop long work running on another thread (training,
// pre-training, evaluation). Any thread may call pause(), resume() and stop(); the worker calls
// check() between units of work small enough that a stop takes effect within about a second (a
// micro-batch, a scored example, a generated token). check() blocks while paused and says whether
// to go on; after a stop the worker ends cleanly (the trainer checkpoints; evaluation and
// pre-training report StoppedError).
#pragma once
#include "util/error.h"

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>

namespace ft {

// What work that was stopped throws when it has nothing to hand back (an evaluation, a pre-training).
class StoppedError : public Error {
public:
    explicit StoppedError(const std::string& what) : Error(what + " stopped") {}
};

class RunControl {
public:
    void pause();
    void resume();
    void stop(); // also ends a pause
    bool isPaused() const;
    bool stopRequested() const { return m_stop.load(); }

    // Blocks while paused (calling onPaused before the wait and onResumed after it, unless the wait
    // ended in a stop); returns false once a stop was asked for. Adds the time spent paused to
    // pausedSeconds().
    bool check(const std::function<void()>& onPaused = {}, const std::function<void()>& onResumed = {});
    // check(), throwing StoppedError("<what>") on a stop: for work without a partial result.
    void checkOrThrow(const std::string& what);
    double pausedSeconds() const;

    // For APIs that poll a flag (generation's GenerateOptions::cancel).
    const std::atomic<bool>* stopFlag() const { return &m_stop; }

private:
    mutable std::mutex m_mutex;
    std::condition_variable m_wake;
    bool m_paused = false;
    std::atomic<bool> m_stop{false};
    double m_pausedSeconds = 0;
};

} // namespace ft
