// Keeps freed host memory in the process instead of handing it back to the kernel after every step.
// Training frees and reallocates the same activation buffers each step; with glibc's defaults
// buffers above a (moving) threshold are mmap'ed and unmapped each time and the heap top is
// trimmed, so every step pays page faults: on the demo's small model a third of the CPU time went
// to the kernel and steps took 70 ms instead of 40 (docs/performance.md). The peak is unchanged.
#pragma once

namespace ft {

// Call once at start-up, before large allocations. A no-op where the C library is not glibc.
void keepFreedHostMemory();

} // namespace ft
