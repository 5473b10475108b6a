// RecordFunction callbacks that count ATen operators (see op_counter.h).
#include "util/op_counter.h"

#include "util/error.h"

#include <ATen/record_function.h>
#include <algorithm>
#include <atomic>
#include <map>
#include <mutex>
#include <vector>

namespace ft {

namespace {
std::atomic<int64_t> g_ops{0}, g_leafOps{0};
std::atomic<bool> g_active{false};
// Per thread, one entry per op under way: whether it has called another op yet.
thread_local std::vector<bool> t_hasChild;
std::mutex g_namesMutex;
std::map<std::string, int64_t> g_leafNames;

std::unique_ptr<at::ObserverContext> opStarts(const at::RecordFunction&) {
    g_ops.fetch_add(1, std::memory_order_relaxed);
    if (!t_hasChild.empty()) t_hasChild.back() = true;
    t_hasChild.push_back(false);
    return nullptr;
}

void opEnds(const at::RecordFunction& fn, at::ObserverContext*) {
    if (t_hasChild.empty()) return; // began before the counter did
    if (!t_hasChild.back()) {
        g_leafOps.fetch_add(1, std::memory_order_relaxed);
        const std::lock_guard<std::mutex> lock(g_namesMutex);
        ++g_leafNames[fn.name()];
    }
    t_hasChild.pop_back();
}
} // namespace

OpCounter::OpCounter() {
    if (g_active.exchange(true)) throw Error("OpCounter: another counter is already counting");
    g_ops = 0;
    g_leafOps = 0;
    {
        const std::lock_guard<std::mutex> lock(g_namesMutex);
        g_leafNames.clear();
    }
    m_handle = at::addGlobalCallback(at::RecordFunctionCallback(opStarts, opEnds).scopes({at::RecordScope::FUNCTION}));
}

OpCounter::~OpCounter() {
    at::removeCallback(m_handle);
    g_active = false;
}

int64_t OpCounter::count() const {
    return g_ops.load();
}

int64_t OpCounter::leafCount() const {
    return g_leafOps.load();
}

std::vector<std::pair<std::string, int64_t>> OpCounter::leavesByName() const {
    std::vector<std::pair<std::string, int64_t>> out;
    {
        const std::lock_guard<std::mutex> lock(g_namesMutex);
        out.assign(g_leafNames.begin(), g_leafNames.end());
    }
    std::stable_sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.second > b.second; });
    return out;
}

} // namespace ft
