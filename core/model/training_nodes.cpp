// The switch between the model's own autograd nodes and composed libtorch ops.
#include "model/training_nodes.h"

#include "torch_compat.h"

#include <c10/core/GradMode.h>

#include <atomic>

namespace ft {

namespace {
std::atomic<bool> g_fused{true};
std::atomic<bool> g_loraInModelDtype{false};
} // namespace

void setFusedTrainingNodes(bool on) {
    g_fused = on;
}
bool fusedTrainingNodes() {
    return g_fused;
}
void setLoraInModelDtype(bool on) {
    g_loraInModelDtype = on;
}
bool loraInModelDtype() {
    return g_loraInModelDtype;
}

bool useTrainingNode(bool inputsRequireGrad) {
    return inputsRequireGrad && c10::GradMode::is_enabled() && fusedTrainingNodes();
}

bool trainingAttentionIsFused(bool cuda) {
    return fusedTrainingNodes() || (cuda && FT_HAS_SDPA != 0);
}

} // namespace ft
