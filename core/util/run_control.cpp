// RunControl: pause, resume and stop for long work on another thread (see run_control.h).
#include "util/run_control.h"

#include <chrono>

namespace ft {

void RunControl::pause() {
    std::lock_guard<std::mutex> lock(m_mutex);
    m_paused = true;
}

void RunControl::resume() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_paused = false;
    }
    m_wake.notify_all();
}

void RunControl::stop() {
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        m_stop = true;
    }
    m_wake.notify_all();
}

bool RunControl::isPaused() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_paused;
}

double RunControl::pausedSeconds() const {
    std::lock_guard<std::mutex> lock(m_mutex);
    return m_pausedSeconds;
}

bool RunControl::check(const std::function<void()>& onPaused, const std::function<void()>& onResumed) {
    std::unique_lock<std::mutex> lock(m_mutex);
    if (!m_paused || m_stop) return !m_stop;
    lock.unlock();
    if (onPaused) onPaused(); // outside the lock: it may report, and a reporter may call resume()
    const auto t0 = std::chrono::steady_clock::now();
    lock.lock();
    m_wake.wait(lock, [&] { return !m_paused || m_stop.load(); });
    m_pausedSeconds += std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const bool go = !m_stop;
    lock.unlock();
    if (go && onResumed) onResumed();
    return go;
}

void RunControl::checkOrThrow(const std::string& what) {
    if (!check()) throw StoppedError(what);
}

} // namespace ft
