# Finds libtorch: PyTorch's (2.x, usually with CUDA; the main build) when CMAKE_PREFIX_PATH points
# at it (scripts/build does), else Debian's CPU-only 1.13 (libtorch-dev). Sets:
#   CMAKE_CXX_STANDARD  what that libtorch's headers need: 20 for 2.x (recent releases refuse 17),
#                       17 for 1.13 (whose headers do not compile as C++20)
#   FT_TORCH_FLAVOUR    "pytorch" or "debian" (the .deb is built from the debian flavour only)
#   FT_TORCH_CUDA       ON when CUDA is compiled in
# FT_LIBTORCH (pytorch or debian; scripts/build sets it) makes the flavour found a requirement.
set(FT_LIBTORCH "" CACHE STRING "The libtorch this build must use: pytorch, debian, or empty for whichever is found")
find_package(Torch REQUIRED)

# TorchConfig looks its libraries up with the default paths too, so a CMAKE_PREFIX_PATH of only
# torch/share/cmake can pair PyTorch's headers with Debian's /usr/lib/libtorch.so. Refuse that.
get_filename_component(ft_torch_root "${TORCH_INSTALL_PREFIX}" REALPATH)
get_filename_component(ft_torch_lib "${TORCH_LIBRARY}" REALPATH)
string(FIND "${ft_torch_lib}" "${ft_torch_root}/" ft_torch_at)
if(NOT ft_torch_at EQUAL 0)
  message(FATAL_ERROR "libtorch ${Torch_VERSION} at ${ft_torch_root} was paired with ${ft_torch_lib}. "
                      "Put the torch folder itself in CMAKE_PREFIX_PATH too, e.g. "
                      "-DCMAKE_PREFIX_PATH=\"<torch>/share/cmake;<torch>\" (scripts/build does).")
endif()

if(ft_torch_root MATCHES "^/usr(/|$)")
  set(FT_TORCH_FLAVOUR debian)
else()
  set(FT_TORCH_FLAVOUR pytorch)
endif()
if(FT_TORCH_FLAVOUR STREQUAL "pytorch")
  # PyTorch's libtorch.so exports copies of parts of a newer libstdc++ that its wheel links in
  # statically (std::filesystem, std::chrono::tzdb, ...); listed before libstdc++.so.6, they win the
  # process's symbol lookup, and std::filesystem::remove_all then jumps to a null pointer. Naming
  # libstdc++ first in every link makes the system's copy the one found.
  add_link_options(LINKER:--push-state,--no-as-needed -lstdc++ LINKER:--pop-state)
endif()
if(FT_LIBTORCH AND NOT FT_LIBTORCH STREQUAL FT_TORCH_FLAVOUR)
  message(FATAL_ERROR "FT_LIBTORCH is ${FT_LIBTORCH}, but the libtorch found is ${FT_TORCH_FLAVOUR}'s "
                      "(${ft_torch_root}). scripts/build points CMake at the right one; a build folder made "
                      "for the other flavour needs deleting.")
endif()
if(Torch_VERSION VERSION_GREATER_EQUAL 2.0)
  set(CMAKE_CXX_STANDARD 20)
else()
  set(CMAKE_CXX_STANDARD 17)
endif()
if(TARGET torch_cuda OR TARGET c10_cuda)
  set(FT_TORCH_CUDA ON)
else()
  set(FT_TORCH_CUDA OFF)
endif()
message(STATUS "libtorch ${Torch_VERSION} (${FT_TORCH_FLAVOUR}, CUDA compiled in: ${FT_TORCH_CUDA}) at "
               "${ft_torch_root}; C++${CMAKE_CXX_STANDARD}")
