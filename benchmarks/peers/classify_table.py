#!/usr/bin/env python3
"""Markdown tables from a run_classify.sh results file (benchmarks/results/classify-*.jsonl).

Rates are MB (10^6 bytes of UTF-8 text) per second of wall time and per CPU second of the working thread (the
second is what to quote on a loaded machine); ratios against fastText use the same clock on both sides."""
import json
import sys

rows = [json.loads(l) for l in open(sys.argv[1], encoding="utf-8") if l.strip()]
ours = [r for r in rows if r.get("harness") == "classify"]
ft = [r for r in rows if r.get("peer") == "fasttext"]
ev = [r for r in rows if r.get("peer") == "corpusqa"]
bar = next((r for r in ft if r["variant"] == "subwords"), None)
for r in rows:
    if "loadavg" in r:
        print(f"load average at {r['at']}: {r['loadavg']} ({r['nproc']} cores)")
print()
print("| work (single thread, in memory) | MB/s | MB/CPU-s | added CPU / baseline | MB/CPU-s with baseline | alloc B/doc | × fastText (CPU) |")
print("|---|---:|---:|---:|---:|---:|---:|")
for r in ours:
    base = r["mode"] == "baseline"
    x = f"{r['mb_per_cpu_s'] / bar['mb_per_cpu_s']:.2f}×" if bar and not base and "mb_per_cpu_s" in bar else ""
    print(f"| {r['mode']}: {r['what']} | {r['mb_per_s']:.2f} | {r.get('mb_per_cpu_s', 0):.2f} | "
          f"{r.get('added_cpu_vs_baseline', 1.0):.3f} | {r.get('with_baseline_mb_per_cpu_s', r.get('mb_per_cpu_s', 0)):.2f} | "
          f"{'' if base else r.get('allocated_bytes_per_doc', '')} | {x} |")
for r in ft:
    print(f"| fastText predict-prob, {r['variant']} ({r['options']}), load subtracted | {r['mb_per_s']:.2f} | "
          f"{r.get('mb_per_cpu_s', 0):.2f} | | | | {'1.00×' if r is bar else ''} |")
print()
print("| model | test docs | accuracy | ROC AUC |")
print("|---|---:|---:|---:|")
for r in ft:
    print(f"| fastText ({r['variant']}) | {r['test_docs']} | {r['test_accuracy']:.4f} | {r['test_auc']:.4f} |")
for r in ev:
    print(f"| CorpusQA bundled quality model (its threshold) | {r['test_docs']} | {r['test_accuracy']:.4f} | {r['test_auc']:.4f} |")
