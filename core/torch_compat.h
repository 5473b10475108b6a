// The one place that knows which libtorch we build against (Debian's 1.13 on CPU, 2.x on CUDA boxes).
#pragma once
#include <torch/version.h>

#if TORCH_VERSION_MAJOR >= 2
#define FT_HAS_SDPA 1   // at::scaled_dot_product_attention exists from 2.0
#else
#define FT_HAS_SDPA 0
#endif
