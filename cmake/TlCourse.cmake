# The course on top of `tl`, driven by exercises/manifest.json (the one list of exercises):
# - the course library in two variants: `tl_course` from reference/course/src, and
#   `tl_course_student`, the same files with each stubbed one taken from the student tree;
# - per exercise and variant a public test program (`public_<id>` / `student_<id>`) and a
#   ctest test (`reference.<id>` / `student.<id>`) labelled `<id>`, the variant, `part<N>`
#   and `course`;
# - the tests of this machinery (graders/tests, label `course-infra`) when they are there.
# Included once from the top-level CMakeLists.txt, after the library `tl`.

option(TL_BUILD_COURSE "Build the course library and the exercises' public tests" ON)
set(TL_COURSE_VARIANTS "reference;student" CACHE STRING
  "Course variants to build: reference, student or both (a handout has only student)")
set(TL_COURSE_STUDENT_DIR "${PROJECT_SOURCE_DIR}/student" CACHE PATH
  "Root of the student tree whose course/src files replace the reference's: student/ or a submission")
set(TL_COURSE_MANIFEST "${PROJECT_SOURCE_DIR}/exercises/manifest.json")
set(TL_COURSE_GEN_DIR "${PROJECT_BINARY_DIR}/course-gen")
set(TL_COURSE_SKIP_CODE 77)  # what a test program returns when every test skipped

if(NOT TL_BUILD_COURSE OR NOT EXISTS "${TL_COURSE_MANIFEST}")
  return()
endif()

# Writes `content` to `path` only when it differs, so that a reconfigure rebuilds nothing.
function(tl_course_write path content)
  if(EXISTS "${path}")
    file(READ "${path}" old)
    if(old STREQUAL content)
      return()
    endif()
  endif()
  file(WRITE "${path}" "${content}")
endfunction()

# C++ string literal of `text`.
function(tl_course_cxx_string out text)
  string(REPLACE "\\" "\\\\" text "${text}")
  string(REPLACE "\"" "\\\"" text "${text}")
  set(${out} "\"${text}\"" PARENT_SCOPE)
endfunction()

# Reads the manifest into TL_COURSE_IDS (in order) and, per id, TL_COURSE_<id>_<FIELD> for
# the fields the build uses; writes the table behind TL_TODO's message.
function(tl_course_read_manifest manifest)
  set_property(DIRECTORY "${PROJECT_SOURCE_DIR}" APPEND PROPERTY CMAKE_CONFIGURE_DEPENDS "${manifest}")
  file(READ "${manifest}" json)
  string(JSON count LENGTH "${json}" exercises)
  set(ids "")
  set(table "// Generated from exercises/manifest.json by cmake/TlCourse.cmake; do not edit.\n")
  math(EXPR last "${count} - 1")
  foreach(i RANGE 0 ${last})
    if(last LESS 0)  # an empty list
      break()
    endif()
    string(JSON id GET "${json}" exercises ${i} id)
    string(JSON title GET "${json}" exercises ${i} title)
    string(JSON part GET "${json}" exercises ${i} part)
    string(JSON public_tests GET "${json}" exercises ${i} public_tests)
    string(JSON timeout GET "${json}" exercises ${i} timeout_s)
    string(JSON needs_gpu GET "${json}" exercises ${i} needs_gpu)
    string(JSON nfiles LENGTH "${json}" exercises ${i} files)
    set(files "")
    set(shown "")
    math(EXPR flast "${nfiles} - 1")
    foreach(j RANGE 0 ${flast})
      if(flast LESS 0)
        break()
      endif()
      string(JSON file GET "${json}" exercises ${i} files ${j})
      list(APPEND files "${file}")
      list(APPEND shown "student/${file}")
    endforeach()
    if(id IN_LIST ids)
      message(FATAL_ERROR "exercises/manifest.json: exercise id ${id} appears twice")
    endif()
    list(APPEND ids "${id}")
    foreach(field title part public_tests timeout needs_gpu files)
      string(TOUPPER ${field} upper)
      set(TL_COURSE_${id}_${upper} "${${field}}" PARENT_SCOPE)
    endforeach()
    list(JOIN shown ", " shown)
    tl_course_cxx_string(c_id "${id}")
    tl_course_cxx_string(c_title "${title}")
    tl_course_cxx_string(c_files "${shown}")
    tl_course_cxx_string(c_readme "exercises/${id}/README.md")
    string(APPEND table "    {${c_id}, ${c_title}, ${c_files}, ${c_readme}},\n")
  endforeach()
  set(TL_COURSE_IDS "${ids}" PARENT_SCOPE)
  tl_course_write("${TL_COURSE_GEN_DIR}/course_exercise_table.inc" "${table}")
endfunction()

# The library and program-name prefix of a variant.
function(tl_course_variant variant lib_out prefix_out)
  if(variant STREQUAL "reference")
    set(${lib_out} tl_course PARENT_SCOPE)
    set(${prefix_out} public PARENT_SCOPE)
  elseif(variant STREQUAL "student")
    set(${lib_out} tl_course_student PARENT_SCOPE)
    set(${prefix_out} student PARENT_SCOPE)
  else()
    message(FATAL_ERROR "TL_COURSE_VARIANTS: unknown variant '${variant}' (reference or student)")
  endif()
endfunction()

# The course sources of a variant: every course/src file of the reference tree; in the
# student variant the student tree's copy replaces it, and files only the student tree has
# (a handout ships stubbed files there alone) are taken too. CUDA files need TL_WITH_CUDA.
function(tl_course_sources out variant)
  set(roots "${PROJECT_SOURCE_DIR}/reference")
  if(variant STREQUAL "student")
    list(PREPEND roots "${TL_COURSE_STUDENT_DIR}")  # first root that has a file wins
  endif()
  set(names "")
  foreach(root IN LISTS roots)
    file(GLOB found CONFIGURE_DEPENDS RELATIVE "${root}/course/src"
      "${root}/course/src/*.cpp" "${root}/course/src/*.cu")
    list(APPEND names ${found})
  endforeach()
  list(REMOVE_DUPLICATES names)
  list(SORT names)
  set(sources "")
  foreach(name IN LISTS names)
    if(name MATCHES "\\.cu$" AND NOT TL_WITH_CUDA)
      continue()
    endif()
    foreach(root IN LISTS roots)
      if(EXISTS "${root}/course/src/${name}")
        list(APPEND sources "${root}/course/src/${name}")
        break()
      endif()
    endforeach()
  endforeach()
  set(${out} "${sources}" PARENT_SCOPE)
endfunction()

# The test programs and ctest tests of one exercise, for every variant.
function(tl_course_add_exercise id)
  set(test_source "${PROJECT_SOURCE_DIR}/${TL_COURSE_${id}_PUBLIC_TESTS}")
  if(NOT EXISTS "${test_source}")
    message(STATUS "course: ${id} has no public tests yet (${TL_COURSE_${id}_PUBLIC_TESTS})")
    return()
  endif()
  set(buildable ON)  # a CUDA exercise in a build without CUDA gets programs that skip
  foreach(file IN LISTS TL_COURSE_${id}_FILES)
    if(file MATCHES "\\.cu$" AND NOT TL_WITH_CUDA)
      set(buildable OFF)
    endif()
  endforeach()

  if(buildable)
    tl_course_write("${TL_COURSE_GEN_DIR}/exercise_${id}.cpp"
      "// Generated by cmake/TlCourse.cmake: the exercise this program tests.\nextern \"C\" const char* const tl_course_exercise_id = \"${id}\";\n")
    add_library(tl_course_tests_${id} OBJECT "${test_source}" "${TL_COURSE_GEN_DIR}/exercise_${id}.cpp")
    target_link_libraries(tl_course_tests_${id} PRIVATE tl_course_headers GTest::gtest GTest::gmock)
    target_compile_definitions(tl_course_tests_${id} PRIVATE
      TL_EXERCISE_DIR="${PROJECT_SOURCE_DIR}/exercises/${id}")
  else()
    tl_course_write("${TL_COURSE_GEN_DIR}/skip_${id}.cpp"
      "// Generated by cmake/TlCourse.cmake: ${id} needs CUDA, which this build lacks.\n#include <cstdio>\nint main() {\n  std::puts(\"– ${id}: skipped: this build has no CUDA (nvcc was not found)\");\n  return ${TL_COURSE_SKIP_CODE};\n}\n")
  endif()

  foreach(variant IN LISTS TL_COURSE_VARIANTS)
    tl_course_variant(${variant} lib prefix)
    set(exe ${prefix}_${id})
    if(buildable)
      add_executable(${exe})
      target_link_libraries(${exe} PRIVATE tl_course_tests_${id} tl_course_test_main ${lib}
        GTest::gtest GTest::gmock)
      # Swapping a course source relinks only the course library, not every test program.
      set_target_properties(${exe} PROPERTIES LINK_DEPENDS_NO_SHARED ON)
    else()
      add_executable(${exe} "${TL_COURSE_GEN_DIR}/skip_${id}.cpp")
    endif()
    add_test(NAME ${variant}.${id} COMMAND ${exe})
    set_tests_properties(${variant}.${id} PROPERTIES
      LABELS "${id};${variant};part${TL_COURSE_${id}_PART};course"
      TIMEOUT ${TL_COURSE_${id}_TIMEOUT}
      SKIP_RETURN_CODE ${TL_COURSE_SKIP_CODE})
  endforeach()
endfunction()

enable_testing()
find_package(GTest REQUIRED)
tl_course_read_manifest("${TL_COURSE_MANIFEST}")
add_subdirectory("${PROJECT_SOURCE_DIR}/reference/course" "${PROJECT_BINARY_DIR}/course")
add_subdirectory("${PROJECT_SOURCE_DIR}/exercises" "${PROJECT_BINARY_DIR}/exercises")
if(EXISTS "${PROJECT_SOURCE_DIR}/graders/tests/CMakeLists.txt")
  add_subdirectory("${PROJECT_SOURCE_DIR}/graders/tests" "${PROJECT_BINARY_DIR}/graders-tests")
endif()
