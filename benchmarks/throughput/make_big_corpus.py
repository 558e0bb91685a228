#!/usr/bin/env python3
"""Build a large audit-throughput corpus by replicating the Debian-docs corpus with variations.

    python3 benchmarks/throughput/make_big_corpus.py corpora/build/bench-zh.jsonl corpora/build/bench-zh-200mb.jsonl --mb 200

Copy k of each document rotates its lines by k and appends a copy marker, so copies are near duplicates of
each other (as replicated web pages are) but never byte-identical; ids stay unique. Deterministic.
"""
import argparse
import json


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("source")
    ap.add_argument("output")
    ap.add_argument("--mb", type=float, default=200.0, help="stop after this many MB (10^6 bytes) of UTF-8 text")
    args = ap.parse_args()
    docs = [json.loads(l) for l in open(args.source, encoding="utf-8") if l.strip()]
    limit = args.mb * 1e6
    total, copy = 0, 0
    with open(args.output, "w", encoding="utf-8") as out:
        while total < limit:
            for d in docs:
                lines = d["text"].split("\n")
                k = copy % max(1, len(lines))
                text = "\n".join(lines[k:] + lines[:k]) + f"\n（副本 {copy}）"
                out.write(json.dumps({"id": f"{d['id']}#{copy}", "text": text}, ensure_ascii=False) + "\n")
                total += len(text.encode("utf-8"))
                if total >= limit:
                    break
            copy += 1
    print(json.dumps({"output": args.output, "text_bytes": total, "copies": copy}))


if __name__ == "__main__":
    main()
