// RecordFunction callbacks that count ATen operators (see op_counter.h).
#include "util/op_counter.h"

#include "util/error.h"

#include <ATen/record_function.h>
#include <atomic>

namespace ft {

namespace {
std::atomic<int64_t> g_ops{0};
std::atomic<bool> g_active{false};

std::unique_ptr<at::ObserverContext> countOp(const at::RecordFunction&) {
    g_ops.fetch_add(1, std::memory_order_relaxed);
    return nullptr;
}
} // namespace

OpCounter::OpCounter() {
    if (g_active.exchange(true)) throw Error("OpCounter: another counter is already counting");
    g_ops = 0;
    m_handle = at::addGlobalCallback(at::RecordFunctionCallback(countOp).scopes({at::RecordScope::FUNCTION}));
}

OpCounter::~OpCounter() {
    at::removeCallback(m_handle);
    g_active = false;
}

int64_t OpCounter::count() const { return g_ops.load(); }

} // namespace ft
