#pragma once
/// @file todo.h
/// @brief `TL_TODO("<exercise-id>")`: the body of a course function that is still to be written.
///
/// The generator (graders/handout/generate.py) replaces every solution region of
/// reference/course/src with `TL_TODO("<exercise-id>");` in student/course/src. Reaching it
/// throws `tl::NotImplemented` whose message names the exercise, its title and its README:
///
///     06-matmul (Matrix multiplication) is not implemented yet: see exercises/06-matmul/README.md

#include <string>
#include <vector>

#include <tl/error.h>

namespace course::detail {

/// @brief Records that the stub of `exercise_id` was reached and throws `tl::NotImplemented`.
[[noreturn]] void todo(const char* exercise_id);

/// @brief Exercise ids whose stubs were reached since the list was last cleared, each once.
///
/// The course test main reads and clears it around every test, so a test that catches the
/// exception (say with `EXPECT_THROW(..., tl::Error)`) still counts as not implemented.
std::vector<std::string>& todo_reached();

/// @brief What the course programs know about one exercise (from exercises/manifest.json).
struct ExerciseInfo {
  const char* id;
  const char* title;
  const char* files;   ///< the files to edit, e.g. "student/course/src/06_matmul.cpp"
  const char* readme;  ///< e.g. "exercises/06-matmul/README.md"
};

/// @brief The manifest entry of `exercise_id`, or nullptr when the build does not know it.
const ExerciseInfo* find_exercise(const std::string& exercise_id);

}  // namespace course::detail

#if defined(__CUDA_ARCH__)
// Device code cannot throw: a stubbed kernel does nothing, and the host function that
// launches it reaches its own TL_TODO first.
#define TL_TODO(exercise_id) ((void)0)
#else
/// @brief Marks code the student has to write: throws `tl::NotImplemented` for the exercise.
#define TL_TODO(exercise_id) ::course::detail::todo(exercise_id)
#endif
