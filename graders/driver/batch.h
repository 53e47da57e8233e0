// Grading a class: every folder or archive in a folder is one submission, graded by a child
// tl-grade process of its own (so a crash, a hang or a hostile submission costs only that
// submission), into <out>/<name>/results.json. Finished submissions are skipped unless
// forced; the CSV gradebook is rewritten atomically after each one.
#pragma once

#include "cli.h"
#include "course.h"

namespace grade {

/// Returns the process exit status: 0 when every submission has results.
int run_batch(const Cli& cli, const Course& course);

}  // namespace grade
