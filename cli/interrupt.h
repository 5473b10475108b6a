// Ctrl-C and SIGTERM for a command doing long work, the same in every command: the first asks the
// work to stop (through `stop`, called within a tenth of a second: a signal handler may only set a
// flag, so a watcher thread passes it on), a second one quits at once (exit status 130).
#pragma once
#include <atomic>
#include <functional>
#include <thread>

namespace ft::cli {

class InterruptScope {
public:
    explicit InterruptScope(std::function<void()> stop);
    ~InterruptScope(); // restores the default handlers
    InterruptScope(const InterruptScope&) = delete;
    InterruptScope& operator=(const InterruptScope&) = delete;

private:
    std::atomic<bool> m_done{false};
    std::thread m_watcher;
};

} // namespace ft::cli
