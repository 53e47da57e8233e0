// What a student object may contain. The harness reads its secret from a .preinit_array
// entry, before any constructor; student code must not run before it or hear what it does.
// So a student object may not bring code the loader runs earlier (.preinit_array entries,
// GNU ifuncs, which run during relocation), nor loader data (.interp, .dynamic, ...), nor a
// definition that interposes a function of the program's shared libraries (libc's read,
// malloc, operator new, any libstdc++ or libtensorlings function): a strong definition of
// any exported name, or a weak one of an unmangled name. Helpers outside namespace course
// are fine; weak template instantiations are fine (a hand-written inline specialisation of
// a library template is the residual risk, see graders/driver/README.md).
#pragma once

#include <set>
#include <string>

namespace grade {

/// The names the shared libraries `program` loads define in their dynamic symbol tables
/// (asks the dynamic loader which libraries: LD_TRACE_LOADED_OBJECTS).
std::set<std::string> library_exports(const std::string& program);

/// Empty when the ELF relocatable object at `path` follows the policy; otherwise why not.
std::string check_student_object(const std::string& path, const std::set<std::string>& exports);

}  // namespace grade
