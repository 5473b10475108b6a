// The one place that knows which libtorch we build against (Debian's 1.13 on CPU, 2.x on CUDA boxes).
#pragma once
#include <torch/version.h>

#if TORCH_VERSION_MAJOR >= 2
#define FT_HAS_SDPA 1 // at::scaled_dot_product_attention exists from 2.0
#else
#define FT_HAS_SDPA 0
#endif

// Multi-tensor forms of the optimizer's work (_fused_adamw_, _foreach_norm, _foreach_mul_ by a tensor):
// one kernel for what is otherwise one per parameter tensor.
#define FT_HAS_FUSED_OPTIMIZER (TORCH_VERSION_MAJOR >= 2)
// at::rms_norm (one fused kernel forward and one backward on CUDA) from 2.4.
#define FT_HAS_FUSED_RMS_NORM (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 4))
// scaled_dot_product_attention(..., enable_gqa): grouped-query attention without repeating K and V, from 2.5.
#define FT_HAS_SDPA_GQA (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 5))
// mm(a, b, out_dtype): bfloat16/float16 inputs summed into a float32 result by cuBLAS (CUDA only), from 2.8.
#define FT_HAS_MM_OUT_DTYPE (TORCH_VERSION_MAJOR > 2 || (TORCH_VERSION_MAJOR == 2 && TORCH_VERSION_MINOR >= 8))
