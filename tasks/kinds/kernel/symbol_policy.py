"""The symbol policy of a candidate's object file, checked before it is linked into the worker stub.

Run inside the sandbox as `python3 -I -S symbol_policy.py candidate.o ENTRY MAP_OUT` (standard library and
binutils only; nothing of the candidate runs). The object may define only the entry point (once, as a
strong text symbol) plus weak C++ symbols (inline functions, template instantiations, vtables, guard
variables), and no global constructors or destructors: the one allowed initializer is the
`std::ios_base::Init` object that `#include <iostream>` adds with GCC < 13, the static tuner maps that
Kokkos 3.4's headers add to every unit that includes them (destructors of standard maps of Kokkos types), and
nvcc's registration of the unit's device code (the cuda model): one .init_array entry whose code calls only the
CUDA runtime's __cudaRegister* functions and atexit. nvcc gives functions and data of an anonymous namespace
global symbols (named after the unit's hash, so they cannot collide with anything); those are allowed too.
On success it writes a linker version script to MAP_OUT that keeps the entry point global and makes every
other symbol local, so the candidate's library can replace nothing of the stub's or of the C/C++ libraries.
On a violation it prints `HPCEVAL_POLICY {"violations": [...]}` and exits 3; without the entry point it prints
`HPCEVAL_POLICY {"missing_entry": ...}` and exits 4.
"""

import json
import re
import subprocess
import sys

WEAK_TYPES = frozenset("WVu")
INIT_SECTIONS = (".init_array", ".fini_array", ".ctors", ".dtors", ".preinit_array")
IOSTREAM_INIT_REFS = frozenset(
    {"_ZNSt8ios_base4InitC1Ev", "_ZNSt8ios_base4InitD1Ev", "__cxa_atexit", "__dso_handle", ".bss",
     "_ZStL8__ioinit", "_GLOBAL_OFFSET_TABLE_", ""}
)
# Kokkos 3.4's headers (the kokkos model) give each translation unit a static map of tuners, whose destructor
# the unit registers at startup: a standard container of Kokkos's types, running no code of the candidate's.
KOKKOS_HEADER_OBJECT = ("std::map<std::__cxx11::basic_string<char, std::char_traits<char>, std::allocator<char> >, "
                        "Kokkos::Tools::Experimental::")
# nvcc's one startup function per unit: it registers the unit's fat binary, kernels and device variables
CUDA_REGISTRATION_REFS = frozenset(
    {"__cudaRegisterFatBinary", "__cudaRegisterFatBinaryEnd", "__cudaRegisterFunction", "__cudaRegisterVar",
     "__cudaRegisterManagedVar", "atexit", ".nvFatBinSegment", ".bss", ".text", ".data", ""}
)
ANONYMOUS = re.compile(r"_Z(?:\d+__device_stub__Z)?N\d+_GLOBAL__N_")
NVTX = re.compile(r"(?:nvtx|InitializeInjectionNvtx)\w*$")
CUDA_FATBIN_SECTION = ".nv_fatbin"
INIT_ENTRY_BYTES = 8  # one pointer per startup function (a constructor of the candidate's adds one)
CUDA_REGISTRATION_FUNCTION = "__sti____cudaRegisterAll"
VIOLATION_EXIT = 3
MISSING_ENTRY_EXIT = 4


def tool(*argv: str) -> str:
    return subprocess.run(argv, check=True, capture_output=True, text=True).stdout


def defined_globals(nm_output: str) -> list[tuple[str, str]]:
    """(name, type letter) of each defined external symbol in `nm -P -g --defined-only` output."""
    out = []
    for line in nm_output.splitlines():
        parts = line.split()
        if len(parts) >= 2:
            out.append((parts[0], parts[1]))
    return out


def demangle(names: list[str]) -> dict[str, str]:
    if not names:
        return {}
    try:
        lines = subprocess.run(["c++filt"], input="\n".join(names) + "\n", check=True, capture_output=True,
                               text=True).stdout.splitlines()
    except (OSError, subprocess.CalledProcessError):
        return {name: name for name in names}
    return dict(zip(names, lines, strict=False))


def section_sizes(readelf_sections: str) -> dict[str, int]:
    """Each section's size in bytes, by name (readelf -S -W output)."""
    sizes: dict[str, int] = {}
    for line in readelf_sections.splitlines():
        if "]" in line and line.lstrip().startswith("["):
            rest = line.split("]", 1)[1].split()
            if len(rest) >= 5:
                try:
                    sizes[rest[0]] = int(rest[4], 16)
                except ValueError:
                    sizes[rest[0]] = -1
            elif rest:
                sizes[rest[0]] = -1
    return sizes


def relocations(readelf_relocs: str, section: str) -> list[tuple[int, str]]:
    """(offset, symbol name) of each relocation of `section` (readelf -r -W output; "" for none)."""
    out: list[tuple[int, str]] = []
    current = None
    for line in readelf_relocs.splitlines():
        if line.startswith("Relocation section"):
            current = line.split("'")[1] if "'" in line else None
            continue
        if current != ".rela" + section and current != ".rel" + section:
            continue
        parts = line.split()
        if len(parts) >= 4 and all(c in "0123456789abcdef" for c in parts[0]):
            out.append((int(parts[0], 16), parts[4] if len(parts) >= 5 else ""))
    return out


def section_index(readelf_sections: str, name: str) -> str | None:
    """The index readelf gives section `name` (as text, the way `readelf -s` names it), or None."""
    for line in readelf_sections.splitlines():
        if "]" in line and line.lstrip().startswith("["):
            rest = line.split("]", 1)[1].split()
            if rest and rest[0] == name:
                return line.split("[", 1)[1].split("]", 1)[0].strip()
    return None


def functions_in(readelf_symbols: str, index: str) -> list[tuple[str, int, int]]:
    """(name, start, end) of the functions that `readelf -s -W` places in section number `index`."""
    out = []
    for line in readelf_symbols.splitlines():
        parts = line.split()
        if len(parts) >= 8 and parts[3] == "FUNC" and parts[6] == index:
            start = int(parts[1], 16)
            out.append((parts[7], start, start + int(parts[2], 0)))
    return out


def relocation_targets(readelf_relocs: str, section: str) -> set[str]:
    """Symbol names referenced by the relocations of `section` (readelf -r -W output)."""
    return {name for _, name in relocations(readelf_relocs, section)}


def _anonymous(name: str) -> bool:
    """A symbol of an anonymous namespace, which nvcc leaves global: `_ZN<len>_GLOBAL__N_...`, or the host stub of
    such a kernel, `_Z<len>__device_stub__ZN<len>_GLOBAL__N_...`."""
    return ANONYMOUS.match(name) is not None


def _cuda_registration(sections: dict[str, int], startup: list[tuple[str, int, int]],
                       relocs: list[tuple[int, str]], weak: set[str]) -> bool:
    """nvcc's registration of the unit's device code, and at most the `std::ios_base::Init` of an `<iostream>` that
    CUDA's headers include, and nothing else: a fat binary; one .init_array entry per startup function; exactly
    one of them nvcc's `__sti____cudaRegisterAll`, which calls __cudaRegisterFatBinary and only what the
    registration calls, given the addresses of string constants `.LC<n>` and of the unit's kernels and device
    variables (its own, in an anonymous namespace or rejected as global, and the weak ones that CUDA's headers
    define: CUB's and Thrust's constants); any other one a `_GLOBAL__sub_I_` that refers to the iostream
    initializer alone. Each relocation is judged by the function it lies in, so a constructor of the candidate's,
    which GCC merges into that `_GLOBAL__sub_I_`, is caught by what it refers to."""
    if CUDA_FATBIN_SECTION not in sections or set(sections) & {".fini_array", ".ctors", ".dtors", ".preinit_array"}:
        return False
    registration = [f for f in startup if CUDA_REGISTRATION_FUNCTION in f[0]]
    others = [f for f in startup if CUDA_REGISTRATION_FUNCTION not in f[0]]
    if len(registration) != 1 or any(not name.startswith("_GLOBAL__sub_I_") for name, _, _ in others):
        return False
    if sections.get(".init_array") != INIT_ENTRY_BYTES * len(startup):
        return False
    called: set[str] = set()
    for offset, ref in relocs:
        owner = next((name for name, start, end in startup if start <= offset < end), None)
        if owner is None:
            return False
        if owner == registration[0][0]:
            called.add(ref)
            if not (ref in CUDA_REGISTRATION_REFS or ref.startswith(".LC") or _anonymous(ref)
                    or "_GLOBAL__N_" in ref or ref in weak):
                return False
        elif ref not in IOSTREAM_INIT_REFS:
            return False
    return "__cudaRegisterFatBinary" in called


def _kokkos_header_object(pretty: str) -> bool:
    return pretty.startswith(KOKKOS_HEADER_OBJECT) and pretty.endswith("::~map()") and "(" not in pretty[:-2]


def violations(symbols: list[tuple[str, str]], names: dict[str, str], entry: str, sections: dict[str, int],
               startup_refs: set[str] | None, startup: list[tuple[str, int, int]] | None = None,
               startup_relocs: list[tuple[int, str]] | None = None) -> tuple[list[str], str | None]:
    """The policy's findings and the entry point's mangled name (None when it is not defined)."""
    found: list[str] = []
    entry_symbol = None
    for name, kind in symbols:
        pretty = names.get(name, name)
        is_entry = pretty == entry or pretty.startswith(entry + "(")
        if is_entry and kind == "T" and entry_symbol is None:
            entry_symbol = name
        elif kind in WEAK_TYPES and (name.startswith("_Z") or name.startswith("DW.ref.")) and not is_entry:
            continue
        elif _anonymous(name) and not is_entry:
            continue
        elif kind in WEAK_TYPES and NVTX.match(name):  # CUDA's header-only NVTX (CUB, Thrust): weak C functions
            continue
        else:
            found.append(f"defines the global symbol {pretty} (type {kind}); only {entry} may be global: make "
                         "helpers static or put them in an anonymous namespace")
    init = sorted({s for s in sections if s.startswith(INIT_SECTIONS)})
    weak = {name for name, kind in symbols if kind in WEAK_TYPES}
    if init and startup and _cuda_registration(sections, startup, startup_relocs or [], weak):
        init = []
    if init:
        extra = sorted((startup_refs or {"?"}) - IOSTREAM_INIT_REFS) if startup_refs is not None else ["?"]
        pretty_refs = demangle([e for e in extra if e.startswith("_Z")])
        extra = [e for e in extra if not _kokkos_header_object(pretty_refs.get(e, e))]
        if extra:
            found.append(f"has a global constructor or destructor ({', '.join(init)}; it calls "
                         f"{', '.join(pretty_refs.get(e, names.get(e, e)) for e in extra)}): no namespace-scope "
                         "objects with constructors, no __attribute__((constructor))")
    return found, entry_symbol


def main() -> int:
    obj, entry, map_out = sys.argv[1], sys.argv[2], sys.argv[3]
    symbols = defined_globals(tool("nm", "-P", "-g", "--defined-only", obj))
    names = demangle([name for name, _ in symbols])
    section_table = tool("readelf", "-S", "-W", obj)
    sections = section_sizes(section_table)
    relocs = tool("readelf", "-r", "-W", obj) if ".text.startup" in sections else ""
    startup_refs = relocation_targets(relocs, ".text.startup") if relocs else None
    index = section_index(section_table, ".text.startup")
    startup = functions_in(tool("readelf", "-s", "-W", obj), index) if index and CUDA_FATBIN_SECTION in sections else []
    found, entry_symbol = violations(symbols, names, entry, sections, startup_refs, startup,
                                     relocations(relocs, ".text.startup") if relocs else [])
    if found:
        print("HPCEVAL_POLICY " + json.dumps({"violations": found}))
        return VIOLATION_EXIT
    if entry_symbol is None:
        print("HPCEVAL_POLICY " + json.dumps({"missing_entry": entry}))
        return MISSING_ENTRY_EXIT
    with open(map_out, "w") as handle:
        handle.write("{ global: " + entry_symbol + "; local: *; };\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
