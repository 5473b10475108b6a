// A training step captured once into a CUDA graph and replayed.
#include "train/cuda_graph.h"

#include "util/error.h"

#include "torch_pch.h"

#ifdef FT_WITH_CUDA
#include <ATen/cuda/CUDAGraph.h>
#include <c10/cuda/CUDAGuard.h>
#include <c10/cuda/CUDAStream.h>
#endif

namespace ft {

#ifdef FT_WITH_CUDA
struct CapturedWork::Impl {
    std::unique_ptr<at::cuda::CUDAGraph> graph; // made after the device is known to be CUDA
    torch::Tensor result;
};

bool cudaGraphsCompiledIn() {
    return true;
}

CapturedWork::CapturedWork(const std::function<torch::Tensor()>& work, const std::string& device, int warmups) : d(new Impl) {
    const torch::Device dev(device);
    if (!dev.is_cuda()) throw Error("CUDA graphs need a CUDA device, not " + device);
    d->graph = std::make_unique<at::cuda::CUDAGraph>();
    const auto stream = c10::cuda::getStreamFromPool(false, dev.index() < 0 ? c10::DeviceIndex(0) : dev.index());
    torch::cuda::synchronize();
    {
        // Warm-up on the side stream: the allocator and cuBLAS settle before anything is recorded.
        const c10::cuda::CUDAStreamGuard guard(stream);
        for (int i = 0; i < warmups; ++i) work();
    }
    torch::cuda::synchronize();
    {
        const c10::cuda::CUDAStreamGuard guard(stream);
        d->graph->capture_begin();
        d->result = work();
        d->graph->capture_end();
    }
    torch::cuda::synchronize();
}

const torch::Tensor& CapturedWork::replay() {
    d->graph->replay();
    return d->result;
}
#else
struct CapturedWork::Impl {
    torch::Tensor result;
};

bool cudaGraphsCompiledIn() {
    return false;
}

CapturedWork::CapturedWork(const std::function<torch::Tensor()>&, const std::string&, int) {
    throw Error("CUDA graphs need a build with CUDA compiled in (this one has none)");
}

const torch::Tensor& CapturedWork::replay() {
    return d->result;
}
#endif

CapturedWork::~CapturedWork() = default;

} // namespace ft
