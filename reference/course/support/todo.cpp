// What TL_TODO does, and the manifest table behind its message. Compiled into every
// variant of the course library, so all course programs share one list of reached stubs.
#include "course/todo.h"

#include <algorithm>

namespace course::detail {
namespace {
// Rows generated at configure time from exercises/manifest.json (cmake/TlCourse.cmake).
constexpr ExerciseInfo kExercises[] = {
#include "course_exercise_table.inc"
    {nullptr, nullptr, nullptr, nullptr}};  // end marker; keeps the array non-empty
}  // namespace

const ExerciseInfo* find_exercise(const std::string& exercise_id) {
  for (const ExerciseInfo* info = kExercises; info->id != nullptr; ++info) {
    if (exercise_id == info->id) return info;
  }
  return nullptr;
}

std::vector<std::string>& todo_reached() {
  static std::vector<std::string> reached;
  return reached;
}

void todo(const char* exercise_id) {
  std::vector<std::string>& reached = todo_reached();
  if (std::find(reached.begin(), reached.end(), exercise_id) == reached.end()) {
    reached.emplace_back(exercise_id);
  }
  std::string message = exercise_id;
  if (const ExerciseInfo* info = find_exercise(exercise_id)) {
    message += std::string(" (") + info->title + ") is not implemented yet: see " + info->readme;
  } else {
    message += std::string(" is not implemented yet: see exercises/") + exercise_id + "/README.md";
  }
  throw tl::NotImplemented(exercise_id, message);
}

}  // namespace course::detail
