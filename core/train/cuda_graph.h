// A piece of device work (a whole training step: forward, backward, norm, clip, AdamW) captured once
// into a CUDA graph and replayed: one launch a step instead of thousands, so a step whose kernels are
// small stops waiting on the host. The work must be free of host synchronisation and of shapes that
// change, and its tensors keep their addresses: what it returns is the same storage after each replay.
// Only in builds with CUDA compiled in (cudaGraphsCompiledIn()); elsewhere the constructor throws.
#pragma once
#include <torch/types.h>

#include <functional>
#include <memory>
#include <string>

namespace ft {

bool cudaGraphsCompiledIn();

class CapturedWork {
public:
    // Runs `work` `warmups` times on a side stream (as capture requires), then captures one more run.
    CapturedWork(const std::function<torch::Tensor()>& work, const std::string& device, int warmups = 3);
    ~CapturedWork();
    CapturedWork(const CapturedWork&) = delete;
    CapturedWork& operator=(const CapturedWork&) = delete;

    // Replays the work; returns the tensor the captured run returned, now holding this run's values.
    const torch::Tensor& replay();

private:
    struct Impl;
    std::unique_ptr<Impl> d;
};

} // namespace ft
