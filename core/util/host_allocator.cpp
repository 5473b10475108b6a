// Keeping freed host memory in the process between steps.
#include "util/host_allocator.h"

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace ft {

void keepFreedHostMemory() {
#if defined(__GLIBC__)
    mallopt(M_MMAP_THRESHOLD, 256 << 20); // only blocks of 256 MiB and more get their own mapping
    mallopt(M_TRIM_THRESHOLD, 1 << 30);   // give the heap top back only when 1 GiB lies free there
    mallopt(M_TOP_PAD, 64 << 20);         // grow the heap in 64 MiB steps
#endif
}

} // namespace ft
