# Shared CMake helpers: warnings, the torch precompiled header, and test registration.

# Warnings for our own targets (libtorch headers are included as SYSTEM, so they stay quiet).
function(ft_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(FT_WERROR)   # on in CI (scripts/test under CI=true)
    # GCC 12 under C++20 and -O3 warns about code of libstdc++'s std::string and std::vector that it
    # inlined into ours (-Wrestrict, -Warray-bounds, -Wstringop-*), with sizes no call can reach:
    # those stay visible but do not fail the build.
    target_compile_options(${target} PRIVATE -Werror
      $<$<CXX_COMPILER_ID:GNU>:-Wno-error=restrict -Wno-error=array-bounds -Wno-error=stringop-overflow -Wno-error=stringop-overread>)
  endif()
endfunction()

# Torch headers cost seconds per translation unit; precompile a narrow set once per target.
# Sources listed after NO_PCH (those that never touch torch) skip it: loading it costs ~3 s.
function(ft_torch_pch target)
  cmake_parse_arguments(P "" "REUSE_FROM" "NO_PCH" ${ARGN})
  if(P_REUSE_FROM)   # the same header already compiled for a target with the same flags
    target_precompile_headers(${target} REUSE_FROM ${P_REUSE_FROM})
  else()
    target_precompile_headers(${target} PRIVATE ${PROJECT_SOURCE_DIR}/core/torch_pch.h)
  endif()
  target_compile_options(${target} PRIVATE -Winvalid-pch)   # a header that cannot be used says so
  if(P_NO_PCH)
    set_source_files_properties(${P_NO_PCH} TARGET_DIRECTORY ${target} PROPERTIES SKIP_PRECOMPILE_HEADERS ON)
  endif()
endfunction()

# ft_add_test(NAME SOURCES... [LABEL label] [LIBS libs...] [GUI])
# One Qt Test executable per concept, registered with ctest.
function(ft_add_test name)
  cmake_parse_arguments(T "GUI" "LABEL;TIMEOUT;FIXTURES" "SOURCES;LIBS" ${ARGN})
  add_executable(${name} ${T_SOURCES})
  target_link_libraries(${name} PRIVATE Qt6::Test ft_test_support ${T_LIBS})
  ft_set_warnings(${name})
  # One torch precompiled header for all core tests (each of its own costs ~30 s with libtorch 2.x):
  # the first test makes it, the others reuse it (same flags: all are Qt executables). GUI tests
  # never see torch headers and take none.
  if(NOT T_GUI)
    get_property(pch_owner GLOBAL PROPERTY FT_TEST_PCH_OWNER)
    if(pch_owner)
      ft_torch_pch(${name} REUSE_FROM ${pch_owner})
    else()
      ft_torch_pch(${name})
      set_property(GLOBAL PROPERTY FT_TEST_PCH_OWNER ${name})
    endif()
  endif()
  add_test(NAME ${name} COMMAND ${name})
  if(NOT T_LABEL)
    set(T_LABEL core)
  endif()
  if(NOT T_TIMEOUT)
    set(T_TIMEOUT 600)
  endif()
  set(env "FT_TEST_TMP=${CMAKE_BINARY_DIR}/test-tmp" "FT_CLI=$<TARGET_FILE:finetune>"
          "FT_TEST_DATA=${PROJECT_SOURCE_DIR}/tests/data" "FT_FIXTURES=${CMAKE_BINARY_DIR}/fixtures")
  if(T_GUI)
    list(APPEND env "QT_QPA_PLATFORM=offscreen")
  endif()
  set_tests_properties(${name} PROPERTIES LABELS "${T_LABEL}" TIMEOUT ${T_TIMEOUT}
                       ENVIRONMENT "${env}")
  if(T_FIXTURES)
    set_tests_properties(${name} PROPERTIES FIXTURES_REQUIRED "${T_FIXTURES}")
  endif()
endfunction()

# ft_add_reference_test(NAME SCRIPT [ARGS...]): tests/reference/SCRIPT run by FT_PYTHON through
# run_reference.sh (a visible skip, exit 77, when the environment is missing; a failure under CI=true).
set(FT_PYTHON "$ENV{HOME}/.cache/finetune-studio/python/bin/python" CACHE FILEPATH
    "Python of the project's environment (scripts/pyenv) that runs the reference checks")
function(ft_add_reference_test name script)
  set(dir ${PROJECT_SOURCE_DIR}/tests/reference)
  add_test(NAME ${name} COMMAND ${dir}/run_reference.sh ${FT_PYTHON} ${dir}/${script} ${ARGN})
  set_tests_properties(${name} PROPERTIES LABELS reference TIMEOUT 900 SKIP_RETURN_CODE 77
                       FIXTURES_REQUIRED tokenizer_files
                       ENVIRONMENT "FT_CLI=$<TARGET_FILE:finetune>;HF_HUB_OFFLINE=1;TRANSFORMERS_VERBOSITY=error;TOKENIZERS_PARALLELISM=false;PYTHONDONTWRITEBYTECODE=1")
endfunction()
