# cmake -DROOT=<source dir> -P CheckLayers.cmake
#
# Fails (FATAL_ERROR, naming file and line) when a file of a layer includes a
# header of a layer it may not use. The allowed arrows are those of
# docs/ARCHITECTURE.md; each layer may use every layer below it. The fetch-state
# interface (pipeline/fetch/fetch_state.h) is the one header of fetch that the
# store may include.
#
# Run by the check_layers target of every build, and by a ctest case that
# feeds it a tree with a wrong include (tests/layering/).
if(NOT ROOT)
  message(FATAL_ERROR "CheckLayers.cmake: pass -DROOT=<source dir>")
endif()

set(below_web "")
set(below_fetch web)
set(below_feeds web)
set(below_article web)
set(below_warc web)
set(below_crawl fetch feeds web)
set(below_store extractors web)
set(below_ingest crawl fetch feeds article warc store extractors web)
set(below_cli ingest crawl fetch feeds article warc store extractors web)
set(below_extractors "")
set(layers web fetch feeds article warc crawl store ingest cli)

set(violations "")
function(check_folder layer folder)
  file(GLOB files ${folder}/*.h ${folder}/*.cc)
  foreach(file IN LISTS files)
    file(STRINGS ${file} lines REGEX "^[ \t]*#[ \t]*include[ \t]+\"(pipeline|extractors)/")
    foreach(line IN LISTS lines)
      string(REGEX MATCH "\"([^\"]+)\"" _ "${line}")
      set(header "${CMAKE_MATCH_1}")
      if(header MATCHES "^extractors/")
        set(target extractors)
      elseif(header MATCHES "^pipeline/([a-z_]+)/")
        set(target ${CMAKE_MATCH_1})
      else()
        set(target "pipeline (no layer)")
      endif()
      if(target STREQUAL layer)
        continue()
      endif()
      if(layer STREQUAL "store" AND header STREQUAL "pipeline/fetch/fetch_state.h")
        continue()
      endif()
      list(FIND below_${layer} "${target}" found)
      if(found EQUAL -1)
        file(RELATIVE_PATH rel ${ROOT} ${file})
        string(APPEND violations "\n  ${rel}: ${layer} may not include ${header}")
      endif()
    endforeach()
  endforeach()
  set(violations "${violations}" PARENT_SCOPE)
endfunction()

foreach(layer IN LISTS layers)
  check_folder(${layer} ${ROOT}/pipeline/${layer})
endforeach()
check_folder(extractors ${ROOT}/extractors)

file(GLOB stray ${ROOT}/pipeline/*.h ${ROOT}/pipeline/*.cc)
foreach(file IN LISTS stray)
  file(RELATIVE_PATH rel ${ROOT} ${file})
  set(violations "${violations}\n  ${rel}: every pipeline file belongs to a layer folder")
endforeach()

if(violations)
  message(FATAL_ERROR "Layering violations (see docs/ARCHITECTURE.md):${violations}")
endif()
