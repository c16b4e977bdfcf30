# What `cmake --install build [--prefix DIR]` puts where:
#   bin/cryptonews                       the program
#   share/man/man1/cryptonews.1          its manual page, with every command's help,
#   share/man/man1/cryptonews-NAME.1     and one page per command
#   lib/systemd/system/cryptonews-ingest.service and .timer   the nightly job
# The pages are generated at build time from the binary's own --help by
# help2man (cmake/GenerateManPages.cmake), so they always match the program.
include(GNUInstallDirs)

install(TARGETS cryptonews RUNTIME DESTINATION ${CMAKE_INSTALL_BINDIR})

option(CRYPTONEWS_MANPAGES "Generate and install the manual pages (needs help2man)" ON)
if(CRYPTONEWS_MANPAGES)
  find_program(HELP2MAN_EXECUTABLE help2man)
  if(NOT HELP2MAN_EXECUTABLE)
    message(FATAL_ERROR "help2man not found: run scripts/install-deps.sh, "
                        "or configure with -DCRYPTONEWS_MANPAGES=OFF")
  endif()
  # The pages' date: the last commit's, so rebuilding the same sources gives
  # the same pages.
  find_package(Git QUIET)
  set(man_date_args "")
  if(GIT_FOUND)
    execute_process(COMMAND ${GIT_EXECUTABLE} log -1 --format=%ct
                    WORKING_DIRECTORY ${PROJECT_SOURCE_DIR}
                    OUTPUT_VARIABLE commit_time OUTPUT_STRIP_TRAILING_WHITESPACE
                    RESULT_VARIABLE git_rc ERROR_QUIET)
    if(git_rc EQUAL 0 AND commit_time MATCHES "^[0-9]+$")
      set(man_date_args -DSOURCE_DATE_EPOCH=${commit_time})
    endif()
  endif()
  set(man_dir ${CMAKE_CURRENT_BINARY_DIR}/man)
  add_custom_command(
    OUTPUT ${man_dir}/cryptonews.1
    COMMAND ${CMAKE_COMMAND} -DBINARY=$<TARGET_FILE:cryptonews> -DHELP2MAN=${HELP2MAN_EXECUTABLE}
            -DVERSION=${PROJECT_VERSION} -DOUT_DIR=${man_dir} ${man_date_args}
            -P ${PROJECT_SOURCE_DIR}/cmake/GenerateManPages.cmake
    DEPENDS cryptonews ${PROJECT_SOURCE_DIR}/cmake/GenerateManPages.cmake
    COMMENT "Generating manual pages from cryptonews --help"
    VERBATIM)
  add_custom_target(man_pages ALL DEPENDS ${man_dir}/cryptonews.1)
  # The folder holds every generated page; the .h2m help2man input is not one.
  install(DIRECTORY ${man_dir}/ DESTINATION ${CMAKE_INSTALL_MANDIR}/man1
          FILES_MATCHING PATTERN "*.1")
endif()

# lib/systemd/system/cryptonews-ingest.{service,timer}: the nightly job
# (packaging/systemd/, shown in docs/OPERATIONS.md). The files name the binary
# as /usr/local/bin/cryptonews; the installed copies name the one installed,
# under the prefix given at install time (`cmake --install --prefix`).
foreach(unit cryptonews-ingest.service cryptonews-ingest.timer)
  install(CODE "
    file(READ \"${PROJECT_SOURCE_DIR}/packaging/systemd/${unit}\" unit_text)
    string(REPLACE \"/usr/local/bin/cryptonews\" \"\${CMAKE_INSTALL_PREFIX}/${CMAKE_INSTALL_BINDIR}/cryptonews\" unit_text \"\${unit_text}\")
    set(unit_path \"\$ENV{DESTDIR}\${CMAKE_INSTALL_PREFIX}/lib/systemd/system/${unit}\")
    message(STATUS \"Installing: \${unit_path}\")
    file(WRITE \"\${unit_path}\" \"\${unit_text}\")
  ")
endforeach()
