#!/usr/bin/python3
"""Tests scripts/cluster-ingest against a real Dask cluster on 127.0.0.1.

Each test starts a scheduler and two worker processes (no nanny, so a
killed worker stays dead) on loopback, with short timeouts, and stops them
at the end; the --local tests let the script start its own cluster.
(Dask's HTTP servers listen on 0.0.0.0 unless told otherwise, hence the
--dashboard-address 127.0.0.1:0 even with --no-dashboard.) The database the cluster builds from six WARC files must hold
exactly what one `cryptonews warc` over the same files stores (articles,
figures, sentiment), also when a worker is killed in the middle.

Run by ctest (tests/CMakeLists.txt) with CRYPTONEWS_BINARY and
CRYPTONEWS_SOURCE_DIR set; needs Debian's python3-distributed.
"""
import gzip
import io
import os
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
import unittest
import uuid

BINARY = os.environ.get("CRYPTONEWS_BINARY", "build/cryptonews")
SOURCE = os.environ.get("CRYPTONEWS_SOURCE_DIR", os.path.dirname(os.path.dirname(os.path.dirname(
    os.path.abspath(__file__)))))
SCRIPT = os.path.join(SOURCE, "scripts", "cluster-ingest")
PYTHON = "/usr/bin/python3"
FIXTURES = ["news-01.warc.gz", "news-02.warc.gz", "news-03.warc", "news-04.warc.gz", "news-05.warc.gz",
            "news-06.warc.gz"]

ARTICLES_SQL = ("SELECT a.canonical_url, a.url, s.name, a.title, a.authors, a.published_at, a.modified_at, "
                "a.fetched_at, a.language, a.site_name, a.text, a.content_hash, a.extractor_version, "
                "a.sentiment_version FROM articles a JOIN sources s ON s.id = a.source_id ORDER BY 1")
FIGURES_SQL = ("SELECT a.canonical_url, f.ordinal, f.kind, f.asset, f.value, f.value_high, f.unit, f.qualifier, "
               "f.direction, f.window, f.side, f.name, f.metric, f.start, f.\"end\", f.text, f.sentence "
               "FROM figures f JOIN articles a ON a.id = f.article_id ORDER BY 1, 2")
SENTIMENT_SQL = ("SELECT a.canonical_url, coalesce(s.asset, ''), s.score, s.label, s.sentences FROM sentiment s "
                 "JOIN articles a ON a.id = s.article_id ORDER BY 1, 2")


kCopies = 2400  # records per generated file: a few seconds of work each


def finished(shard):
    try:
        con = sqlite3.connect("file:%s?mode=ro" % shard, uri=True, timeout=5)
        try:
            return con.execute("SELECT count(*) FROM warc_inputs WHERE finished_at IS NOT NULL").fetchone()[0] > 0
        finally:
            con.close()
    except sqlite3.Error:
        return False


def rows(db, sql):
    con = sqlite3.connect(db)
    try:
        return con.execute(sql).fetchall()
    finally:
        con.close()


def content(db):
    return rows(db, ARTICLES_SQL), rows(db, FIGURES_SQL), rows(db, SENTIMENT_SQL)


def gzip_member(data):
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, compresslevel=1) as g:
        g.write(data)
    return buf.getvalue()


def big_warc(path, index, copies):
    """A WARC of `copies` response records: our demo pages under new URLs."""
    pages = []
    for outlet in ("ledger", "chaintimes"):
        folder = os.path.join(SOURCE, "fixtures", "demo", outlet)
        for name in sorted(os.listdir(folder)):
            if name.endswith(".html"):
                with open(os.path.join(folder, name), "rb") as page:
                    pages.append((outlet, name[:-5], page.read()))
    with open(path, "wb") as f:
        for i in range(copies):
            outlet, slug, html = pages[i % len(pages)]
            new_slug = "%s-%d-%d" % (slug, index, i)
            html = html.replace(slug.encode(), new_slug.encode())
            uri = "https://%s.demo.example/copies/%s" % (outlet, new_slug)
            http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + html
            head = ("WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:%s>\r\n"
                    "WARC-Date: 2026-11-2%dT10:00:00Z\r\nWARC-Target-URI: %s\r\nContent-Length: %d\r\n\r\n" %
                    (uuid.uuid5(uuid.NAMESPACE_URL, uri), index % 7, uri, len(http))).encode()
            f.write(gzip_member(head + http + b"\r\n\r\n"))


def one_warc_run(test, paths, db, *extra):
    """The reference: one `cryptonews warc` over `paths` into `db`."""
    r = subprocess.run([BINARY, "warc", "--quiet", "--db", db] + list(extra) + list(paths),
                       capture_output=True, text=True, timeout=240)
    test.assertEqual(r.returncode, 0, r.stderr)


class Cluster:
    """A scheduler and `workers` worker processes on 127.0.0.1."""

    def __init__(self, workdir, workers=2):
        self.file = os.path.join(workdir, "scheduler.json")
        self.procs = []
        env = dict(os.environ, DASK_DISTRIBUTED__COMM__TIMEOUTS__CONNECT="10s")
        self.scheduler = subprocess.Popen(
            [PYTHON, "-m", "distributed.cli.dask_scheduler", "--host", "127.0.0.1", "--port", "0",
             "--no-dashboard", "--dashboard-address", "127.0.0.1:0", "--scheduler-file", self.file], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            env=env)
        self.procs.append(self.scheduler)
        self.wait_for(lambda: os.path.exists(self.file) and os.path.getsize(self.file) > 0, "scheduler file")
        import json
        with open(self.file) as f:
            self.address = json.load(f)["address"]
        self.workers = []
        for _ in range(workers):
            w = subprocess.Popen(
                [PYTHON, "-m", "distributed.cli.dask_worker", "--scheduler-file", self.file, "--host", "127.0.0.1",
                 "--nthreads", "1", "--no-nanny", "--no-dashboard", "--dashboard-address", "127.0.0.1:0",
                 "--death-timeout", "30"],
                stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=env)
            self.workers.append(w)
            self.procs.append(w)
        from distributed import Client
        with Client(self.address, timeout=30) as client:
            client.wait_for_workers(workers, timeout=60)

    @staticmethod
    def wait_for(condition, what, seconds=60):
        deadline = time.time() + seconds
        while not condition():
            if time.time() > deadline:
                raise TimeoutError("no %s after %d s" % (what, seconds))
            time.sleep(0.05)

    def stop(self):
        for p in reversed(self.procs):
            if p.poll() is None:
                p.terminate()
        for p in self.procs:
            try:
                p.wait(timeout=10)
            except subprocess.TimeoutExpired:
                p.kill()
                p.wait()


class ClusterIngestTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="cryptonews-cluster-")
        self.work = self.dir.name
        self.cluster = Cluster(self.work)

    def tearDown(self):
        self.cluster.stop()
        self.dir.cleanup()

    def cluster_ingest(self, paths, out, *extra):
        list_file = os.path.join(self.work, "warc.paths")
        with open(list_file, "w") as f:
            f.write("# test inputs\n" + "\n".join(paths) + "\n")
        return subprocess.run([PYTHON, SCRIPT, "--paths", list_file, "--scheduler", self.cluster.address,
                               "--out", out, "--binary", BINARY, "--timeout", "20"] + list(extra),
                              capture_output=True, text=True, timeout=240)

    def one_run(self, paths, db, *extra):
        one_warc_run(self, paths, db, *extra)


    def test_six_fixtures_give_the_database_of_one_warc_run(self):
        paths = [os.path.join(SOURCE, "fixtures", "warc", n) for n in FIXTURES]
        out = os.path.join(self.work, "cluster.db")
        r = self.cluster_ingest(paths, out)
        self.assertEqual(r.returncode, 0, r.stderr)
        reference = os.path.join(self.work, "one.db")
        self.one_run(paths, reference)
        self.assertEqual(content(out), content(reference))
        self.assertEqual(len(rows(out, "SELECT 1 FROM articles")), 8)
        self.assertEqual(rows(out, "SELECT count(*) FROM runs WHERE command = 'warc'"), [(6,)])

        # A rerun reads nothing again and changes nothing.
        again = self.cluster_ingest(paths, out)
        self.assertEqual(again.returncode, 0, again.stderr)
        self.assertIn("6 done before, 0 to read", again.stderr)
        self.assertEqual(content(out), content(reference))
        self.assertEqual(rows(out, "SELECT count(*) FROM runs WHERE command = 'warc'"), [(6,)])

    def test_a_worker_killed_mid_run_still_gives_the_same_database(self):
        paths = []
        for i in range(6):
            p = os.path.join(self.work, "big-%d.warc.gz" % i)
            big_warc(p, i, kCopies)
            paths.append(p)
        out = os.path.join(self.work, "cluster.db")
        list_file = os.path.join(self.work, "warc.paths")
        with open(list_file, "w") as f:
            f.write("\n".join(paths) + "\n")
        run = subprocess.Popen([PYTHON, SCRIPT, "--paths", list_file, "--scheduler", self.cluster.address,
                                "--out", out, "--binary", BINARY, "--timeout", "20", "--", "--batch", "50"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        shards = out + ".shards"
        # Kill a worker once it is writing a shard.
        Cluster.wait_for(lambda: os.path.isdir(shards) and any(n.endswith(".db") for n in os.listdir(shards)),
                         "shard being written", 120)
        time.sleep(0.2)
        unfinished = [n for n in os.listdir(shards) if n.endswith(".db") and not finished(os.path.join(shards, n))]
        self.assertTrue(unfinished, "every shard was done before the kill: make the files bigger")
        victim = self.cluster.workers[0]
        victim.send_signal(signal.SIGKILL)
        victim.wait(timeout=10)
        try:
            _, err = run.communicate(timeout=240)
        finally:
            if run.poll() is None:
                run.kill()
        self.assertEqual(run.returncode, 0, err)
        reference = os.path.join(self.work, "one.db")
        self.one_run(paths, reference)
        self.assertEqual(content(out), content(reference))
        # Five of the six demo pages are crypto articles.
        self.assertEqual(len(rows(out, "SELECT 1 FROM articles")), 6 * kCopies * 5 // 6)


def listening_ports(pid):
    """The TCP addresses process `pid` listens on, as (ip, port) pairs."""
    inodes = set()
    for fd in os.listdir("/proc/%d/fd" % pid):
        try:
            target = os.readlink("/proc/%d/fd/%s" % (pid, fd))
        except OSError:
            continue
        if target.startswith("socket:["):
            inodes.add(target[8:-1])
    found = []
    for table, width in (("tcp", 8), ("tcp6", 32)):
        with open("/proc/%d/net/%s" % (pid, table)) as f:
            next(f)
            for line in f:
                cols = line.split()
                if cols[3] == "0A" and cols[9] in inodes:  # 0A: LISTEN
                    ip, port = cols[1].split(":")
                    found.append((ip, int(port, 16)))
    return found


def writers_of(shards):
    """Pids of processes whose command line names the directory `shards`."""
    pids = []
    for name in os.listdir("/proc"):
        if not name.isdigit():
            continue
        try:
            with open("/proc/%s/cmdline" % name, "rb") as f:
                cmd = f.read().decode(errors="replace")
        except OSError:
            continue
        if shards in cmd and "warc" in cmd and "cluster-ingest" not in cmd:
            pids.append(int(name))
    return pids


class LocalClusterIngestTest(unittest.TestCase):
    """`--local N`: the script starts and stops its own cluster."""

    def setUp(self):
        self.dir = tempfile.TemporaryDirectory(prefix="cryptonews-local-")
        self.work = self.dir.name

    def tearDown(self):
        self.dir.cleanup()

    def write_paths(self, paths):
        list_file = os.path.join(self.work, "warc.paths")
        with open(list_file, "w") as f:
            f.write("\n".join(paths) + "\n")
        return list_file

    def local_ingest(self, list_file, out, *extra):
        return [PYTHON, SCRIPT, "--paths", list_file, "--local", "2", "--out", out, "--binary", BINARY] + list(extra)

    def test_two_local_workers_give_the_database_of_one_warc_run(self):
        paths = [os.path.join(SOURCE, "fixtures", "warc", n) for n in FIXTURES]
        out = os.path.join(self.work, "local.db")
        r = subprocess.run(self.local_ingest(self.write_paths(paths), out), capture_output=True, text=True,
                           timeout=240)
        self.assertEqual(r.returncode, 0, r.stderr)
        self.assertIn("6 files, 0 done before, 6 to read on 2 local workers", r.stderr)
        reference = os.path.join(self.work, "one.db")
        one_warc_run(self, paths, reference)
        self.assertEqual(content(out), content(reference))
        self.assertEqual(rows(out, "SELECT count(*) FROM runs WHERE command = 'warc'"), [(6,)])

    def test_a_file_that_cannot_be_fetched_is_retried_then_reported_and_the_rest_merged(self):
        import http.server
        import threading
        asked = []

        class NotThere(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                asked.append(self.path)
                # No robots.txt (all allowed); the file itself is busy.
                self.send_response(404 if self.path == "/robots.txt" else 503)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), NotThere)
        threading.Thread(target=server.serve_forever, daemon=True).start()
        try:
            good = [os.path.join(SOURCE, "fixtures", "warc", n) for n in FIXTURES[:2]]
            url = "http://127.0.0.1:%d/crawl-data/busy.warc.gz" % server.server_address[1]
            out = os.path.join(self.work, "local.db")
            r = subprocess.run(self.local_ingest(self.write_paths(good + [url]), out, "--retries", "1"),
                               capture_output=True, text=True, timeout=240)
        finally:
            server.shutdown()
            server.server_close()
        self.assertEqual(r.returncode, 1, r.stderr)
        self.assertIn("stopped before the end of the file", r.stderr)
        self.assertIn("HTTP 503", r.stderr)
        self.assertIn("2 files merged into %s, 1 failed" % out, r.stderr)
        # Each try of the task is a new `cryptonews warc`, which reads robots.txt
        # once (the fetcher retries the 503 itself): tried, then retried once.
        self.assertEqual(asked.count("/robots.txt"), 2, asked)
        self.assertIn("/crawl-data/busy.warc.gz", asked)
        reference = os.path.join(self.work, "one.db")
        one_warc_run(self, good, reference)
        self.assertEqual(content(out), content(reference))

    def test_killed_driver_leaves_no_writer_and_the_rerun_completes(self):
        paths = []
        for i in range(2):
            p = os.path.join(self.work, "big-%d.warc.gz" % i)
            big_warc(p, i, kCopies)
            paths.append(p)
        list_file = self.write_paths(paths)
        out = os.path.join(self.work, "local.db")
        shards = out + ".shards"
        run = subprocess.Popen(self.local_ingest(list_file, out, "--", "--batch", "50"),
                               stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
        try:
            Cluster.wait_for(lambda: len(writers_of(shards)) == 2, "two shard writers", 120)
            # The cluster listens on loopback only, HTTP servers included.
            addresses = listening_ports(run.pid)
            self.assertTrue(addresses)
            for ip, port in addresses:
                self.assertIn(ip, ("0100007F", "00000000000000000000000001000000"), "port %d" % port)
            time.sleep(0.3)
            run.send_signal(signal.SIGKILL)
            run.wait(timeout=10)
        finally:
            if run.poll() is None:
                run.kill()
            run.stderr.close()
        # The writers die with the driver (PR_SET_PDEATHSIG), so none is left.
        Cluster.wait_for(lambda: not writers_of(shards), "writers gone after the driver died", 5)
        self.assertFalse(any(finished(os.path.join(shards, n)) for n in os.listdir(shards) if n.endswith(".db")),
                         "a shard is finished: its writer outlived the driver, or the files are too small")

        again = subprocess.run(self.local_ingest(list_file, out, "--", "--batch", "50"), capture_output=True,
                               text=True, timeout=240)
        self.assertEqual(again.returncode, 0, again.stderr)
        reference = os.path.join(self.work, "one.db")
        one_warc_run(self, paths, reference)
        self.assertEqual(content(out), content(reference))


if __name__ == "__main__":
    unittest.main(verbosity=2)
