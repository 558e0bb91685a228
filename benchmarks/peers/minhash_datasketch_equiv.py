#!/usr/bin/env python3
"""Baseline: datasketch 1.10's MinHash algorithm, re-implemented line for line with numpy (datasketch itself is
not installable here: no PyPI). Same hash (sha1_hash32 of the UTF-8 shingle), same permutations
((a*h + b) mod (2^61-1)) & (2^32-1) drawn from np.random.RandomState(seed), same update_batch vectorization.

    /usr/bin/python3 benchmarks/peers/minhash_datasketch_equiv.py corpora/build/bench-zh.jsonl --num-perm 128 --ngram 5

Prints one JSON line like the other peers. Shingles: the set of character n-grams of each text (datasketch users
pass a set of shingles; a text shorter than n gives one shingle, the text itself). Needs python3-numpy.
"""
import argparse
import hashlib
import json
import os
import statistics
import struct
import time

import numpy as np

_mersenne_prime = np.uint64((1 << 61) - 1)
_max_hash = np.uint64((1 << 32) - 1)


def sha1_hash32(data):
    return struct.unpack("<I", hashlib.sha1(data).digest()[:4])[0]


class MinHash:
    def __init__(self, num_perm=128, seed=1):
        gen = np.random.RandomState(seed)
        self.permutations = np.array(
            [(gen.randint(1, _mersenne_prime, dtype=np.uint64), gen.randint(0, _mersenne_prime, dtype=np.uint64))
             for _ in range(num_perm)], dtype=np.uint64).T
        self.hashvalues = np.ones(num_perm, dtype=np.uint64) * _max_hash

    def update_batch(self, items):
        hv = np.array([sha1_hash32(b) for b in items], dtype=np.uint64, ndmin=2).T
        a, b = self.permutations
        phv = (hv * a + b) % _mersenne_prime & _max_hash
        self.hashvalues = np.vstack([phv, self.hashvalues]).min(axis=0)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("input")
    ap.add_argument("--num-perm", type=int, default=128)
    ap.add_argument("--ngram", type=int, default=5)
    ap.add_argument("--reps", type=int, default=1)
    args = ap.parse_args()
    docs = [json.loads(l)["text"] for l in open(args.input, encoding="utf-8") if l.strip()]
    nbytes = sum(len(d.encode("utf-8")) for d in docs)
    template = MinHash(args.num_perm)  # permutation generation is once per run in datasketch usage (pass permutations)
    times = []
    for _ in range(args.reps):
        t = time.perf_counter()
        for d in docs:
            m = MinHash.__new__(MinHash)
            m.permutations = template.permutations
            m.hashvalues = np.ones(args.num_perm, dtype=np.uint64) * _max_hash
            n = args.ngram
            shingles = {d[i:i + n] for i in range(len(d) - n + 1)} if len(d) >= n else {d}
            m.update_batch([s.encode("utf-8") for s in shingles])
        times.append(time.perf_counter() - t)
    median = statistics.median(times)
    print(json.dumps({
        "peer": "datasketch-1.10-equivalent (numpy)", "what": "minhash-signatures", "shingle": "char",
        "ngram": args.ngram, "num_perm": args.num_perm, "input": os.path.basename(args.input), "docs": len(docs),
        "bytes": nbytes, "reps": args.reps, "seconds": round(median, 4), "seconds_all": [round(x, 4) for x in times],
        "mb_per_s": round(nbytes / 1e6 / median, 3), "docs_per_s": round(len(docs) / median, 1),
        "numpy": np.__version__,
    }))


if __name__ == "__main__":
    main()
