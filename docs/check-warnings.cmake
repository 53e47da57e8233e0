# Print the Doxygen warning log and fail when it is not empty (LOG=<file>).
if(EXISTS "${LOG}")
  file(READ "${LOG}" _w)
  string(STRIP "${_w}" _w)
  if(NOT _w STREQUAL "")
    message("${_w}")
    message(FATAL_ERROR "Doxygen reported warnings (see ${LOG})")
  endif()
endif()
