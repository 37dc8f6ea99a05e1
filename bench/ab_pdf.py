#!/usr/bin/python3
"""CPU of several ogix builds and of `pdftotext -bbox-layout` on one file, interleaved run by run.

    bench/ab_pdf.py FILE RUNS OGIX_BINARY... [pdftotext]

Each round runs every command once, in the order given, so a burst of load touches them alike;
each command converts into its own directory (replacing the previous run's outputs, as
bench/bench_pdf.sh does). Prints per command the mean wall, CPU (user + sys) and system time of a
run, then each ogix binary's CPU ratio to pdftotext when it was listed. Compare builds with it:
copy each build's `ogix` aside first (the OCR module is not needed for text PDFs).
"""
import os
import statistics
import subprocess
import sys
import tempfile
import time


def run(cmd):
    """Wall seconds, CPU seconds (user + sys) and system seconds of one process."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, ru = os.wait4(p.pid, 0)
    if status != 0:
        sys.exit(f"ab_pdf: {' '.join(cmd)} failed ({status})")
    return time.perf_counter() - t0, ru.ru_utime + ru.ru_stime, ru.ru_stime


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    path, rounds, tools = sys.argv[1], int(sys.argv[2]), sys.argv[3:]
    with tempfile.TemporaryDirectory() as tmp:
        def command(k, tool):
            if tool == "pdftotext":
                return ["pdftotext", "-q", "-bbox-layout", path, os.path.join(tmp, "out.html")]
            return [tool, "convert", "-q", path, "-o", os.path.join(tmp, f"ogix-{k}")]

        for k, tool in enumerate(tools):  # warm the page cache and the libraries
            run(command(k, tool))
        results = [[] for _ in tools]
        for _ in range(rounds):
            for k, tool in enumerate(tools):
                results[k].append(run(command(k, tool)))
    cpu = {}
    for k, tool in enumerate(tools):
        wall, c, sys_t = (statistics.mean(r[i] for r in results[k]) for i in range(3))
        cpu[k] = c
        print(f"{tool:24s} wall {1000 * wall:7.2f} ms   CPU {1000 * c:7.2f} ms   sys {1000 * sys_t:6.2f} ms  (mean of {rounds})")
    if "pdftotext" in tools:
        base = cpu[tools.index("pdftotext")]
        for k, tool in enumerate(tools):
            if tool != "pdftotext":
                print(f"{tool:24s} CPU ratio to pdftotext {cpu[k] / base:.3f}")


if __name__ == "__main__":
    main()
