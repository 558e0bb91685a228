#!/usr/bin/env python3
"""Adds layout variants of the train rows to the quality model's training data: the same text, laid out otherwise.

Layout is not content, but the labelled corpus ties the two together: none of its clean documents has a blank line
(every paragraph is one line), while 86% of its mostly-code ones do, and none of its lines are hard-wrapped. A model
trained on it alone learned "blank lines" and "short lines without final punctuation" as defect cues. On Debian's
hard-wrapped package descriptions (DDTP Translation-zh_CN/zh_TW, a source the corpus does not use, paragraphs
separated by blank lines) it dropped 68% of them; without the blank lines 19%. So every train row, clean or
defective, gets at most one copy, chosen by SHA-1 of its id:
  0: blank lines between its lines (each line a paragraph);
  1: hard-wrapped greedily at 56-80 columns (CJK characters count 2; breaks between any two CJK characters, at
     spaces inside Latin text), with blank lines between the original lines for half of them (the DDTP layout);
  2: its blank lines removed (only rows that have some);
and, independently, a third of the copies indent every line with 2 or 4 spaces and a quarter end every line with
1-3 spaces (plain-text dumps and PDF extractions do both; the model had read them as code: on the same descriptions
4-space indentation raised its drops from 17% to 28%, trailing spaces to 25%).
Label, defect, register, source and group are the row's own, so a copy stays in its row's cross-validation fold.
Deterministic.   layout_augment.py QUALITY.jsonl.gz OUT.jsonl   (writes the train rows, then the copies)
"""
import gzip
import hashlib
import json
import re
import sys
import unicodedata

WIDTHS = [56, 60, 64, 70, 72, 76, 80]


def columns(ch):
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def wrap_line(line, width):
    out, cur, cols = [], [], 0
    for ch in line:
        w = columns(ch)
        if cols + w > width and cur:
            cut = -1
            if ch != " " and cur[-1] != " " and cur[-1].isascii() and ch.isascii():
                cut = max((i for i, c in enumerate(cur) if c == " "), default=-1)
            if cut > 0:  # inside a Latin word: break at the line's last space
                out.append("".join(cur[:cut]).rstrip())
                cur = cur[cut + 1:]
            else:
                out.append("".join(cur).rstrip())
                cur = []
            cols = sum(columns(c) for c in cur)
            if ch == " " and not cur:
                continue
        cur.append(ch)
        cols += w
    if cur:
        out.append("".join(cur).rstrip())
    return out


def arrange(text, digest):
    kind = digest[0] % 3
    lines = text.split("\n")
    if kind == 0:
        return "\n\n".join(l for l in lines if l.strip())
    if kind == 1:
        width = WIDTHS[digest[1] % len(WIDTHS)]
        blocks = ["\n".join(wrap_line(l, width)) if l.strip() else l for l in lines]
        return ("\n\n" if digest[2] % 2 else "\n").join(b for b in blocks if b.strip())
    return re.sub(r"\n\s*\n+", "\n", text) if "\n\n" in text else text


def variant(text, digest):
    text = arrange(text, digest)
    if digest[3] % 3 == 0:
        indent = " " * (2 + 2 * (digest[4] % 2))
        text = "\n".join(indent + l if l.strip() else l for l in text.split("\n"))
    if digest[5] % 4 == 0:
        trail = " " * (1 + digest[6] % 3)
        text = "\n".join(l + trail if l.strip() else l for l in text.split("\n"))
    return text


def main():
    src, dst = sys.argv[1], sys.argv[2]
    rows = [json.loads(l) for l in gzip.open(src, "rt", encoding="utf-8")]
    rows = [r for r in rows if r["split"] == "train"]
    copies = 0
    with open(dst, "w", encoding="utf-8", newline="\n") as out:
        for r in rows:
            out.write(json.dumps(r, ensure_ascii=False) + "\n")
        for r in rows:
            text = variant(r["text"], hashlib.sha1(r["id"].encode("utf-8")).digest())
            if text == r["text"] or not text.strip():
                continue
            out.write(json.dumps(dict(r, id=r["id"] + ":layout", text=text), ensure_ascii=False) + "\n")
            copies += 1
    print(f"layout_augment: {len(rows)} train rows + {copies} layout variants -> {dst}", file=sys.stderr)


if __name__ == "__main__":
    main()
