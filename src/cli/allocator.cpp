// The allocator's settings, made before the program starts. Linked into the programs only with
// mimalloc (CMakeLists.txt, REPORTKG_MIMALLOC).
#include <mimalloc.h>

#include <string_view>

namespace {

// A report's words are looked up at scattered places of the language resources' tables (some
// 16 MB), and the writer sorts the terms of whole graphs: on 4 KiB pages much of that time goes
// to misses of the TLB. On 2 MiB pages the corpus of BENCHMARKS.md converts in about 0.95 of its
// time, a report of 100 MB in 0.56. mimalloc takes its memory in such pages (transparent huge
// pages where the kernel gives them, ordinary pages otherwise) when told so before its first
// allocation, which the libraries' constructors make: hence the pre-initialisation, which the
// loader runs before any constructor (and before the C library has set up getenv).
// MIMALLOC_LARGE_OS_PAGES in the environment still decides.
void use_large_pages(int /*argc*/, char** /*argv*/, char** envp) {
  for (char** var = envp; var && *var; ++var) {
    if (std::string_view(*var).starts_with("MIMALLOC_LARGE_OS_PAGES=")) return;
  }
  mi_option_enable(mi_option_large_os_pages);
}

}  // namespace

__attribute__((section(".preinit_array"),
               used)) static void (*const kPreinit)(int, char**, char**) = use_large_pages;
