// tuneCpuThreads: OpenBLAS is found by its symbol in the process (Debian's libtorch links it).
#include "util/cpu_threads.h"

#include <ATen/Parallel.h>
#include <cstdlib>
#include <dlfcn.h>

namespace ft {

std::string tuneCpuThreads() {
    const bool openblas = dlsym(RTLD_DEFAULT, "openblas_get_num_threads") != nullptr;
    if (!openblas || std::getenv("OMP_NUM_THREADS") || std::getenv("OPENBLAS_NUM_THREADS")) return {};
    if (at::get_num_threads() == 1) return {};
    at::set_num_threads(1);
    return "libtorch on 1 thread, OpenBLAS on the cores (they fight over the cores otherwise; OMP_NUM_THREADS overrides)";
}

} // namespace ft
