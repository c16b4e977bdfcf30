"""The examples of the README (and of other Markdown files) run as they stand.

Run by CTest with CRYPTONEWS_BINARY and CRYPTONEWS_SOURCE_DIR set:
    readme_examples_test.py [FILE.md ...]     (default README.md; paths from the source tree)
Every ```sh block right after a `<!-- tested -->` line is run, one command
at a time, in a scratch folder per file that looks like the top of the
source tree after a build: build/cryptonews is the binary under test (also
on PATH as `cryptonews`), fixtures/ and scripts/ are the repository's, and
cryptonews.db holds the demo sources (fixtures/demo), as the docs' examples
assume. A command fails the test when it exits non-zero or prints an error
or a warning on stderr (cryptonews prefixes those with `cryptonews`; summary
lines are `ingest: …`).

No network: before anything runs, every tested block is checked to crawl
only fixtures (`ingest`/`crawl` need `--sources fixtures/…`) and to name no
http(s) URL beyond 127.0.0.1; where the kernel allows it the commands run in
a network namespace of their own (`unshare -n`), which has no network at all.
"""
import os
import re
import shlex
import shutil
import subprocess
import sys
import tempfile
import unittest

BINARY = os.environ["CRYPTONEWS_BINARY"]
SOURCE_DIR = os.environ["CRYPTONEWS_SOURCE_DIR"]
FILES = sys.argv[1:] or ["README.md"]
MARKER = "<!-- tested -->"
STDERR_PROBLEM = re.compile(r"^cryptonews\b|\berror\b|\bwarning\b", re.I | re.M)


def tested_blocks(name, markdown):
    """(line number, [commands]) of each sh block right after the marker."""
    blocks = []
    lines = markdown.splitlines()
    for i, line in enumerate(lines):
        if line.strip() != MARKER:
            continue
        j = i + 1
        while j < len(lines) and not lines[j].strip():
            j += 1
        assert j < len(lines) and lines[j].strip() in ("```sh", "```bash"), \
            f"{name}:{i + 1}: {MARKER} is not followed by a ```sh block"
        commands, pending = [], ""
        j += 1
        while lines[j].strip() != "```":
            text = lines[j]
            if text.endswith("\\"):
                pending += text[:-1] + " "
            else:
                command = (pending + text).strip()
                pending = ""
                if command and not command.startswith("#"):
                    commands.append((j + 1, command))
            j += 1
        blocks.append((i + 1, commands))
    return blocks


def network_problem(command):
    """Why the command may not run here, or None."""
    for url in re.findall(r"https?://[^\s\"']+", command):
        if not re.match(r"https?://(127\.0\.0\.1|localhost|\[::1\])[:/]", url):
            return f"names {url}"
    words = shlex.split(command, comments=True)
    for k, word in enumerate(words):
        if os.path.basename(word) == "cryptonews" and k + 1 < len(words) and words[k + 1] in ("ingest", "crawl"):
            rest = words[k + 2:]
            sources = [rest[n + 1] for n, w in enumerate(rest[:-1]) if w == "--sources"]
            sources += [w.split("=", 1)[1] for w in rest if w.startswith("--sources=")]
            if not sources or not all(s.startswith("fixtures/") for s in sources):
                return f"{words[k + 1]} without --sources fixtures/..."
    return None


def isolation_prefix():
    """`unshare -n` (or -rn without root) when it works here, else nothing."""
    for prefix in (["unshare", "-n"], ["unshare", "-rn"]):
        if shutil.which(prefix[0]) and subprocess.run(prefix + ["true"], capture_output=True).returncode == 0:
            return prefix
    return []


class TestedExamples(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.blocks = {}
        for name in FILES:
            with open(os.path.join(SOURCE_DIR, name), encoding="utf-8") as f:
                cls.blocks[name] = tested_blocks(name, f.read())

    def commands(self):
        return [(name, line, command) for name, blocks in self.blocks.items()
                for _, commands in blocks for line, command in commands]

    def test_files_mark_examples_as_tested(self):
        for name, blocks in self.blocks.items():
            self.assertTrue(blocks, f"{name} has no {MARKER} block")
        if "README.md" in self.blocks:
            self.assertGreaterEqual(sum(len(c) for _, c in self.blocks["README.md"]), 10,
                                    "README.md has fewer than 10 tested commands")

    def test_tested_examples_need_no_network(self):
        problems = [f"{name}:{line}: {why}: {command}" for name, line, command in self.commands()
                    if (why := network_problem(command))]
        self.assertEqual(problems, [], "\n" + "\n".join(problems))

    def test_tested_examples_run_without_errors(self):
        for name, line, command in self.commands():
            if network_problem(command):
                self.fail(f"{name}:{line}: not run, it would use the network: {command}")
        isolate = isolation_prefix()
        failures = []
        for name in self.blocks:
            work = tempfile.mkdtemp(prefix="cryptonews-examples-")
            try:
                failures += self.run_file(name, work, isolate)
            finally:
                shutil.rmtree(work, ignore_errors=True)
        self.assertEqual(failures, [], "\n" + "\n".join(failures))

    def run_file(self, name, work, isolate):
        os.makedirs(os.path.join(work, "build"))
        os.symlink(BINARY, os.path.join(work, "build", "cryptonews"))
        for folder in ("fixtures", "scripts"):
            os.symlink(os.path.join(SOURCE_DIR, folder), os.path.join(work, folder))
        env = dict(os.environ, PATH=os.path.join(work, "build") + os.pathsep + os.environ["PATH"])
        demo = subprocess.run([BINARY, "ingest", "--sources", "fixtures/demo/sources.toml", "--db", "cryptonews.db",
                               "--quiet"], cwd=work, capture_output=True, text=True, timeout=300)
        self.assertEqual(demo.returncode, 0, demo.stderr)
        failures = []
        for _, commands in self.blocks[name]:
            for line, command in commands:
                result = subprocess.run(isolate + ["bash", "-o", "pipefail", "-c", command], cwd=work, env=env,
                                        capture_output=True, text=True, timeout=300)
                if result.returncode != 0:
                    failures.append(f"{name}:{line}: exit {result.returncode}: {command}\n{result.stderr}")
                elif STDERR_PROBLEM.search(result.stderr):
                    failures.append(f"{name}:{line}: error on stderr: {command}\n{result.stderr}")
        return failures


if __name__ == "__main__":
    sys.exit(0 if unittest.main(argv=sys.argv[:1], exit=False, verbosity=2).result.wasSuccessful() else 1)
