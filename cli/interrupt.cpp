// InterruptScope: Ctrl-C stops long work cleanly, twice quits (see interrupt.h).
#include "interrupt.h"

#include <chrono>
#include <csignal>
#include <unistd.h>

namespace ft::cli {

namespace {

std::atomic<int> g_interrupts{0};

void onInterrupt(int) {
    if (g_interrupts.fetch_add(1) >= 1) _exit(130);
}

} // namespace

InterruptScope::InterruptScope(std::function<void()> stop) {
    g_interrupts = 0;
    std::signal(SIGINT, onInterrupt);
    std::signal(SIGTERM, onInterrupt);
    m_watcher = std::thread([this, stop = std::move(stop)] {
        bool told = false;
        while (!m_done.load()) {
            if (!told && g_interrupts.load() > 0) {
                stop();
                told = true;
            }
            std::this_thread::sleep_for(std::chrono::milliseconds(100));
        }
    });
}

InterruptScope::~InterruptScope() {
    m_done = true;
    m_watcher.join();
    std::signal(SIGINT, SIG_DFL);
    std::signal(SIGTERM, SIG_DFL);
}

} // namespace ft::cli
