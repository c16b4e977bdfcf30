"""README.md and docs/ are self-contained: they cite nothing outside the repository.

Run by CTest with CRYPTONEWS_SOURCE_DIR set. Checks every Markdown file of
the README and docs/:
- no path that leaves the repository (`../shared`, an absolute /work path) and
  no name of the evaluation material kept outside it (its folder `eval/`, its
  annotation guide, its scorers `*score.py`): a reader has only the repository;
- every relative Markdown link points at a file or folder that exists;
- every repository path quoted in backticks (`docs/SCHEMA.md`,
  `pipeline/fetch/address_policy.h`, `fixtures/warc/news-0*`) exists, so a
  renamed file cannot leave a dangling reference.
"""
import glob
import os
import re
import sys
import unittest

SOURCE_DIR = os.environ["CRYPTONEWS_SOURCE_DIR"]

FORBIDDEN = [
    (re.compile(r"\.\./shared|shared/eval|/work/"), "a path outside the repository"),
    (re.compile(r"(?<![A-Za-z_])eval/"), "the evaluation folder outside the repository"),
    (re.compile(r"ANNOTATION", re.I), "the evaluation material's annotation guide"),
    (re.compile(r"score\.py", re.I), "a scorer of the evaluation material"),
]
TOP_LEVEL = ("docs/", "scripts/", "pipeline/", "extractors/", "schema/", "fixtures/", "tests/", "bench/",
             "fuzz/", "packaging/", "cmake/", "data/")
# A quoted path with one of these is a pattern or a placeholder, not a file.
PLACEHOLDER = re.compile(r"[<>{}]|NNNN|\.\.\.|…|COMMAND|NAME")


def markdown_files():
    files = [os.path.join(SOURCE_DIR, "README.md")]
    for root, _, names in os.walk(os.path.join(SOURCE_DIR, "docs")):
        files += [os.path.join(root, n) for n in sorted(names) if n.endswith(".md")]
    return files


def lines_of(path):
    with open(path, encoding="utf-8") as f:
        return list(enumerate(f.read().splitlines(), start=1))


class SelfContained(unittest.TestCase):
    def test_nothing_outside_the_repository_is_cited(self):
        problems = []
        for path in markdown_files():
            for number, line in lines_of(path):
                for pattern, what in FORBIDDEN:
                    if pattern.search(line):
                        problems.append(f"{os.path.relpath(path, SOURCE_DIR)}:{number}: {what}: {line.strip()}")
        self.assertEqual(problems, [], "\n" + "\n".join(problems))

    def test_relative_links_exist(self):
        problems = []
        for path in markdown_files():
            for number, line in lines_of(path):
                for target in re.findall(r"\]\(([^)#\s]+)", line):
                    if re.match(r"[a-z]+:", target):
                        continue  # http:, https:, mailto:
                    resolved = os.path.normpath(os.path.join(os.path.dirname(path), target))
                    inside = os.path.commonpath([resolved, SOURCE_DIR]) == SOURCE_DIR
                    if not inside or not os.path.exists(resolved):
                        problems.append(f"{os.path.relpath(path, SOURCE_DIR)}:{number}: link {target}")
        self.assertEqual(problems, [], "\n" + "\n".join(problems))

    def test_quoted_repository_paths_exist(self):
        problems = []
        for path in markdown_files():
            for number, line in lines_of(path):
                for quoted in re.findall(r"`([^`\s]+)`", line):
                    candidate = quoted.rstrip(".,:;)")
                    if not candidate.startswith(TOP_LEVEL) or PLACEHOLDER.search(candidate):
                        continue
                    # A benchmark or tool is named by what it builds: bench/extract_bench.
                    if not glob.glob(os.path.join(SOURCE_DIR, candidate)) and \
                            not glob.glob(os.path.join(SOURCE_DIR, candidate + ".*")):
                        problems.append(f"{os.path.relpath(path, SOURCE_DIR)}:{number}: {candidate}")
        self.assertEqual(problems, [], "\n" + "\n".join(problems))


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
