#!/usr/bin/env python3
"""Markdown table of segmentation throughput with ratios CorpusQA / peer, from JSON lines of one run.

    python3 benchmarks/peers/ratios.py benchmarks/results/segment-*.jsonl
"""
import json
import sys


def main():
    rows = []
    for path in sys.argv[1:]:
        with open(path, encoding="utf-8") as f:
            rows += [json.loads(l) for l in f if l.strip().startswith("{")]
    groups = {}
    for r in rows:
        key = (r["mode"], r.get("hmm"))
        groups.setdefault(key, {})[r["peer"]] = r
    print("| mode | HMM | CorpusQA MB/s | jieba-rs MB/s | Python jieba MB/s | × jieba-rs | × Python jieba | CorpusQA load s | jieba-rs load s | jieba-py load s | CorpusQA bytes allocated/token |")
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for (mode, hmm), g in groups.items():
        ours = g.get("corpusqa")
        rs = g.get("jieba-rs") or next((v for k, v in g.items() if "rs" in k or "node" in k), None)
        py = g.get("jieba-py")
        def mb(x):
            return f"{x['mb_per_s']:.2f}" if x else "–"
        def ratio(x):
            return f"{ours['mb_per_s'] / x['mb_per_s']:.2f}×" if ours and x else "–"
        def load(x):
            return f"{x.get('load_s', 0):.3f}" if x else "–"
        alloc = f"{ours.get('allocated_bytes_per_token', 0):.3f}" if ours else "–"
        print(f"| {mode} | {'–' if hmm is None else ('on' if hmm else 'off')} | {mb(ours)} | {mb(rs)} | {mb(py)} | "
              f"{ratio(rs)} | {ratio(py)} | {load(ours)} | {load(rs)} | {load(py)} | {alloc} |")


if __name__ == "__main__":
    main()
