#!/usr/bin/env python3
"""Lists xunit [Fact]/[Theory] methods whose names break the naming convention.

Convention (STYLE.md, issue 17 item 7): Subject_Condition_ExpectedResult, at least three
underscore-separated parts, each PascalCase (an upper-case letter or a digit first, then letters and
digits only: no snake_case words, no lower-case start), and the suffix `Async` exactly when the
method returns Task or ValueTask.

Usage: python3 tests/tools/test_names.py [--list] [tests-dir]
Prints the violation count per project (and each violation with --list); exits 1 if any.
The conventions test TestMethods_EveryFactAndTheory_FollowSubjectConditionExpectedNaming in
AgentHost.AgentCore.Contracts.Tests applies the same rules.
"""
import os
import re
import sys
from collections import defaultdict

ATTRIBUTE = re.compile(r"\[\s*(?:Xunit\.)?(?:Fact|Theory)\b")
METHOD = re.compile(
    r"^\s*(?:(?:public|private|protected|internal|static|virtual|override|async|sealed|new)\s+)*"
    r"(?P<type>[\w<>\[\],.? ]+?)\s+(?P<name>\w+)\s*\(")
PART = re.compile(r"^[A-Z0-9][A-Za-z0-9]*$")


def problems(name, return_type):
    found = []
    parts = name.split("_")
    if len(parts) < 3:
        found.append("fewer than three parts")
    if any(not PART.match(p) for p in parts):
        found.append("a part is not PascalCase")
    is_async = re.match(r"^(?:System\.Threading\.Tasks\.)?(?:Task|ValueTask)\b", return_type.strip()) is not None
    if is_async and not name.endswith("Async"):
        found.append("returns a task but lacks the Async suffix")
    if not is_async and name.endswith("Async"):
        found.append("Async suffix on a method that returns no task")
    return found


def scan(tests_dir):
    counts = defaultdict(int)
    violations = defaultdict(list)
    for root, dirs, files in os.walk(tests_dir):
        dirs[:] = [d for d in dirs if d not in ("bin", "obj", "node_modules")]
        for file in files:
            if not file.endswith(".cs"):
                continue
            path = os.path.join(root, file)
            project = os.path.relpath(path, tests_dir).split(os.sep)[0]
            with open(path, encoding="utf-8") as handle:
                lines = handle.read().splitlines()
            pending = False
            for number, line in enumerate(lines, 1):
                stripped = line.strip()
                if stripped.startswith("//"):
                    continue
                if ATTRIBUTE.search(stripped) and stripped.startswith("["):
                    pending = True
                    continue
                if not pending or stripped.startswith("[") or stripped == "":
                    continue
                match = METHOD.match(line)
                if match is None:
                    continue
                pending = False
                counts[project] += 1
                found = problems(match.group("name"), match.group("type"))
                if found:
                    violations[project].append((os.path.relpath(path, tests_dir), number, match.group("name"), found))
    return counts, violations


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    tests_dir = args[0] if args else os.path.join(os.path.dirname(os.path.abspath(__file__)), "..")
    counts, violations = scan(tests_dir)
    total = sum(len(v) for v in violations.values())
    for project in sorted(counts):
        print(f"{project}: {len(violations[project])} of {counts[project]} test methods break the convention")
        if "--list" in sys.argv:
            for path, number, name, found in violations[project]:
                print(f"  {path}:{number} {name}: {'; '.join(found)}")
    print(f"total: {total} of {sum(counts.values())}")
    return 1 if total else 0


if __name__ == "__main__":
    sys.exit(main())
