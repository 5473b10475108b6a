# Shared CMake helpers: warnings, the torch precompiled header, and test registration.

# Warnings for our own targets (libtorch headers are included as SYSTEM, so they stay quiet).
function(ft_set_warnings target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Wno-unused-parameter)
  if(FT_WERROR)
    target_compile_options(${target} PRIVATE -Werror)
  endif()
endfunction()

# Torch headers cost seconds per translation unit; precompile a narrow set once per target.
# Sources listed after NO_PCH (those that never touch torch) skip it: loading it costs ~3 s.
function(ft_torch_pch target)
  cmake_parse_arguments(P "" "" "NO_PCH" ${ARGN})
  target_precompile_headers(${target} PRIVATE ${PROJECT_SOURCE_DIR}/core/torch_pch.h)
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
  ft_torch_pch(${name})
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
