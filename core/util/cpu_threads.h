// Threads on the CPU when the matrix products run in OpenBLAS (Debian's libtorch): OpenBLAS starts
// a thread per core beside libtorch's own per-core threads, and the two sets fight over the cores.
// Measured on 2 cores with `finetune bench --train` (docs/performance.md): the starter at batch 2
// took 0.184 s a step with both at two threads, 0.053 s with OpenBLAS on one, 0.047 s with libtorch
// on one; a 44 M-parameter model at batch 4 x 256 took 3.12, 2.44 and 1.65 s. So libtorch's loops
// get one thread and OpenBLAS keeps the cores. PyTorch's own libtorch (MKL, no OpenBLAS) is left as
// it is, as is any thread count the person set (OMP_NUM_THREADS, OPENBLAS_NUM_THREADS).
#pragma once
#include <string>

namespace ft {

// Call once at start-up. Returns what it changed, for the log ("" when nothing).
std::string tuneCpuThreads();

} // namespace ft
