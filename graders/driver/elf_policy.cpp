#include "elf_policy.h"

#include <elf.h>

#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "files.h"

namespace grade {
namespace {

constexpr size_t kMaxObjectBytes = 256u << 20;

bool starts_with(const std::string& s, const char* prefix) { return s.rfind(prefix, 0) == 0; }

// Bounds-checked view of an ELF64 little-endian relocatable object.
struct Elf {
  const std::string& bytes;

  template <typename T>
  bool at(uint64_t offset, T& out) const {
    if (offset > bytes.size() || bytes.size() - offset < sizeof(T)) return false;
    std::memcpy(&out, bytes.data() + offset, sizeof(T));
    return true;
  }
  std::string str(const Elf64_Shdr& table, uint32_t offset) const {
    if (offset >= table.sh_size || table.sh_offset + table.sh_size > bytes.size()) return {};
    const char* begin = bytes.data() + table.sh_offset + offset;
    return std::string(begin, strnlen(begin, table.sh_size - offset));
  }
};

// Sections the loader runs before the harness's .preinit_array entry, or that would change
// how the program is loaded.
std::string check_section(const std::string& name, const Elf64_Shdr& sh) {
  if (sh.sh_type == SHT_PREINIT_ARRAY || starts_with(name, ".preinit_array")) return "a .preinit_array entry";
  for (const char* loader : {".interp", ".dynamic", ".dynsym", ".dynstr", ".got", ".plt", ".gnu.hash", ".hash"}) {
    if (name == loader || starts_with(name, (std::string(loader) + ".").c_str())) return "a " + name + " section";
  }
  if (sh.sh_type == SHT_DYNAMIC || sh.sh_type == SHT_DYNSYM) return "dynamic-linking data";
  return {};
}

std::string check_symbol(const std::string& name, const Elf64_Sym& sym, const std::set<std::string>& exports) {
  const unsigned type = ELF64_ST_TYPE(sym.st_info);
  const unsigned bind = ELF64_ST_BIND(sym.st_info);
  if (type == STT_GNU_IFUNC) return "an indirect function (ifunc) " + name;
  if (sym.st_shndx == SHN_UNDEF || bind == STB_LOCAL) return {};
  // A definition other objects, and the shared libraries, may bind to.
  if (starts_with(name, "_Zn") || starts_with(name, "_Zd")) return "a replacement operator new/delete (" + name + ")";
  if (!exports.count(name)) return {};
  if (bind == STB_GLOBAL) return "a definition of '" + name + "', which replaces the shared libraries' own";
  if (!starts_with(name, "_Z")) return "a weak definition of '" + name + "', which replaces the shared libraries' own";
  return {};  // weak instantiations of templates and inline functions the libraries also have
}

// The defined dynamic symbols of one shared library.
void add_exports(const std::string& path, std::set<std::string>& out) {
  std::string bytes;
  if (!read_regular_file(path, 1u << 30, bytes)) return;
  const Elf elf{bytes};
  Elf64_Ehdr eh{};
  if (!elf.at(0, eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64) return;
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (size_t i = 0; i < sections.size(); ++i) {
    if (!elf.at(eh.e_shoff + i * sizeof(Elf64_Shdr), sections[i])) return;
  }
  for (const Elf64_Shdr& sh : sections) {
    if (sh.sh_type != SHT_DYNSYM || sh.sh_link >= sections.size()) continue;
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= sh.sh_size; off += sizeof(Elf64_Sym)) {
      Elf64_Sym sym{};
      if (elf.at(sh.sh_offset + off, sym) && sym.st_shndx != SHN_UNDEF && ELF64_ST_BIND(sym.st_info) != STB_LOCAL) {
        out.insert(elf.str(sections[sh.sh_link], sym.st_name));
      }
    }
  }
}

}  // namespace

std::set<std::string> library_exports(const std::string& program) {
  std::set<std::string> exports;
  const std::string command = "env LD_TRACE_LOADED_OBJECTS=1 '" + program + "' 2>/dev/null";
  FILE* pipe = popen(command.c_str(), "r");  // a trusted program: the build's reference one
  if (pipe == nullptr) return exports;
  char line[4096];
  while (std::fgets(line, sizeof line, pipe) != nullptr) {
    // "\tlibc.so.6 => /lib/x86_64-linux-gnu/libc.so.6 (0x...)" or "\t/lib64/ld-linux-x86-64.so.2 (0x...)"
    const char* arrow = std::strstr(line, "=> ");
    const char* start = arrow != nullptr ? arrow + 3 : line + std::strspn(line, " \t");
    const char* end = std::strstr(start, " (");
    char resolved[PATH_MAX];  // libraries are reached through symlinks (libstdc++.so.6 -> ...)
    if (*start == '/' && end != nullptr && realpath(std::string(start, end).c_str(), resolved) != nullptr) {
      add_exports(resolved, exports);
    }
  }
  pclose(pipe);
  return exports;
}

std::string check_student_object(const std::string& path, const std::set<std::string>& exports) {
  std::string bytes;
  if (!read_regular_file(path, kMaxObjectBytes, bytes)) return "the object file is unreadable or too large";
  const Elf elf{bytes};
  Elf64_Ehdr eh{};
  if (!elf.at(0, eh) || std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0 || eh.e_ident[EI_CLASS] != ELFCLASS64 ||
      eh.e_ident[EI_DATA] != ELFDATA2LSB || eh.e_type != ET_REL || eh.e_shentsize != sizeof(Elf64_Shdr)) {
    return "not an ELF64 relocatable object";
  }
  std::vector<Elf64_Shdr> sections(eh.e_shnum);
  for (size_t i = 0; i < sections.size(); ++i) {
    if (!elf.at(eh.e_shoff + i * sizeof(Elf64_Shdr), sections[i])) return "damaged section table";
  }
  if (eh.e_shstrndx >= sections.size()) return "damaged section names";
  const Elf64_Shdr& names = sections[eh.e_shstrndx];
  for (const Elf64_Shdr& sh : sections) {
    const std::string why = check_section(elf.str(names, sh.sh_name), sh);
    if (!why.empty()) return why;
  }
  for (const Elf64_Shdr& sh : sections) {
    if (sh.sh_type != SHT_SYMTAB) continue;
    if (sh.sh_link >= sections.size() || sh.sh_entsize != sizeof(Elf64_Sym)) return "damaged symbol table";
    const Elf64_Shdr& strings = sections[sh.sh_link];
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= sh.sh_size; off += sizeof(Elf64_Sym)) {
      Elf64_Sym sym{};
      if (!elf.at(sh.sh_offset + off, sym)) return "damaged symbol table";
      const std::string why = check_symbol(elf.str(strings, sym.st_name), sym, exports);
      if (!why.empty()) return why;
    }
  }
  return {};
}

}  // namespace grade
