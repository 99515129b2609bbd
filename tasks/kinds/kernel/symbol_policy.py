"""The symbol policy of a candidate's object file, checked before it is linked into the worker stub.

Run inside the sandbox as `python3 -I -S symbol_policy.py candidate.o ENTRY MAP_OUT` (standard library and
binutils only; nothing of the candidate runs). The object may define only the entry point (once, as a
strong text symbol) plus weak C++ symbols (inline functions, template instantiations, vtables, guard
variables), and no global constructors or destructors: the one allowed initializer is the
`std::ios_base::Init` object that `#include <iostream>` adds with GCC < 13, and the static tuner maps that
Kokkos 3.4's headers add to every unit that includes them (destructors of standard maps of Kokkos types).
On success it writes a linker version script to MAP_OUT that keeps the entry point global and makes every
other symbol local, so the candidate's library can replace nothing of the stub's or of the C/C++ libraries.
On a violation it prints `HPCEVAL_POLICY {"violations": [...]}` and exits 3; without the entry point it prints
`HPCEVAL_POLICY {"missing_entry": ...}` and exits 4.
"""

import json
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


def section_names(readelf_sections: str) -> list[str]:
    names = []
    for line in readelf_sections.splitlines():
        if "]" in line and line.lstrip().startswith("["):
            rest = line.split("]", 1)[1].split()
            if rest:
                names.append(rest[0])
    return names


def relocation_targets(readelf_relocs: str, section: str) -> set[str]:
    """Symbol names referenced by the relocations of `section` (readelf -r -W output)."""
    targets: set[str] = set()
    current = None
    for line in readelf_relocs.splitlines():
        if line.startswith("Relocation section"):
            current = line.split("'")[1] if "'" in line else None
            continue
        if current != ".rela" + section and current != ".rel" + section:
            continue
        parts = line.split()
        if len(parts) >= 5 and all(c in "0123456789abcdef" for c in parts[0]):
            targets.add(parts[4])
        elif len(parts) == 4 and all(c in "0123456789abcdef" for c in parts[0]):
            targets.add("")
    return targets


def _kokkos_header_object(pretty: str) -> bool:
    return pretty.startswith(KOKKOS_HEADER_OBJECT) and pretty.endswith("::~map()") and "(" not in pretty[:-2]


def violations(symbols: list[tuple[str, str]], names: dict[str, str], entry: str, sections: list[str],
               startup_refs: set[str] | None) -> tuple[list[str], str | None]:
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
        else:
            found.append(f"defines the global symbol {pretty} (type {kind}); only {entry} may be global: make "
                         "helpers static or put them in an anonymous namespace")
    init = sorted({s for s in sections if s.startswith(INIT_SECTIONS)})
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
    sections = section_names(tool("readelf", "-S", "-W", obj))
    startup_refs = relocation_targets(tool("readelf", "-r", "-W", obj), ".text.startup") if any(
        s == ".text.startup" for s in sections) else None
    found, entry_symbol = violations(symbols, names, entry, sections, startup_refs)
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
