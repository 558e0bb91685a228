#!/usr/bin/env python3
"""Golden outputs of Python jieba 0.42.1 (Debian python3-jieba) for the parity tests.

    /usr/bin/python3 tools/segmentation/make_golden.py [--bench /work/peerdata/bench-zh.jsonl]
                     [--docs 2000] [--cap 2000]

Writes tests/CorpusQA.Segmentation.Tests/Fixtures/:
  golden-seeds.jsonl.gz  the 5 articles of corpora/seeds/seeds.jsonl, uncapped
  golden-bench.jsonl.gz  the first --docs documents of the bench file, in file
                         order, each cut to its first --cap code points
  golden-api.json.gz     user dictionary / add_word / del_word / suggest_freq /
                         tokenize scenarios (scenarios.py) with jieba's results
  golden-manifest.json   jieba version, dictionary sha256, sources, counts
Each .jsonl line: {"id", "text", "accurate", "accurate_no_hmm", "full", "search"}
  accurate, accurate_no_hmm  token lengths (jieba.lcut(text, HMM=True/False));
                             the tokens tile the text
  full                       jieba.lcut(text, cut_all=True) without its "" tokens
  search                     jieba.lcut_for_search(text, HMM=True)
  full and search are flat lists [delta, length, delta, length, ...]: the token
  is text[start:start+length] with start = previous start + delta; a token that
  is not a substring of the text (cut_all can glue non-adjacent letters) is the
  JSON string itself instead of a pair.
All offsets and lengths are UTF-16 code units, as .NET strings count them.
"""
import argparse
import gzip
import hashlib
import json
import logging
import os
import platform

import jieba

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(REPO, "tests", "CorpusQA.Segmentation.Tests", "Fixtures")


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def sha256_file(p):
    with open(p, "rb") as f:
        return hashlib.sha256(f.read()).hexdigest()


def lengths(text, tokens):
    assert "".join(tokens) == text
    return [u16(t) for t in tokens]


def positioned(text, tokens):
    """Encodes tokens as (delta, length) pairs; any occurrence of the token near
    the previous one will do, since the test compares the substrings."""
    out, prev = [], 0
    for t in tokens:
        assert t, "empty token"
        at = text.find(t, max(0, prev - 64))
        if at < 0:
            at = text.find(t)
        if at < 0:
            out.append(t)
            continue
        start = u16(text[:at])
        out += [start - prev, u16(t)]
        prev = start
    return out


def golden(doc_id, text):
    full = [t for t in jieba.lcut(text, cut_all=True) if t != ""]
    return {"id": doc_id, "text": text,
            "accurate": lengths(text, jieba.lcut(text, HMM=True)),
            "accurate_no_hmm": lengths(text, jieba.lcut(text, HMM=False)),
            "full": positioned(text, full),
            "search": positioned(text, jieba.lcut_for_search(text, HMM=True))}


def write_jsonl_gz(path, rows):
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        for r in rows:
            f.write((json.dumps(r, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8"))


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bench", default="/work/peerdata/bench-zh.jsonl")
    ap.add_argument("--seeds", default=os.path.join(REPO, "corpora", "seeds", "seeds.jsonl"))
    ap.add_argument("--docs", type=int, default=2000)
    ap.add_argument("--cap", type=int, default=2000)
    ap.add_argument("--out-dir", default=OUT, help="where to write (default: the test project's Fixtures)")
    ap.add_argument("--bench-only", action="store_true", help="write only golden-bench.jsonl.gz (ad-hoc wider checks)")
    args = ap.parse_args()
    out = args.out_dir
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    os.makedirs(out, exist_ok=True)

    with open(args.seeds, encoding="utf-8") as f:
        seeds = [json.loads(l) for l in f if l.strip()]
    bench = []
    with open(args.bench, encoding="utf-8") as f:
        for line in f:
            if len(bench) == args.docs:
                break
            d = json.loads(line)
            bench.append((d["id"], d["text"][:args.cap]))

    write_jsonl_gz(os.path.join(out, "golden-bench.jsonl.gz"), (golden(i, t) for i, t in bench))
    if args.bench_only:
        return
    write_jsonl_gz(os.path.join(out, "golden-seeds.jsonl.gz"), (golden(d["id"], d["text"]) for d in seeds))

    import scenarios
    api = scenarios.run_all()
    stale = os.path.join(out, "golden-api.json")
    if os.path.exists(stale):
        os.remove(stale)
    with open(os.path.join(out, "golden-api.json.gz"), "wb") as raw, \
            gzip.GzipFile(fileobj=raw, mode="wb", mtime=0, compresslevel=9) as f:
        f.write(json.dumps(api, ensure_ascii=False, indent=1).encode("utf-8") + b"\n")

    pkg = os.path.dirname(jieba.__file__)
    manifest = {
        "generator": "tools/segmentation/make_golden.py",
        "jieba_version": jieba.__version__,
        "jieba_source": "Debian python3-jieba (" + pkg + ")",
        "python": platform.python_version(),
        "dict_txt_sha256": sha256_file(os.path.join(pkg, "dict.txt")),
        "seeds": {"file": "corpora/seeds/seeds.jsonl", "docs": len(seeds)},
        "bench": {"file": os.path.basename(args.bench), "sha256": sha256_file(args.bench),
                  "first_docs": len(bench), "cap_code_points": args.cap},
        "python_whitespace": [c for c in range(0x110000) if chr(c).isspace()],
    }
    with open(os.path.join(out, "golden-manifest.json"), "w", encoding="utf-8", newline="\n") as f:
        json.dump(manifest, f, indent=1)
        f.write("\n")
    for n in sorted(os.listdir(out)):
        print(n, os.path.getsize(os.path.join(out, n)))


if __name__ == "__main__":
    main()
