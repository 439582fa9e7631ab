#!/usr/bin/env python3
"""Lists import cycles between the modules of each library crate of the
workspace (server-core, teach, app, words), or of the crates named on the
command line.

Each file under <crate>/src is a module (`a/mod.rs` is `a`). A module
imports another when a path in its code (test modules excluded) names it or
an item in it: `use crate::…`, `use super::…`, `child::item`, in `use`
declarations or in the code itself; the path is followed as far as it names
modules. Exits 1 when some module imports a module that imports it
back, directly or through others, and prints each cycle.
"""

import pathlib
import re
import sys

WORKSPACE = pathlib.Path(__file__).resolve().parent.parent
CRATES = ["server-core", "teach", "app", "words"]


def module_of(root, path):
    parts = list(path.relative_to(root).with_suffix("").parts)
    if parts[-1] in ("mod", "lib"):
        parts.pop()
    return tuple(parts)


def code_without_tests(text):
    """The code before its test module, comments left out."""
    cut = text.find("#[cfg(test)]")
    code = text if cut < 0 else text[:cut]
    return re.sub(r"//[^\n]*", "", code)


def use_paths(text):
    """Every path the code names: in `use` declarations (braces expanded)
    and in expressions and types (`writer::spawn(..)`)."""
    for match in re.finditer(r"\buse\s+([^;]+);", text):
        yield from expand(re.sub(r"\s+", "", match.group(1)))
    without_uses = re.sub(r"\buse\s+[^;]+;", "", text)
    for match in re.finditer(r"\b[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)+", without_uses):
        yield match.group(0)


def expand(path):
    brace = path.find("{")
    if brace < 0:
        yield path.split(" as ")[0]
        return
    prefix, inner = path[:brace], path[brace + 1 : path.rfind("}")]
    depth, start = 0, 0
    for i, c in enumerate(inner + ","):
        if c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
        elif c == "," and depth == 0:
            part = inner[start:i]
            start = i + 1
            if part:
                yield from expand(prefix + part)


def resolve(module, path, modules):
    """The module a path lands in (the longest prefix that names a module)."""
    segments = path.split("::")
    if segments[0] == "crate":
        base, rest = (), segments[1:]
    elif segments[0] in ("super", "self"):
        base, rest = module, segments
        while rest and rest[0] in ("super", "self"):
            if rest[0] == "super":
                base = base[:-1]
            rest = rest[1:]
    elif (module + (segments[0],)) in modules:
        # A path from one of this module's own children.
        base, rest = module, segments
    else:
        return None
    target = base
    for segment in rest:
        if target + (segment,) in modules:
            target = target + (segment,)
        else:
            break
    return target


def main():
    crates = sys.argv[1:] or [c for c in CRATES if (WORKSPACE / c / "src").is_dir()]
    failed = False
    for crate in crates:
        print(f"{crate}:")
        failed |= check(WORKSPACE / crate / "src")
    if failed:
        sys.exit(1)


def check(root):
    """Prints the cycles of one crate; whether it has any."""
    skip = {"bin", "main.rs"}
    files = {module_of(root, p): p for p in root.rglob("*.rs") if not skip & set(p.relative_to(root).parts)}
    modules = set(files)
    graph = {m: set() for m in modules}
    for module, path in files.items():
        for use in use_paths(code_without_tests(path.read_text())):
            target = resolve(module, use, modules)
            if target is not None and target != module and target in modules:
                # A child naming its parent's own items is an edge too.
                graph[module].add(target)
    name = lambda m: "::".join(m) or "crate"
    mutual = sorted((a, b) for a in graph for b in graph[a] if a < b and a in graph[b])
    for a, b in mutual:
        print(f"  {name(a)} <-> {name(b)}")
    cycles = find_cycles(graph)
    for cycle in cycles:
        print("  cycle: " + " -> ".join(name(m) for m in shortest_cycle(graph, cycle)))
    if not cycles:
        print(f"  no import cycles among {len(modules)} modules")
    return bool(cycles)


def find_cycles(graph):
    """One cycle per strongly connected component of more than one module."""
    index, low, stack, on_stack, components = {}, {}, [], set(), []
    counter = [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on_stack.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                components.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return components


def shortest_cycle(graph, component):
    """The shortest cycle through the component's first module."""
    start = component[0]
    members = set(component)
    paths = {start: [start]}
    frontier = [start]
    while frontier:
        nxt = []
        for v in frontier:
            for w in sorted(graph[v]):
                if w == start:
                    return paths[v] + [start]
                if w in members and w not in paths:
                    paths[w] = paths[v] + [w]
                    nxt.append(w)
        frontier = nxt
    return component


if __name__ == "__main__":
    main()
