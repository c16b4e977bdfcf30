"""The shipped systemd units (packaging/systemd/) are valid and fail when the
nightly ingest did not work.

Run by CTest with CMAKE_COMMAND, CRYPTONEWS_BUILD_DIR and CRYPTONEWS_SOURCE_DIR
set. Exits 77 (CTest: skipped) when systemd-analyze is not installed.

- The units installed by `cmake --install` into a temporary prefix pass
  `systemd-analyze verify` with no complaint at all (it exits 0 on keys it
  ignores, so any output fails the test): their ExecStart names the
  installed binary and their Documentation= the installed manual pages.
- docs/OPERATIONS.md shows each unit file exactly as it is.
- The service's own ExecStart line, with its --sources and --db pointed at
  files of this test, is run the way systemd would and judged by the unit's
  SuccessExitStatus=: the demo sources and a run where one feed of two is
  down succeed; a run where every feed is down (exit 6, a dead network)
  fails the unit. Feeds are fixtures and a closed port on 127.0.0.1: no
  other network.
"""
import json
import os
import re
import shlex
import shutil
import socket
import subprocess
import sys
import tempfile
import unittest

CMAKE = os.environ.get("CMAKE_COMMAND", "cmake")
BUILD_DIR = os.environ["CRYPTONEWS_BUILD_DIR"]
SOURCE_DIR = os.environ["CRYPTONEWS_SOURCE_DIR"]
UNITS_DIR = os.path.join(SOURCE_DIR, "packaging", "systemd")
UNITS = ["cryptonews-ingest.service", "cryptonews-ingest.timer"]
SKIPPED = 77


def run(args, **kwargs):
    return subprocess.run(args, capture_output=True, text=True, timeout=300, **kwargs)


def unit_settings(path):
    """Key -> list of values, over all sections (enough for these units)."""
    settings = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.strip()
            if not line or line.startswith(("#", ";", "[")):
                continue
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    return settings


def unit_succeeds(exit_code, success_exit_status):
    """systemd's rule for a oneshot service's main process: 0 or a listed code."""
    listed = set()
    for value in success_exit_status:
        listed.update(int(word) for word in value.split() if word.isdigit())
    return exit_code == 0 or exit_code in listed


def closed_loopback_port():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class SystemdUnits(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.work = tempfile.mkdtemp(prefix="cryptonews-units-")
        cls.prefix = os.path.join(cls.work, "prefix")
        cls.install = run([CMAKE, "--install", BUILD_DIR, "--prefix", cls.prefix])
        cls.installed_units = os.path.join(cls.prefix, "lib", "systemd", "system")
        cls.service = unit_settings(os.path.join(UNITS_DIR, UNITS[0]))

    @classmethod
    def tearDownClass(cls):
        shutil.rmtree(cls.work, ignore_errors=True)

    def test_installed_units_pass_systemd_analyze_verify(self):
        self.assertEqual(self.install.returncode, 0, self.install.stderr)
        paths = [os.path.join(self.installed_units, unit) for unit in UNITS]
        for path in paths:
            self.assertTrue(os.path.isfile(path), f"{path} not installed")
        exec_start = unit_settings(paths[0])["ExecStart"][0]
        self.assertEqual(shlex.split(exec_start)[0], os.path.join(self.prefix, "bin", "cryptonews"))
        # Documentation=man:... is checked with man(1); without man-db, only the rest.
        man_check = [] if shutil.which("man") else ["--man=no"]
        verify = run(["systemd-analyze", "verify", *man_check, *paths],
                     env=dict(os.environ, MANPATH=os.path.join(self.prefix, "share", "man")))
        self.assertEqual(verify.returncode, 0, verify.stdout + verify.stderr)
        self.assertEqual(verify.stdout + verify.stderr, "", "systemd-analyze verify complained")

    def test_operations_shows_each_unit_as_it_is(self):
        with open(os.path.join(SOURCE_DIR, "docs", "OPERATIONS.md"), encoding="utf-8") as f:
            operations = f.read()
        for unit in UNITS:
            with open(os.path.join(UNITS_DIR, unit), encoding="utf-8") as f:
                content = f.read()
            shown = re.search(r"`packaging/systemd/" + re.escape(unit) + r"`[^\n]*\n\n```ini\n(.*?)```",
                              operations, re.S)
            self.assertIsNotNone(shown, f"docs/OPERATIONS.md does not show packaging/systemd/{unit}")
            self.assertEqual(shown.group(1), content, f"docs/OPERATIONS.md shows another {unit}")

    def run_exec_start(self, name, feeds):
        """The service's ExecStart with its --sources and --db replaced, run in
        a fresh directory; returns the exit code."""
        argv = shlex.split(self.service["ExecStart"][0])
        # Never run the unit's own sources (real outlets): both must be replaced.
        self.assertIn("--sources", argv)
        self.assertIn("--db", argv)
        directory = os.path.join(self.work, name)
        os.makedirs(directory)
        sources = os.path.join(directory, "sources.toml")
        with open(sources, "w", encoding="utf-8") as f:
            f.write("[defaults]\npoliteness_delay_ms = 0\n\n[[sources]]\n"
                    f'name = "Unit test"\nfeeds = [{", ".join(json.dumps(feed) for feed in feeds)}]\n')
        argv[0] = os.path.join(BUILD_DIR, "cryptonews")
        argv[argv.index("--sources") + 1] = sources
        argv[argv.index("--db") + 1] = os.path.join(directory, "cryptonews.db")
        result = run(argv + ["--quiet"], cwd=directory)
        return result.returncode, result.stderr

    def test_demo_sources_succeed(self):
        demo_feed = "file://" + os.path.join(SOURCE_DIR, "fixtures", "demo", "ledger", "feed.xml")
        code, err = self.run_exec_start("demo", [demo_feed])
        self.assertEqual(code, 0, err)
        self.assertTrue(unit_succeeds(code, self.service["SuccessExitStatus"]))

    def test_one_feed_down_is_partial_and_succeeds(self):
        demo_feed = "file://" + os.path.join(SOURCE_DIR, "fixtures", "demo", "ledger", "feed.xml")
        dead_feed = f"http://127.0.0.1:{closed_loopback_port()}/feed.xml"
        code, err = self.run_exec_start("partial", [demo_feed, dead_feed])
        self.assertEqual(code, 1, err)
        self.assertTrue(unit_succeeds(code, self.service["SuccessExitStatus"]), "partial run fails the unit")

    def test_dead_network_fails_the_unit(self):
        dead_feed = f"http://127.0.0.1:{closed_loopback_port()}/feed.xml"
        code, err = self.run_exec_start("dead", [dead_feed])
        self.assertEqual(code, 6, err)
        self.assertFalse(unit_succeeds(code, self.service["SuccessExitStatus"]),
                         "a run where every feed failed counts as a success")

    def test_every_other_failure_code_fails_the_unit(self):
        for code in (2, 3, 4, 5, 6):
            self.assertFalse(unit_succeeds(code, self.service["SuccessExitStatus"]), f"exit {code}")


if __name__ == "__main__":
    if shutil.which("systemd-analyze") is None:
        print("skipped: systemd-analyze is not installed (Debian package systemd)")
        sys.exit(SKIPPED)
    sys.exit(0 if unittest.main(exit=False, verbosity=2).result.wasSuccessful() else 1)
