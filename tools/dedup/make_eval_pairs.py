#!/usr/bin/python3
"""Builds the labelled near-duplicate evaluation set used by the dedup tests and DedupEvaluation.

Originals: real documents from corpora/debian-docs/sample.jsonl.gz and corpora/seeds/seeds.jsonl (the
first ~1,500 characters of every eligible document, deterministic choice). Each original gets edited
variants of known type:
  insert_R / delete_R / substitute_R   characters inserted, deleted or substituted at rate R% (1,3,5,10,20)
  sentence_reorder                     sentences (split after 。！？.!? or newline) shuffled
  boilerplate                          a header and a footer added
  punctuation_width                    full-width <-> half-width punctuation swapped
  whitespace                           newlines <-> spaces, runs of blanks, tabs, leading/trailing blanks
  spaced_cjk                           a space between every two CJK characters (中 文 文 本), and line wraps at odd
                                       places (one in ~40 of those gaps is a newline), as web copies often have
  script_conversion                    Simplified <-> Traditional with the opencc CLI (s2t or t2s)
  truncate_90 / truncate_70            only the first 90% / 70% kept
  unrelated                            another original (a negative pair)
Every pair records its edit type and the TRUE character 5-gram Jaccard of the two texts after the
dedup normalization (NFKC, whitespace collapsed, none between two CJK characters, zero-width characters
dropped, punctuation folded; no Traditional fold), computed by brute force here. Deterministic: the same
inputs give the same file (spaced_cjk draws from its own generator, so adding it left the other variants as
they were).

Output: tests/CorpusQA.Core.Tests/Fixtures/dedup/eval_pairs.jsonl.gz, one JSON object per line:
  {"kind": "original", "id": ..., "text": ...}   before its variants, then
  {"kind": "pair", "original": id, "edit": type, "text": variant, "true_jaccard": J}
Usage: /usr/bin/python3 tools/dedup/make_eval_pairs.py  (from the repository root; needs `opencc`)
"""
import gzip
import io
import json
import random
import re
import subprocess
import unicodedata

SAMPLE = "corpora/debian-docs/sample.jsonl.gz"
SEEDS = "corpora/seeds/seeds.jsonl"
OUT = "tests/CorpusQA.Core.Tests/Fixtures/dedup/eval_pairs.jsonl.gz"
ORIGINAL_CHARS = 1500
MIN_CHARS = 600
MAX_ORIGINALS = 150
RATES = [1, 3, 5, 10, 20]

# Mirrors src/CorpusQA.Core/Text/Normalization/PunctuationFold.cs.
PUNCT_FOLD = {}
for chars, target in [
    ("\u3002\uFF61", "."), ("\u3001\uFF64\uFE50\uFE51", ","),
    ("\u201C\u201D\u201E\u201F\u300C\u300D\u300E\u300F\u301D\u301E\u301F\uFF62\uFF63\u00AB\u00BB", '"'),
    ("\u2018\u2019\u201A\u201B\u2032", "'"), ("\u300A\u3008\u2039", "<"), ("\u300B\u3009\u203A", ">"),
    ("\u3010\u3014\u3016\u3018\u301A", "["), ("\u3011\u3015\u3017\u3019\u301B", "]"),
    ("\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFE58", "-"), ("\u301C\u223C", "~"),
    ("\u30FB\u2022\u2027\u2219", "\u00B7"),
]:
    for c in chars:
        PUNCT_FOLD[c] = target
ZERO_WIDTH = set("\u200B\u200C\u200D\u2060\uFEFF")

# Mirrors src/CorpusQA.Core/Text/Normalization/CjkSpacing.cs: Han, kana, Bopomofo, Hangul, CJK punctuation,
# compatibility and full-width forms.
CJK_RANGES = [
    (0x1100, 0x11FF), (0x2E80, 0x2FDF), (0x3000, 0x4DBF), (0x4E00, 0x9FFF), (0xA960, 0xA97F), (0xAC00, 0xD7FF),
    (0xF900, 0xFAFF), (0xFE10, 0xFE1F), (0xFE30, 0xFE6F), (0xFF00, 0xFFEF), (0x1B000, 0x1B16F), (0x20000, 0x3FFFF),
]


def is_cjk(c):
    cp = ord(c)
    return any(lo <= cp <= hi for lo, hi in CJK_RANGES)


def drop_cjk_spacing(text):
    """Removes white space between two CJK source characters (zero-width characters do not separate them)."""
    out = []
    last = None
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if c.isspace() or c in ZERO_WIDTH:
            j = i
            while j < n and (text[j].isspace() or text[j] in ZERO_WIDTH):
                j += 1
            run = text[i:j]
            if last is not None and j < n and is_cjk(last) and is_cjk(text[j]):
                run = "".join(ch for ch in run if ch in ZERO_WIDTH)
            out.append(run)
            i = j
            continue
        out.append(c)
        last = c
        i += 1
    return "".join(out)


def normalize(text):
    out = []
    pending = False
    for c in unicodedata.normalize("NFKC", drop_cjk_spacing(text)):
        if c.isspace():
            pending = bool(out)
            continue
        if c in ZERO_WIDTH:
            continue
        if pending:
            out.append(" ")
            pending = False
        out.append(PUNCT_FOLD.get(c, c))
    return "".join(out)


def shingles(text, n=5):
    if not text:
        return set()
    if len(text) < n:
        return {text}
    return {text[i:i + n] for i in range(len(text) - n + 1)}


def true_jaccard(a, b):
    na, nb = normalize(a), normalize(b)
    if not na and not nb:
        return 1.0
    sa, sb = shingles(na), shingles(nb)
    union = len(sa | sb)
    return len(sa & sb) / union if union else 0.0


def load_originals():
    docs = []
    with gzip.open(SAMPLE, "rt", encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append((d["id"], d["text"]))
    with open(SEEDS, encoding="utf-8") as f:
        for line in f:
            d = json.loads(line)
            docs.append(("seed:" + d["id"], d["text"]))
    eligible = [(i, t[:ORIGINAL_CHARS]) for i, t in docs if len(normalize(t[:ORIGINAL_CHARS])) >= MIN_CHARS]
    step = max(1, len(eligible) // MAX_ORIGINALS)
    return eligible[::step][:MAX_ORIGINALS]


def char_edit(text, op, rate, rng):
    pool = [c for c in text if not c.isspace()] or ["的"]
    out = []
    for c in text:
        if c.isspace() or rng.random() >= rate:
            out.append(c)
        elif op == "insert":
            out.append(c)
            out.append(rng.choice(pool))
        elif op == "substitute":
            out.append(rng.choice(pool))
        # delete: drop the character
    return "".join(out)


def sentence_reorder(text, rng):
    parts = [p for p in re.split(r"(?<=[。！？.!?\n])", text) if p]
    rng.shuffle(parts)
    return "".join(parts)


HEADER = "【本文转载自开源文档镜像站，仅供学习交流，版权归原作者所有，如有侵权请联系删除。】\n"
FOOTER = "\n——————\n更多精彩内容请关注我们的公众号，每日更新技术文章与实用教程。"


def punctuation_width(text, rng):
    pairs = {"，": ",", "。": ".", "：": ":", "；": ";", "！": "!", "？": "?", "（": "(", "）": ")",
             "“": '"', "”": '"', "、": ",", "「": '"', "」": '"'}
    back = {",": "，", ".": "。", ":": "：", ";": "；", "!": "！", "?": "？", "(": "（", ")": "）"}
    out = []
    for c in text:
        if c in pairs and rng.random() < 0.7:
            out.append(pairs[c])
        elif c in back and rng.random() < 0.7:
            out.append(back[c])
        else:
            out.append(c)
    return "".join(out)


def whitespace(text, rng):
    out = ["  \t"]
    for c in text:
        if c == "\n":
            out.append(rng.choice([" ", "\n\n", " \n ", "\t"]))
        elif c == " ":
            out.append(rng.choice(["  ", "\u3000", "\n", " "]))
        else:
            out.append(c)
    out.append(" \n\n")
    return "".join(out)


def spaced_cjk(text, rng):
    out = []
    for i, c in enumerate(text):
        out.append(c)
        if i + 1 < len(text) and is_cjk(c) and is_cjk(text[i + 1]):
            out.append("\n" if rng.random() < 1 / 40 else " ")
    return "".join(out)


def opencc_convert(texts, config):
    """Converts a list of texts in one opencc call (records separated by a marker line)."""
    marker = "\n\u2063\u2063\u2063\n"
    joined = marker.join(texts)
    result = subprocess.run(["opencc", "-c", config], input=joined.encode("utf-8"), capture_output=True, check=True)
    converted = result.stdout.decode("utf-8").split(marker)
    if len(converted) != len(texts):
        raise RuntimeError("opencc changed the record separator")
    return converted


def looks_traditional(text):
    simplified = opencc_convert([text], "t2s.json")[0]
    changed = sum(1 for a, b in zip(text, simplified) if a != b)
    return changed > len(text) * 0.02


def main():
    rng = random.Random(20261123)
    originals = load_originals()
    traditional = [looks_traditional(t) for _, t in originals]
    to_trad = opencc_convert([t for (_, t), tr in zip(originals, traditional) if not tr], "s2t.json")
    to_simp = opencc_convert([t for (_, t), tr in zip(originals, traditional) if tr], "t2s.json")
    converted = []
    for tr in traditional:
        converted.append(to_simp.pop(0) if tr else to_trad.pop(0))

    counts = {}
    # mtime=0 and no file name in the gzip header: the fixture is byte-identical on every run.
    with open(OUT, "wb") as raw, gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz, \
            io.TextIOWrapper(gz, encoding="utf-8") as f:
        for k, ((doc_id, text), conv) in enumerate(zip(originals, converted)):
            f.write(json.dumps({"kind": "original", "id": doc_id, "text": text}, ensure_ascii=False) + "\n")
            variants = []
            for op in ("insert", "delete", "substitute"):
                for rate in RATES:
                    variants.append((f"{op}_{rate}", char_edit(text, op, rate / 100, rng)))
            variants.append(("sentence_reorder", sentence_reorder(text, rng)))
            variants.append(("boilerplate", HEADER + text + FOOTER))
            variants.append(("punctuation_width", punctuation_width(text, rng)))
            variants.append(("whitespace", whitespace(text, rng)))
            variants.append(("spaced_cjk", spaced_cjk(text, random.Random(f"spaced_cjk:{doc_id}"))))
            variants.append(("script_conversion", conv))
            variants.append(("truncate_90", text[: int(len(text) * 0.9)]))
            variants.append(("truncate_70", text[: int(len(text) * 0.7)]))
            other = originals[(k * 7 + 13) % len(originals)]
            if other[0] != doc_id:
                variants.append(("unrelated", other[1]))
            for edit, variant in variants:
                record = {"kind": "pair", "original": doc_id, "edit": edit, "text": variant,
                          "true_jaccard": round(true_jaccard(text, variant), 6)}
                f.write(json.dumps(record, ensure_ascii=False) + "\n")
                counts[edit] = counts.get(edit, 0) + 1
    print(f"{len(originals)} originals, {sum(counts.values())} pairs -> {OUT}")


if __name__ == "__main__":
    main()
