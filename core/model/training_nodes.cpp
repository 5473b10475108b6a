#include "model/training_nodes.h"

#include <atomic>

namespace ft {

namespace {
std::atomic<bool> g_fused{true};
}

void setFusedTrainingNodes(bool on) { g_fused = on; }
bool fusedTrainingNodes() { return g_fused; }

} // namespace ft
