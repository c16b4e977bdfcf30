"""`cmake --install` into a fresh prefix gives a working tool and its manual.

Run by CTest (tests/CMakeLists.txt) with CMAKE_COMMAND, CRYPTONEWS_BUILD_DIR
and CRYPTONEWS_SOURCE_DIR set. It installs the build into a temporary prefix
and checks what a user gets there: bin/cryptonews runs from anywhere (its
data is built in), share/man/man1/cryptonews.1 exists, names every command
and carries each command's help, one page per command exists too, and
`man -l` (or groff) renders every page without a warning.
"""
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
BUILD_DIR = os.environ["CRYPTONEWS_BUILD_DIR"]
SOURCE_DIR = os.environ["CRYPTONEWS_SOURCE_DIR"]


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=120, **kwargs)


def commands_of(binary):
    """The subcommands `cryptonews --help` lists."""
    out = run([binary, "--help"]).stdout
    listed = out.split("\nSubcommands:\n", 1)[1]
    return [line.split()[0] for line in listed.splitlines() if line.startswith("  ") and line.strip()]


class InstallIntoPrefix(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.prefix = tempfile.mkdtemp(prefix="cryptonews-install-")
        cls.install = run([CMAKE, "--install", BUILD_DIR, "--prefix", cls.prefix])
        cls.binary = os.path.join(cls.prefix, "bin", "cryptonews")
        cls.man1 = os.path.join(cls.prefix, "share", "man", "man1")

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.prefix, ignore_errors=True)

    def test_install_succeeds(self):
        self.assertEqual(self.install.returncode, 0, self.install.stderr)

    def test_installed_binary_runs_outside_the_source_tree(self):
        self.assertTrue(os.access(self.binary, os.X_OK), f"{self.binary} missing or not executable")
        version = run([self.binary, "--version"], cwd=self.prefix)
        self.assertEqual(version.returncode, 0, version.stderr)
        self.assertIn("cryptonews", version.stdout)
        # Lexicons and migrations are embedded: extracting works with no data files around.
        text = os.path.join(SOURCE_DIR, "fixtures", "extract", "liquidation_cascade.txt")
        extract = run([self.binary, "extract", "--format", "jsonl", text], cwd=self.prefix)
        self.assertEqual(extract.returncode, 0, extract.stderr)
        self.assertIn('"kind":"liquidation"', extract.stdout.replace(" ", ""))

    def test_manual_page_names_every_command_with_its_help(self):
        page = os.path.join(self.man1, "cryptonews.1")
        self.assertTrue(os.path.isfile(page), f"{page} not installed")
        with open(page, encoding="utf-8") as f:
            roff = f.read()
        commands = commands_of(self.binary)
        self.assertIn("ingest", commands)
        for command in commands:
            self.assertIn(f'.SS "cryptonews {command}"', roff, f"no section for {command}")
            self.assertTrue(os.path.isfile(os.path.join(self.man1, f"cryptonews-{command}.1")),
                            f"no cryptonews-{command}.1")
        # A command's own help text, not only its name: ingest's exit codes.
        self.assertIn("Exit codes", roff)
        self.assertIn("max\\-articles", roff)

    def test_every_page_renders_without_warnings(self):
        pages = sorted(p for p in os.listdir(self.man1) if p.endswith(".1")) if os.path.isdir(self.man1) else []
        self.assertTrue(pages, "no manual pages installed")
        env = dict(os.environ, LC_ALL="C.UTF-8", MANWIDTH="80")
        for page in pages:
            path = os.path.join(self.man1, page)
            if shutil.which("man"):
                shown = run(["man", "--warnings=w", "-l", path], env=env)
            elif shutil.which("groff"):
                shown = run(["groff", "-man", "-Tutf8", "-ww", path], env=env)
            else:
                self.skipTest("neither man nor groff is installed")
            self.assertEqual(shown.returncode, 0, f"{page}: {shown.stderr}")
            self.assertEqual(shown.stderr, "", f"{page} renders with warnings")
            self.assertIn("NAME", shown.stdout)

    def test_man_finds_the_page_under_the_prefix(self):
        if not shutil.which("man"):
            self.skipTest("man is not installed")
        found = run(["man", "-w", "cryptonews"],
                    env=dict(os.environ, MANPATH=os.path.join(self.prefix, "share", "man")))
        self.assertEqual(found.returncode, 0, found.stderr)
        self.assertEqual(found.stdout.strip(), os.path.join(self.man1, "cryptonews.1"))


if __name__ == "__main__":
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
