#!/usr/bin/env python3
"""Pre-segment text for the fastText baseline (benchmarks/peers/run_classify.sh) with Debian's python3-jieba.

    fasttext_prepare.py quality QUALITY.jsonl.gz OUTDIR   -> OUTDIR/train.txt, OUTDIR/test.txt
    fasttext_prepare.py bench CORPUS.jsonl OUT.txt          -> one document per line, no label

Words (jieba accurate mode, HMM on, as CorpusQA segments) are joined by single spaces; whitespace tokens
(newlines included) are dropped, so each document is one line. Labelled rows become "__label__good w1 w2 ...".
Prints one JSON line: documents, bytes of UTF-8 text, segmentation seconds (not part of the predict timing).
"""
import gzip
import json
import logging
import sys
import time

import jieba

jieba.setLogLevel(logging.WARNING)


def words(text):
    return " ".join(w for w in jieba.cut(text, HMM=True) if not w.isspace() and w)


def main():
    kind, source, out = sys.argv[1:4]
    jieba.initialize()
    opener = gzip.open if source.endswith(".gz") else open
    start = time.perf_counter()
    docs = text_bytes = 0
    if kind == "quality":
        files = {s: open(f"{out}/{s}.txt", "w", encoding="utf-8") for s in ("train", "test")}
        with opener(source, "rt", encoding="utf-8") as f:
            for line in f:
                if not line.strip():
                    continue
                row = json.loads(line)
                if row.get("split") not in files:
                    continue
                files[row["split"]].write(f"__label__{row['label']} {words(row['text'])}\n")
                docs += 1
                text_bytes += len(row["text"].encode())
        for f in files.values():
            f.close()
    else:
        with opener(source, "rt", encoding="utf-8") as f, open(out, "w", encoding="utf-8") as o:
            for line in f:
                if not line.strip():
                    continue
                text = json.loads(line)["text"]
                o.write(words(text) + "\n")
                docs += 1
                text_bytes += len(text.encode())
    print(json.dumps({"prepare": kind, "input": source.split("/")[-1], "docs": docs, "bytes": text_bytes,
                      "segment_seconds": round(time.perf_counter() - start, 2), "jieba": jieba.__version__}))


if __name__ == "__main__":
    main()
