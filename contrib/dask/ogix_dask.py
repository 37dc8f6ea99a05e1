#!/usr/bin/python3
"""Runs `ogix convert` over a corpus on a Dask cluster: one task per shard, then `ogix merge`.

    python3 contrib/dask/ogix_dask.py (--local N | --scheduler tcp://host:8786) [--ogix PATH]
                                      [--shards M] [--jobs J] --out OUT INPUT...

INPUT is as for `ogix convert` (files or directories). Each task runs, on whichever worker Dask
gives it,

    ogix convert --resume --shard K/M -j J -o OUT.shards/K INPUT...

in the client's working directory, and when all M are done the client runs

    ogix merge -j CORES OUT.shards/1 ... OUT.shards/M -o OUT

so OUT is byte for byte what `ogix convert INPUT... -o OUT` gives on one machine. On a real
cluster OUT, the inputs and the ogix binary must be on storage every worker sees at the same
paths (give absolute paths). A task that fails is retried once by Dask; --resume makes the retry
keep what the first attempt finished. Dask does the scheduling; this file only submits and merges.
"""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile


def convert_shard(ogix, shard, shards, jobs, out_dir, inputs, cwd):
    """One Dask task: ogix convert of shard `shard` of `shards`. Returns (shard, exit code)."""
    cmd = [ogix, "convert", "-q", "--resume", "--no-sync", "--progress=off", "--shard", f"{shard}/{shards}",
           "-j", str(jobs), "-o", out_dir, *inputs]
    proc = subprocess.run(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    # 0: all converted, 1: some inputs failed (listed in the shard's manifest): both finish a shard.
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"shard {shard}/{shards}: ogix exited {proc.returncode}: {proc.stderr.strip()[-2000:]}")
    return shard, proc.returncode


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    where = ap.add_mutually_exclusive_group(required=True)
    where.add_argument("--local", type=int, metavar="N", help="start a LocalCluster of N worker processes")
    where.add_argument("--scheduler", metavar="ADDRESS", help="connect to a running scheduler (tcp://host:8786)")
    ap.add_argument("--ogix", default="ogix", help="the ogix binary, as every worker sees it [ogix on PATH]")
    ap.add_argument("--shards", type=int, help="number of shards (tasks) [the cluster's worker threads]")
    ap.add_argument("--jobs", type=int, default=1, help="ogix -j inside each task [1]")
    ap.add_argument("--out", required=True, help="merged output directory")
    ap.add_argument("inputs", nargs="+", metavar="INPUT")
    args = ap.parse_args()

    from dask.distributed import Client, LocalCluster  # Debian: python3-distributed

    ogix = args.ogix if os.sep not in args.ogix else os.path.abspath(args.ogix)
    if args.local is not None:
        if args.local < 1:
            ap.error("--local needs at least 1 worker")
        scratch = tempfile.mkdtemp(prefix="ogix-dask-")  # worker space, not the user's directory
        cluster = LocalCluster(n_workers=args.local, threads_per_worker=1, processes=True,
                               dashboard_address=None, local_directory=scratch)
        client = Client(cluster)
    else:
        cluster = None
        client = Client(args.scheduler)
    try:
        shards = args.shards or max(1, sum(client.nthreads().values()))
        shard_root = os.path.abspath(args.out.rstrip("/") + ".shards")
        os.makedirs(shard_root, exist_ok=True)
        dirs = [os.path.join(shard_root, str(k)) for k in range(1, shards + 1)]
        futures = [client.submit(convert_shard, ogix, k, shards, args.jobs, dirs[k - 1], args.inputs, os.getcwd(),
                                 pure=False, retries=1, key=f"ogix-shard-{k}-of-{shards}")
                   for k in range(1, shards + 1)]
        results = client.gather(futures)
    finally:
        client.close()
        if cluster is not None:
            cluster.close()
            shutil.rmtree(scratch, ignore_errors=True)
    merge = subprocess.run([ogix, "merge", "-q", "-j", str(os.cpu_count() or 1), *dirs, "-o", args.out])
    failed = sum(rc == 1 for _, rc in results)
    print(f"ogix_dask: {shards} shards on Dask ({failed} with failed inputs), merged into {args.out}", file=sys.stderr)
    return merge.returncode


if __name__ == "__main__":  # LocalCluster starts its workers by spawn: they import this file
    sys.exit(main())
