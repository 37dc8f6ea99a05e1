#!/usr/bin/python3
"""The corpus benchmark: see scripts/bench-corpus (which builds ogix and runs this)."""
import argparse
import glob
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
import sweep  # noqa: E402  (the sweep's report generator)


def make_corpus(work, n):
    """n documents: ~40 % generated HTML, ~30 % generated Word-copy text, ~18 % fixture PDFs,
    ~7 % fixture .docx (copies under their own names), ~5 % broken inputs of fixtures/bad."""
    corpus = os.path.join(work, "corpus")
    os.makedirs(corpus)
    fixtures = sorted(glob.glob(os.path.join(ROOT, "fixtures", "*", "input.*")))
    pdfs = [f for f in fixtures if f.endswith(".pdf")]
    docx = [f for f in fixtures if f.endswith(".docx")]
    bad = sorted(f for f in glob.glob(os.path.join(ROOT, "fixtures", "bad", "*"))
                 if not f.endswith((".md", ".tsv")) and os.path.getsize(f) < 1 << 20)
    counts = {"html": n * 40 // 100, "text": n * 30 // 100, "pdf": n * 18 // 100, "docx": n * 7 // 100}
    counts["bad"] = n - sum(counts.values())
    seed = 7 * 100000
    for i in range(max(counts["html"], counts["text"])):
        f, _rep, doc, _gold = sweep.build(seed + i, {})
        d = os.path.join(corpus, f"g{i // 500:03d}")
        os.makedirs(d, exist_ok=True)
        if i < counts["html"]:
            with open(os.path.join(d, f"r{i}.html"), "w", encoding="utf-8") as fh:
                fh.write(sweep.to_html(doc, f))
        if i < counts["text"]:
            with open(os.path.join(d, f"r{i}.txt"), "w", encoding="utf-8", newline="") as fh:
                fh.write(sweep.to_text(doc, f, random.Random(seed + i)))
    for kind, files in (("pdf", pdfs), ("docx", docx), ("bad", bad)):
        d = os.path.join(corpus, kind)
        os.makedirs(d)
        for i in range(counts[kind]):
            src = files[i % len(files)]
            case = os.path.basename(src) if kind == "bad" else os.path.basename(os.path.dirname(src)) + os.path.splitext(src)[1]
            shutil.copyfile(src, os.path.join(d, f"{i:05d}-{case}"))
    return corpus, counts


LAST = {}  # CPU seconds and stderr of the last run()


def run(cmd, **kw):
    """Runs cmd; returns (seconds, peak RSS of the process in MiB, exit code) and prints its CPU
    seconds and the machine's load (the 2 cores may be shared: wall times then mean little)."""
    t = time.monotonic()
    with tempfile.TemporaryFile() as err:
        p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=err, **kw)
        _, status, usage = os.wait4(p.pid, 0)
        err.seek(0)
        LAST["stderr"] = err.read().decode("utf-8", "replace")
    p.returncode = os.waitstatus_to_exitcode(status)
    wall = time.monotonic() - t
    LAST["cpu"] = usage.ru_utime + usage.ru_stime
    print(f"  ({os.path.basename(cmd[0])} {' '.join(cmd[1:4])}…: {wall:.1f} s wall, "
          f"{LAST['cpu']:.1f} s CPU, load average {os.getloadavg()[0]:.1f})", flush=True)
    return wall, usage.ru_maxrss / 1024, p.returncode


TIMING = re.compile(r"ogix: timing: -j(\d+), (\d+) inputs; setup ([\d.]+) s wall ([\d.]+) s CPU; conversions "
                    r"([\d.]+) s wall ([\d.]+) s CPU \(([\d.]+) ms CPU per input, busiest thread ([\d.]+) s\); "
                    r"dataset files ([\d.]+) s wall ([\d.]+) s CPU \(ordered thread ([\d.]+) s\); tail ([\d.]+) s")


def timing():
    """The timing line of the last run (ogix convert --progress=plain ends with it), as a dict."""
    m = TIMING.search(LAST["stderr"])
    if not m:
        sys.exit("bench-corpus: no timing line from ogix convert --progress=plain")
    keys = ("jobs", "inputs", "setup_wall", "setup_cpu", "conv_wall", "conv_cpu", "ms_per_input", "busiest",
            "asm_wall", "asm_cpu", "ordered", "tail")
    t = dict(zip(keys, map(float, m.groups())))
    t["process_cpu"] = LAST["cpu"]
    # What no thread of this process shares: start-up and exit outside the batch, the setup, the
    # busiest conversion thread, and of the assembly the larger of the ordered thread and its
    # share of the reading. On idle cores the run's wall time is this critical path.
    outside = max(0.0, t["process_cpu"] - t["setup_cpu"] - t["conv_cpu"] - t["asm_cpu"])
    t["critical"] = outside + t["setup_cpu"] + t["busiest"] + max(t["ordered"], t["asm_cpu"] / t["jobs"])
    return t


def show_timing(label, t):
    print(f"{label} CPU accounting: {t['process_cpu']:.1f} s CPU in all, {t['conv_cpu']:.1f} s converting "
          f"({t['ms_per_input']:.2f} ms CPU per input, busiest thread {t['busiest']:.1f} s), dataset assembly "
          f"{t['asm_cpu']:.2f} s CPU / {t['asm_wall']:.2f} s wall (serial: ordered thread {t['ordered']:.2f} s); "
          f"tail (last input started to the end of the conversions) {t['tail']:.2f} s wall; "
          f"critical path {t['critical']:.1f} CPU s", flush=True)


def pages_of(out):
    """Pages converted: a PDF's page count, 1 for any other converted document."""
    total = 0
    for x in glob.glob(os.path.join(out, "*.xml")):
        with open(x, encoding="utf-8") as fh:
            head = fh.read(4096)
        m = re.search(r'<source [^>]*pages="(\d+)"', head)
        total += int(m.group(1)) if m and int(m.group(1)) > 0 else 1
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--ogix", required=True)
    ap.add_argument("--docs", type=int, default=5000, help="documents in the corpus [5000]")
    ap.add_argument("--big", type=int, default=20000, help="inputs of the memory run [20000]")
    ap.add_argument("--work", default=None, help="keep the corpus and outputs here")
    a = ap.parse_args()
    ogix = os.path.abspath(a.ogix)
    work = a.work or tempfile.mkdtemp(prefix="ogix-bench-corpus-")
    os.makedirs(work, exist_ok=True)
    t = time.monotonic()
    corpus, counts = make_corpus(work, a.docs)
    print(f"corpus: {a.docs} documents ({', '.join(f'{v} {k}' for k, v in counts.items())}) "
          f"made in {time.monotonic() - t:.0f} s", flush=True)
    out = lambda name: os.path.join(work, name)
    conv = lambda o, *extra: [ogix, "convert", "-q", "--no-sync", *extra, corpus, "-o", out(o)]
    # Not -q: --progress=plain ends with the timing line (a line per hour otherwise).
    timed = lambda o, *extra: [ogix, "convert", "--no-sync", "--progress=plain", "--progress-every", "3600", *extra,
                               corpus, "-o", out(o)]

    s1, rss1, rc1 = run(timed("j1", "-j", "1"))
    t1 = timing()
    pages = pages_of(out("j1"))
    ok = sum(1 for line in open(os.path.join(out("j1"), "manifest.csv"), encoding="utf-8") if ",ok," in line)
    print(f"-j1: {s1:.1f} s, {a.docs / s1:.1f} documents/s, {pages / s1:.1f} pages/s "
          f"({ok} converted, {a.docs - ok} failed, {pages} pages), peak RSS {rss1:.0f} MiB (exit {rc1})", flush=True)
    show_timing("-j1", t1)
    s2, rss2, rc2 = run(timed("j2", "-j", "2"))
    t2 = timing()
    print(f"-j2: {s2:.1f} s, {a.docs / s2:.1f} documents/s, {pages / s2:.1f} pages/s, peak RSS {rss2:.0f} MiB; "
          f"wall-clock speed-up {s1 / s2:.2f}x over -j1 (exit {rc2}; meaningless when the load average exceeds 2)",
          flush=True)
    show_timing("-j2", t2)
    print(f"-j2 against -j1 from CPU accounting: CPU per input {t2['ms_per_input'] / t1['ms_per_input']:.2f}x "
          f"(1.00 = no extra work with two threads); -j2 spreads its own CPU {t2['process_cpu'] / t2['critical']:.2f}x "
          f"over its critical path; speed-up on 2 idle cores = -j1 CPU / -j2 critical path = "
          f"{t1['process_cpu'] / t2['critical']:.2f}x", flush=True)
    same = subprocess.run(["diff", "-r", "-q", out("j1"), out("j2")], stdout=subprocess.DEVNULL).returncode == 0
    print(f"-j1 and -j2 outputs identical: {same}")
    # The same pair again in the other order (-j2 then -j1, into new directories): a drift of the
    # machine during the benchmark (another process, the file system's recent deletions — ext4
    # scans inodes freed in the last minutes on each create) weighs on both sides equally.
    s2b, _, _ = run(timed("j2b", "-j", "2"))
    s1b, _, _ = run(timed("j1b", "-j", "1"))
    print(f"again, -j2 first: -j2 {s2b:.1f} s, -j1 {s1b:.1f} s ({s1b / s2b:.2f}x); both pairs (-j1, -j2, -j2, -j1): "
          f"-j2 / -j1 = {(s1 + s1b) / (s2 + s2b):.2f}x", flush=True)
    sr, rssr, _ = run(conv("j2", "-j", "2", "--resume"))
    print(f"--resume over the finished -j2 run: {sr:.1f} s ({100 * sr / s2:.0f} % of the run), peak RSS {rssr:.0f} MiB", flush=True)
    sd, _, rcd = run(["/usr/bin/python3", os.path.join(ROOT, "contrib", "dask", "ogix_dask.py"), "--local", "2",
                      "--shards", "2", "--ogix", ogix, "--out", out("dask"), corpus])
    same = subprocess.run(["diff", "-r", "-q", out("j2"), out("dask")], stdout=subprocess.DEVNULL).returncode == 0
    print(f"Dask LocalCluster (2 workers, 2 shards, then ogix merge): {sd:.1f} s against {s2:.1f} s for -j2 "
          f"({sd / s2:.2f}x); identical to -j2: {same} (exit {rcd})", flush=True)

    # Memory against the number of inputs: the generated HTML and text, listed again and again
    # under other paths (hard links) up to --big inputs; 200 of the same list for the small run.
    light = sorted(glob.glob(os.path.join(corpus, "g*", "*")))
    links = os.path.join(work, "links")
    paths = []
    for i in range(a.big):
        src = light[i % len(light)]
        d = os.path.join(links, f"c{i // len(light):02d}", os.path.basename(os.path.dirname(src)))
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, os.path.basename(src))
        if not os.path.exists(p):
            os.link(src, p)
        paths.append(p)
    for n in (200, a.big):
        lst = os.path.join(work, f"list{n}")
        with open(lst, "w") as fh:
            fh.write("\n".join(paths[:n]) + "\n")
        s, rss, _ = run([ogix, "convert", "-q", "--no-sync", "-j", "2", "--files-from", lst, "-o", out(f"mem{n}")])
        print(f"memory: {n} inputs (-j2): {s:.1f} s, peak RSS {rss:.1f} MiB", flush=True)
        if n == 200:
            small = rss
    print(f"memory: peak RSS for {a.big} inputs = {rss / small:.2f}x the peak for 200")
    if not a.work:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":  # the Dask driver's LocalCluster spawns processes
    main()
