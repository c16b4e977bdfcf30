# cmake -DBINARY=<built cryptonews> -DHELP2MAN=<help2man> -DVERSION=<x.y.z>
#       -DOUT_DIR=<dir> -P GenerateManPages.cmake
#
# Writes the manual pages of the built binary from its own --help output, so
# the pages cannot drift from the program: cryptonews.1 (the program, its
# commands, and each command's full help under COMMANDS) and one
# cryptonews-COMMAND.1 per subcommand. The list of subcommands is read from
# `cryptonews --help`, so a new command gets its page without an edit here.
cmake_minimum_required(VERSION 3.25)
foreach(var BINARY HELP2MAN VERSION OUT_DIR)
  if(NOT DEFINED ${var})
    message(FATAL_ERROR "GenerateManPages.cmake: -D${var}=... is required")
  endif()
endforeach()

# help2man runs `NAME --help`; putting the binary's folder first on PATH makes
# the pages say `cryptonews`, not the build path.
get_filename_component(bin_dir "${BINARY}" DIRECTORY)
get_filename_component(bin_name "${BINARY}" NAME)
set(ENV{PATH} "${bin_dir}:$ENV{PATH}")
set(ENV{LC_ALL} "C.UTF-8")
# The pages carry the date of the sources, not of the build, when git knows it.
if(NOT DEFINED ENV{SOURCE_DATE_EPOCH} AND DEFINED SOURCE_DATE_EPOCH)
  set(ENV{SOURCE_DATE_EPOCH} "${SOURCE_DATE_EPOCH}")
endif()
file(MAKE_DIRECTORY "${OUT_DIR}")
# Pages of commands that no longer exist must not be installed.
file(GLOB old_pages "${OUT_DIR}/*.1")
if(old_pages)
  file(REMOVE ${old_pages})
endif()

execute_process(COMMAND "${bin_name}" --help
                OUTPUT_VARIABLE main_help RESULT_VARIABLE rc)
if(NOT rc EQUAL 0)
  message(FATAL_ERROR "GenerateManPages.cmake: `${BINARY} --help` exited with ${rc}")
endif()
string(FIND "${main_help}" "\nSubcommands:\n" at)
if(at LESS 0)
  message(FATAL_ERROR "GenerateManPages.cmake: no 'Subcommands:' list in `${BINARY} --help`")
endif()
string(SUBSTRING "${main_help}" ${at} -1 command_list)
string(REGEX MATCHALL "\n  [a-z][a-z0-9-]*  " command_lines "${command_list}")

# Runs help2man on PROGRAM (one argument, may hold a space) into PAGE.
function(run_help2man program name page)
  execute_process(
    COMMAND "${HELP2MAN}" --no-info --no-discard-stderr "--version-string=${VERSION}"
            "--name=${name}" "--output=${page}" ${ARGN} "${program}"
    RESULT_VARIABLE rc ERROR_VARIABLE err)
  if(NOT rc EQUAL 0)
    message(FATAL_ERROR "GenerateManPages.cmake: help2man on `${program}` failed (${rc}): ${err}")
  endif()
endfunction()

set(commands_section "[COMMANDS]\n")
set(see_also "[SEE ALSO]\n")
set(first TRUE)
foreach(line IN LISTS command_lines)
  string(STRIP "${line}" command)
  string(REGEX MATCH "\n  ${command}  +([^\n]*)" summary_match "${command_list}")
  set(summary "${CMAKE_MATCH_1}")
  set(page "${OUT_DIR}/${bin_name}-${command}.1")
  run_help2man("${bin_name} ${command}" "${summary}" "${page}")

  file(READ "${page}" body)
  # The page's own name is cryptonews-COMMAND (one word, as man and whatis want).
  string(TOUPPER "${bin_name}-${command}" title)
  string(REGEX REPLACE "\n\\.TH [^\n]*\"1\"" "\n.TH ${title} \"1\"" body "${body}")
  string(REPLACE "\n${bin_name} ${command} \\- " "\n${bin_name}-${command} \\- " body "${body}")
  string(APPEND body ".SH \"SEE ALSO\"\n.BR ${bin_name} (1)\n")
  file(WRITE "${page}" "${body}")

  # cryptonews.1 carries the same text under COMMANDS: the description and
  # options of the command, as subsections of one section.
  string(FIND "${body}" "\n.SH DESCRIPTION\n" from)
  string(FIND "${body}" "\n.SH \"SEE ALSO\"" to)
  if(from LESS 0 OR to LESS 0)
    message(FATAL_ERROR "GenerateManPages.cmake: ${page} has no DESCRIPTION or SEE ALSO section")
  endif()
  string(LENGTH "\n.SH DESCRIPTION\n" heading_length)
  math(EXPR from "${from} + ${heading_length}")
  math(EXPR length "${to} - ${from} + 1")
  string(SUBSTRING "${body}" ${from} ${length} text)
  string(REPLACE "\n.SH OPTIONS\n" "\n" text "${text}")
  string(REGEX REPLACE "\n\\.SH ([^\n]*)" "\n.PP\n\\\\fB\\1\\\\fR" text "${text}")
  string(REGEX REPLACE "\n\\.SS ([^\n]*)" "\n.PP\n\\\\fB\\1\\\\fR" text "${text}")
  string(APPEND commands_section ".SS \"${bin_name} ${command}\"\n${text}")
  if(first)
    string(APPEND see_also ".BR ${bin_name}-${command} (1)")
    set(first FALSE)
  else()
    string(APPEND see_also ",\n.BR ${bin_name}-${command} (1)")
  endif()
endforeach()

set(include_file "${OUT_DIR}/${bin_name}.h2m")
file(WRITE "${include_file}" "${commands_section}\n${see_also}\n")
run_help2man("${bin_name}" "crypto news figures and sentiment into SQLite"
             "${OUT_DIR}/${bin_name}.1" "--include=${include_file}")
