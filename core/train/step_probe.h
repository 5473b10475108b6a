// Measures what one optimiser step of a configured run costs on this machine, before the run: the
// run's model, device, dtype, adapters, batch size and max_seq_len (the worst case: every row full),
// a few real steps on random tokens. Torch-free header for the studio's Setup view.
#pragma once
#include "train/run_config.h"

#include <cstdint>
#include <string>

namespace ft {

struct StepProbeResult {
    double secondsPerStep = 0; // one micro-batch (multiply by grad_accum for an optimiser step)
    double tokensPerSecond = 0;
    uint64_t peakBytes = 0; // CUDA allocator peak, or the process's peak RSS on the CPU
    std::string device;     // "cpu", "cuda:0"
};

// Throws ft::Error (model folder, out of memory, ...) naming what failed.
StepProbeResult probeTrainingStep(const RunConfig& config, int64_t steps = 3);

} // namespace ft
