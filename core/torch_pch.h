// Precompiled header for translation units that use libtorch (see cmake/FtHelpers.cmake).
// Deliberately narrower than <torch/torch.h> (which costs ~20 s per file to parse): tensor ops,
// modules and grad-mode guards only. Files that need more include it themselves.
#pragma once
#include <ATen/ATen.h>
#include <torch/types.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>
#include <torch/nn/modules/container/modulelist.h>
#include <torch/utils.h>
#include <torch/cuda.h>
