#!/usr/bin/env python3
"""Builds the segmenter's embedded resources from Debian's python3-jieba 0.42.1.

    /usr/bin/python3 tools/segmentation/build_resources.py [--jieba-dir DIR]

DIR defaults to the installed package (/usr/lib/python3/dist-packages/jieba); an
unpacked `apt-get download python3-jieba && dpkg -x python3-jieba_*.deb x` tree
works too (x/usr/lib/python3/dist-packages/jieba). Writes, under
src/CorpusQA.Segmentation/Resources/:

  jieba.dict.bin.z  the prefix dictionary exactly as jieba builds it in memory
                    (Tokenizer.gen_pfdict: every word plus all its prefixes, the
                    prefixes with frequency 0) as a trie in depth-first order,
                    zlib-compressed. Layout after inflating (little-endian):
                      "JBDT" u32 version=2, u32 nodeCount, u64 total,
                      u32 distinctCount, u32[distinctCount] frequencies (the
                      distinct values, ascending; 0 first),
                      u8[nodeCount] parent depth, u16[nodeCount] char,
                      u16[nodeCount] index of the node's frequency
                    Node i is the child of the node at the given depth on the
                    current path (the root, the empty string, has depth 0);
                    keys are sorted by UTF-16 code units, so this order is a
                    preorder walk of the trie. Frequencies go through a table
                    so that the loader computes log(freq) once per distinct value
                    and a trie edge can carry its word's frequency index.
  jieba.hmm.bin.z   finalseg's start/transition/emission log-probabilities as
                    the exact doubles Python parsed from prob_*.py:
                      "JBHM" u32 version=1, f64[4] start (B,M,E,S),
                      f64[16] trans[from*4+to] (missing = MIN_FLOAT),
                      then per state B,M,E,S: u32 n, u16[n] char, f64[n] logp
                    Only chars U+4E00..U+9FD5 are kept: finalseg runs Viterbi
                    on nothing else.
  LICENSE-jieba.txt the upstream MIT (Expat) notice from the Debian copyright file.

zlib rather than Brotli because this script may use only the Python standard
library, which has no Brotli; .NET reads it with System.IO.Compression.ZLibStream.
"""
import argparse
import hashlib
import importlib.util
import os
import struct
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.normpath(os.path.join(HERE, "..", ".."))
OUT = os.path.join(REPO, "src", "CorpusQA.Segmentation", "Resources")
DICT_SHA256 = "7197c3211ddd98962b036cdf40324d1ea2bfaa12bd028e68faa70111a88e12a8"
MIN_FLOAT = -3.14e100
STATES = "BMES"


def load_module(path, name):
    spec = importlib.util.spec_from_file_location(name, path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def gen_pfdict(path):
    """Same algorithm as jieba.Tokenizer.gen_pfdict (0.42.1)."""
    lfreq, ltotal = {}, 0
    with open(path, "rb") as f:
        for lineno, line in enumerate(f, 1):
            line = line.strip().decode("utf-8")
            try:
                word, freq = line.split(" ")[:2]
                freq = int(freq)
            except ValueError:
                raise SystemExit(f"invalid dictionary entry at line {lineno}: {line}")
            lfreq[word] = freq
            ltotal += freq
            for ch in range(len(word)):
                lfreq.setdefault(word[:ch + 1], 0)
    return lfreq, ltotal


def build_dict(path):
    with open(path, "rb") as f:
        sha = hashlib.sha256(f.read()).hexdigest()
    if sha != DICT_SHA256:
        raise SystemExit(f"{path}: sha256 {sha} is not jieba 0.42.1's dict.txt ({DICT_SHA256})")
    freq, total = gen_pfdict(path)
    if any(ord(c) > 0xFFFF for k in freq for c in k):
        raise SystemExit("dictionary has non-BMP characters; the trie layout assumes BMP keys")
    keys = sorted(freq, key=lambda k: k.encode("utf-16-be"))
    distinct = sorted(set(freq.values()) | {0})
    if len(distinct) > 8192:
        raise SystemExit("more than 8192 distinct frequencies; the trie packs a 13-bit index")
    slot = {f: i for i, f in enumerate(distinct)}
    depths, chars, freqs = bytearray(), bytearray(), bytearray()
    for k in keys:
        if len(k) > 255:
            raise SystemExit("word too long for the u8 depth column")
        depths.append(len(k) - 1)
        chars += struct.pack("<H", ord(k[-1]))
        freqs += struct.pack("<H", slot[freq[k]])
    header = b"JBDT" + struct.pack("<IIQI", 2, len(keys), total, len(distinct))
    header += struct.pack(f"<{len(distinct)}I", *distinct)
    return header + bytes(depths) + bytes(chars) + bytes(freqs), len(keys), total


def build_hmm(finalseg_dir):
    start = load_module(os.path.join(finalseg_dir, "prob_start.py"), "prob_start").P
    trans = load_module(os.path.join(finalseg_dir, "prob_trans.py"), "prob_trans").P
    emit = load_module(os.path.join(finalseg_dir, "prob_emit.py"), "prob_emit").P
    out = bytearray(b"JBHM" + struct.pack("<I", 1))
    out += struct.pack("<4d", *(start[s] for s in STATES))
    out += struct.pack("<16d", *(trans[a].get(b, MIN_FLOAT) for a in STATES for b in STATES))
    for s in STATES:
        items = sorted((c, p) for c, p in emit[s].items() if "\u4e00" <= c <= "\u9fd5")
        out += struct.pack("<I", len(items))
        out += b"".join(struct.pack("<H", ord(c)) for c, _ in items)
        out += b"".join(struct.pack("<d", p) for _, p in items)
    return bytes(out)


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--jieba-dir", default="/usr/lib/python3/dist-packages/jieba")
    ap.add_argument("--copyright", default="/usr/share/doc/python3-jieba/copyright")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)

    data, nodes, total = build_dict(os.path.join(args.jieba_dir, "dict.txt"))
    with open(os.path.join(OUT, "jieba.dict.bin.z"), "wb") as f:
        f.write(zlib.compress(data, 9))
    hmm = build_hmm(os.path.join(args.jieba_dir, "finalseg"))
    with open(os.path.join(OUT, "jieba.hmm.bin.z"), "wb") as f:
        f.write(zlib.compress(hmm, 9))

    with open(args.copyright, encoding="utf-8") as f:
        text = f.read()
    licence = text[text.index("License: Expat\n Permission"):]
    body = "\n".join(l[1:] if l.startswith(" ") else l for l in licence.splitlines()[1:])
    body = body.replace("\n.\n", "\n\n")
    with open(os.path.join(OUT, "LICENSE-jieba.txt"), "w", encoding="utf-8", newline="\n") as f:
        f.write("The dictionary and HMM tables in this folder are derived from jieba 0.42.1\n"
                "(https://github.com/fxsjy/jieba), as packaged by Debian (python3-jieba).\n\n"
                "Copyright (c) 2012-2017 Sun Junyi <ccnusjy@gmail.com>\n\n"
                "The MIT License (Expat)\n\n" + body.strip() + "\n")
    print(f"trie nodes {nodes}, total {total}, dict {len(data)} bytes raw, hmm {len(hmm)} bytes raw")


if __name__ == "__main__":
    sys.exit(main())
