#!/usr/bin/env python3
"""Per-stage cost of the sharded audit (docs/scale.md): CPU seconds, peak RSS, intermediate bytes, bytes read.

    python3 benchmarks/scale/measure.py CORPUS.jsonl --shards 8 [--band-groups 4] [--work /tmp/scale] [--audit-arg=--no-model]

Splits CORPUS into SHARDS files (whole lines, contiguous), runs `corpusqa slurm plan`, then every task of every stage
as its own process (`corpusqa stage STAGE --task N`, what a Slurm array element runs), and records each task's user+system
CPU seconds (wait4) and peak RSS (the task's own report, VmHWM: wait4's ru_maxrss would count the forked Python
image before exec) and the bytes its output folder holds. Prints one JSON line per stage.
"""
import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

REPO = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
CQ = ["dotnet", os.path.join(REPO, "src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll")]


def run(args, env=None):
    start = time.time()
    proc = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode != 0:
        sys.exit(f"{' '.join(args)} failed ({proc.returncode}):\n{err}")
    peak = re.search(r"peak_rss_mib=([0-9.]+)", err)
    return usage.ru_utime + usage.ru_stime, float(peak.group(1)) if peak else float("nan"), time.time() - start


def du(path):
    total = 0
    for root, _, files in os.walk(path):
        total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus")
    ap.add_argument("--shards", type=int, default=8)
    ap.add_argument("--band-groups", type=int, default=4)
    ap.add_argument("--work", default="/tmp/corpusqa-scale")
    ap.add_argument("--threads", type=int, default=2)
    ap.add_argument("--audit-arg", action="append", default=[])
    args = ap.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    os.makedirs(f"{args.work}/in")
    # Streamed, so that this process stays small (its memory is not the tasks').
    with open(args.corpus, "rb") as f:
        documents = sum(1 for _ in f)
    files = [f"{args.work}/in/part-{k:03d}.jsonl" for k in range(args.shards)]
    with open(args.corpus, "rb") as f:
        for k, path in enumerate(files):
            with open(path, "wb") as out:
                for _ in range((k + 1) * documents // args.shards - k * documents // args.shards):
                    out.write(f.readline())
    input_bytes = sum(os.path.getsize(f) for f in files)
    run_dir = f"{args.work}/run"
    run(CQ + ["slurm", "plan", *files, "--run-dir", run_dir, "--shards", str(args.shards), "--band-groups", str(args.band_groups),
              "--cpus-per-task", str(args.threads), *[f"--audit-arg={a}" for a in args.audit_arg]])
    env = dict(os.environ, SLURM_CPUS_PER_TASK=str(args.threads))
    tasks = {"analyze": args.shards, "buckets": args.band_groups, "clusters": 1, "apply": args.shards, "merge": 1}
    if "--no-dedup" in args.audit_arg:
        tasks["buckets"] = tasks["clusters"] = 0
    folders = {"analyze": "work/analyze", "buckets": "work/buckets", "clusters": "work/clusters", "apply": "work/apply", "merge": "out"}
    print(json.dumps({"corpus": os.path.basename(args.corpus), "documents": documents, "input_bytes": input_bytes,
                      "shards": args.shards, "band_groups": args.band_groups, "threads": args.threads}))
    for stage, count in tasks.items():
        cpu, peak, wall = [], [], []
        for task in range(count):
            c, p, w = run(CQ + ["stage", stage, "--run-dir", run_dir, "--task", str(task)], env)
            cpu.append(c); peak.append(p); wall.append(w)
        if count == 0:
            continue
        print(json.dumps({"stage": stage, "tasks": count, "cpu_s": round(sum(cpu), 2), "max_task_cpu_s": round(max(cpu), 2),
                          "wall_s": round(sum(wall), 2), "peak_rss_mib": round(max(peak), 1), "min_task_rss_mib": round(min(peak), 1),
                          "output_bytes": du(os.path.join(run_dir, folders[stage]))}), flush=True)


if __name__ == "__main__":
    main()
