# Builds a tiny source tree in WORK in which the store includes a CLI header
# and the extractors include a store header, runs CHECKER on it, and fails
# unless the checker fails naming both files. Then checks that the same tree
# without those includes passes, so the test cannot pass by a checker that
# refuses everything.
file(REMOVE_RECURSE ${WORK})
file(MAKE_DIRECTORY ${WORK}/pipeline/store ${WORK}/pipeline/cli ${WORK}/extractors)
file(WRITE ${WORK}/pipeline/cli/progress_display.h "#pragma once\n")
file(WRITE ${WORK}/pipeline/store/article_store.cc
  "#include \"pipeline/store/article_store.h\"\n#include \"pipeline/fetch/fetch_state.h\"\n#include \"pipeline/cli/progress_display.h\"\n")
file(WRITE ${WORK}/extractors/figure.cc "#include \"extractors/figure.h\"\n  #include \"pipeline/store/article_store.h\"\n")

execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${CHECKER}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(rc EQUAL 0)
  message(FATAL_ERROR "the layering check accepted an upward include")
endif()
foreach(expected "pipeline/store/article_store.cc: store may not include pipeline/cli/progress_display.h"
                 "extractors/figure.cc: extractors may not include pipeline/store/article_store.h")
  string(FIND "${err}" "${expected}" at)
  if(at EQUAL -1)
    message(FATAL_ERROR "the layering check did not report: ${expected}\nit said:\n${err}")
  endif()
endforeach()
string(FIND "${err}" "fetch_state.h" at)
if(NOT at EQUAL -1)
  message(FATAL_ERROR "the store may include the fetch-state interface, but the check refused it:\n${err}")
endif()

file(WRITE ${WORK}/pipeline/store/article_store.cc "#include \"pipeline/store/article_store.h\"\n")
file(WRITE ${WORK}/extractors/figure.cc "#include \"extractors/figure.h\"\n")
execute_process(COMMAND ${CMAKE_COMMAND} -DROOT=${WORK} -P ${CHECKER}
  RESULT_VARIABLE rc ERROR_VARIABLE err)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "the layering check refused a tree with downward includes only:\n${err}")
endif()
