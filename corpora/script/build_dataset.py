#!/usr/bin/env python3
"""Build the labelled script / language-ID dataset corpora/script/script.jsonl.gz.

Reads only corpora/script/sources/ (written by fetch_sources.py); no network,
no OpenCC needed. Deterministic: fixed seeds, sorted inputs, gzip mtime=0.

Usage:  /usr/bin/python3 corpora/script/build_dataset.py

Row: {"id","text","label","source","group","split","snippet","case"}.
Labels: zh-Hans, zh-Hant, ja, en, mixed, other.  See README.md for the rules.
"""
import collections
import gzip
import hashlib
import json
import os
import random
import re
import sys
import unicodedata

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
OUT = os.path.join(HERE, "script.jsonl.gz")
STATS = os.path.join(HERE, "stats.md")

LABELS = ["zh-Hans", "zh-Hant", "ja", "en", "mixed", "other"]
SNIPPET_MAX = 30
MIN_LEN, MAX_LEN = 5, 2000
TARGET = {"train": 1650, "test": 550}      # rows per label and split (upper bound)
LABEL_TARGET = {"en": {"train": 1350, "test": 450}, "other": {"train": 1350, "test": 450}}
SNIPPET_SHARE = 0.36
PER_GROUP_CAP = 45

# Whole packages held out for test (all languages of that package).
TEST_PACKAGES = {"debmake-doc", "dpkg", "debian-faq-zh-cn", "maint-guide-zh-cn", "gedit-common"}
GROUP_TEST_P = 0.12           # remaining groups: this share goes to test (by hash)
CLASSICAL_TEST_P = 0.30
MIX_RESERVE = {"zh-Hans": 0.2, "zh-Hant": 0.2, "ja": 0.2, "en": 0.25, "other": 0.05}

LATIN_OTHER = {"de", "fr", "es", "it", "pt", "pt_BR", "nl", "sv", "cs", "pl", "tr", "vi", "hu", "id"}
SCRIPT_OF = {"ko": "hangul", "ru": "cyrillic", "uk": "cyrillic", "bg": "cyrillic", "sr": "cyrillic",
             "kk": "cyrillic", "mn": "cyrillic", "el": "greek", "ar": "arabic", "fa": "arabic",
             "he": "hebrew", "th": "thai", "hi": "devanagari", "mr": "devanagari", "ne": "devanagari",
             "ta": "tamil", "gu": "gujarati", "te": "telugu", "kn": "kannada", "pa": "gurmukhi",
             "ka": "georgian", "am": "ethiopic", "km": "khmer", "my": "myanmar", "hy": "armenian",
             "ml": "malayalam", "si": "sinhala", "lo": "lao", "bn": "bengali"}


def sha(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def frac(s):
    return int(sha(s)[:8], 16) / 0x100000000


def load_jsonl_gz(name):
    with gzip.open(os.path.join(SRC, name), "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f]


# ---------------------------------------------------------------- character classes
KANA_RE = re.compile(r"[\u3041-\u3096\u309d\u309e\u30a1-\u30fa\u30fd\u30fe\u31f0-\u31ff\uff66-\uff6f\uff71-\uff9d]")
HAN_RE = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\U00020000-\U0002ffff]")
RANGES = [
    ("hangul", r"\uac00-\ud7af\u1100-\u11ff\u3130-\u318f"), ("cyrillic", r"\u0400-\u04ff"),
    ("greek", r"\u0370-\u03ff\u1f00-\u1fff"), ("arabic", r"\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff"),
    ("hebrew", r"\u0590-\u05ff"), ("thai", r"\u0e00-\u0e7f"), ("devanagari", r"\u0900-\u097f"),
    ("bengali", r"\u0980-\u09ff"), ("gurmukhi", r"\u0a00-\u0a7f"), ("gujarati", r"\u0a80-\u0aff"),
    ("tamil", r"\u0b80-\u0bff"), ("telugu", r"\u0c00-\u0c7f"), ("kannada", r"\u0c80-\u0cff"),
    ("malayalam", r"\u0d00-\u0d7f"), ("sinhala", r"\u0d80-\u0dff"), ("lao", r"\u0e80-\u0eff"),
    ("georgian", r"\u10a0-\u10ff"), ("ethiopic", r"\u1200-\u139f"), ("khmer", r"\u1780-\u17ff"),
    ("myanmar", r"\u1000-\u109f"), ("armenian", r"\u0530-\u058f"),
    ("latin", r"A-Za-z\u00c0-\u024f\u1e00-\u1eff"),
]
RANGE_RES = [(n, re.compile("[" + r + "]")) for n, r in RANGES]


def letter_counts(text):
    """Counts of letters (Unicode category L*, plus combining marks of Indic scripts)
    by script. Whitespace, digits, punctuation and symbols are not counted."""
    c = collections.Counter()
    for ch in text:
        cat = unicodedata.category(ch)
        if not (cat.startswith("L") or cat in ("Mn", "Mc")):
            continue
        if HAN_RE.match(ch):
            c["han"] += 1
        elif KANA_RE.match(ch) or ch == "\u30fc":
            c["kana"] += 1
        else:
            for n, r in RANGE_RES:
                if r.match(ch):
                    c[n] += 1
                    break
            else:
                if cat.startswith("L"):
                    c["other_letter"] += 1
    c["_total"] = sum(v for k, v in c.items())
    return c


# ---------------------------------------------------------------- OpenCC tables
OPENCC = {r["char"]: (r["t2s"], r["s2t"]) for r in load_jsonl_gz("opencc_chars.jsonl.gz")}


def script_chars(text):
    """(#Simplified-specific, #Traditional-specific) Han characters.
    Traditional-specific: OpenCC t2s changes it (and s2t does not).
    Simplified-specific:  OpenCC s2t changes it (and t2s does not)."""
    hs = ht = 0
    for ch in text:
        v = OPENCC.get(ch)
        if not v:
            continue
        t2s_changes, s2t_changes = v[0] != ch, v[1] != ch
        if t2s_changes and not s2t_changes:
            ht += 1
        elif s2t_changes and not t2s_changes:
            hs += 1
    return hs, ht


EN_WORDS = set(gzip.open(os.path.join(SRC, "en_words.txt.gz"), "rt", encoding="utf-8").read().split())
WORD_RE = re.compile(r"[A-Za-z\u00c0-\u024f\u1e00-\u1eff]+")


def en_word_share(text):
    words = [w.lower() for w in WORD_RE.findall(text) if len(w) >= 2]
    if not words:
        return None, 0
    return sum(1 for w in words if w in EN_WORDS) / len(words), len(words)


JA_HAN = set()   # Han characters seen in Japanese sources (filled in main)

# Words wamerican lists only capitalised (names, places): not counted as English words.
EN_PROPER = set(gzip.open(os.path.join(SRC, "en_proper.txt.gz"), "rt", encoding="utf-8").read().split())
# ~100 common English function words. Words that are also common words of the Latin-script
# `other` languages (de in/an/so/was/will/also, fr on/a, nl is/of, es/it/pt a/no/me, cs/pl to/i,
# vi do/an, ...) are left out, so the rule does not fire on the other language itself.
EN_FUNCTION = set("""
the of and for it with as be this are by or not that from at they you he she we his her its
their them our your my which who whom whose what when where why how there here these those
than then if but because while about into over after before under between through during
without within upon against among would should could can may might must shall has have had
been being does did done doing each every any some such only other another more most many
much very just too both either neither nor yet however therefore whether until unless although
though since via onto off out up down again once all few own same above below next
""".split())
assert len(EN_FUNCTION) >= 100, len(EN_FUNCTION)

# ---------------------------------------------------------------- rules 1 and 2 (all labels)
URL_RE = re.compile(r"(?i)\b(?:https?|ftp|file|mailto)://|\bwww\.[a-z0-9-]+\.|<[a-z]+:[^>\s]*>")
EMAIL_RE = re.compile(r"(?a)[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
# a slash with no space on either side (usr/bin, ~/.config, Asia/Qatar, 美洲/波哥大, on/off, I/O)
# or starting a word (/etc)
PATH_RE = re.compile(r"[^\s/]/[^\s/]|(?:^|[\s(\[\"'“‘「（])/[\w.~-]")
PROMPT_RE = re.compile(r"(?m)^[ \t]*(?:\$|#+|#!)(?:[ \t]|$)|^[ \t]*#!")
CODE_RES = [
    ("box_drawing", re.compile(r"[\u2500-\u259f]")),
    ("printf_format", re.compile(r"%(?:\d+\$)?[-+ #0]*\d*(?:\.\d+)?(?:ll|l|h|z)?[sdiuxXfgcp](?![A-Za-z])")),
    ("placeholder", re.compile(r"\{\d*\}|\$\{?[A-Za-z_]|@[A-Z_]+@")),
    ("identifier", re.compile(r"(?a)\b[A-Za-z][A-Za-z0-9]*_[A-Za-z0-9_]+\b|::|->|=>|&&|\|\||;;|==|\w=\S|\w\(\)")),
    ("cli_option", re.compile(r"(?:^|\s)--?[A-Za-z][\w-]*(?=[\s=,.)]|$)")),
    ("filename", re.compile(r"(?a)\b[a-z0-9_-]+\.[a-z]{2,}\b|\w\(\d\w*\)|(?:^|\s)#(?:\s|$)")),
    ("markup", re.compile(r"</?[A-Za-z][\w-]*(?:\s[^>]*)?>|\\[A-Za-z]+")),
    ("hex_code", re.compile(r"(?a)\b(?:0x[0-9A-Fa-f]+|[0-9][A-F]|[A-F][0-9])\b")),
]


def n_letters(text):
    """Letters for rule 1: Unicode categories L* and M* (combining marks of Indic,
    Thai, Myanmar ... scripts belong to their letters)."""
    return sum(1 for ch in text if unicodedata.category(ch)[0] in "LM")


def hygiene(text):
    """Rules 1-2 for every label (and for each part of a mixed row). Returns the
    reason the row carries no verifiable language, or None."""
    nonspace = sum(1 for ch in text if not ch.isspace())
    nl = n_letters(text)
    if nl == 0:
        return "r1_no_letters"
    if nl < 0.5 * nonspace:
        return "r1_letters_under_50pct"
    if URL_RE.search(text):
        return "r2_url"
    if EMAIL_RE.search(text):
        return "r2_email"
    if PATH_RE.search(text):
        return "r2_path"
    if PROMPT_RE.search(text):
        return "r2_shell_prompt"
    for name, rx in CODE_RES:
        if rx.search(text):
            return "r2_code_" + name
    toks = text.split()
    nums = sum(1 for t in toks if re.search(r"[0-9]", t) and not any(unicodedata.category(ch)[0] in "LM" for ch in t))
    if nums >= 3 and nums >= 0.3 * len(toks):
        return "r2_code_table"           # tables of numbers / character codes
    return None


def latin_words(text):
    return WORD_RE.findall(text)


def is_en_word(w):
    w = w.lower()
    if len(w) == 1:
        return w in ("a", "i")
    return w in EN_WORDS and w not in EN_PROPER


# ---------------------------------------------------------------- label checks
def check(text, label, lang, doc_case):
    """Return (final_label, case) or (None, reason) if the row must be dropped."""
    why = hygiene(text)
    if why:
        return None, why
    c = letter_counts(text)
    tot = c["_total"]
    if label in ("zh-Hans", "zh-Hant"):
        if c["kana"] or c["hangul"]:
            return None, "zh_with_kana"
        if c["han"] == 0 or c["han"] / tot < 0.75 or (c["han"] + c["latin"]) < tot:
            return None, "zh_low_han"
        hs, ht = script_chars(text)
        if hs == 0 and ht == 0:
            return None, "zh_script_ambiguous"
        if label == "zh-Hans":
            if hs == 0 or ht * 3 > hs:
                return None, "zh_script_conflict"
        else:
            if ht == 0 or hs * 3 > ht:
                return None, "zh_script_conflict"
        if doc_case == "classical":
            return label, "classical"
        if label == "zh-Hans" and ht:
            return label, "hans_quoting_hant"
        if label == "zh-Hant" and hs:
            return label, "hant_with_simplified_looking"
        lw = len([w for w in WORD_RE.findall(text) if len(w) >= 2])
        if lw and c["latin"] / tot >= 0.05:
            return label, "zh_with_en_terms"
        if len(text) <= SNIPPET_MAX and c["han"] >= 2 and all(
                ch in JA_HAN for ch in text if HAN_RE.match(ch)):
            return label, "cjk_shared_kanji"
        return label, ""
    if label == "ja":
        if not KANA_RE.search(text):
            return None, "ja_without_kana"
        if c["kana"] < 0.10 * tot:
            return None, "ja_kana_under_10pct"
        if c["hangul"] or (c["han"] + c["kana"]) / tot < 0.75 or (c["han"] + c["kana"] + c["latin"]) < tot:
            return None, "ja_low_cjk"
        if c["han"] >= 4 and c["kana"] / (c["kana"] + c["han"]) <= 0.4:
            return label, "kanji_heavy"
        if len(text) <= SNIPPET_MAX and c["han"] >= 2 and c["han"] >= c["kana"]:
            return label, "cjk_shared_kanji"
        lw = len([w for w in WORD_RE.findall(text) if len(w) >= 2])
        if lw and c["latin"] / tot >= 0.05:
            return label, "ja_with_en_terms"
        return label, ""
    if label == "en":
        if c["latin"] / tot < 0.97 or tot < 3:
            return None, "en_not_latin"
        if re.search(r"[\u00c0-\u024f\u1e00-\u1eff]", text):
            return None, "en_non_ascii_letter"
        ws = latin_words(text)
        if len(ws) < 2 and not (len(ws) == 1 and len(ws[0]) >= 6 and is_en_word(ws[0])):
            return None, "r3_en_single_word"
        share = sum(1 for w in ws if is_en_word(w)) / len(ws)
        if share < 0.6 or (len(text) <= SNIPPET_MAX and share < 0.75):
            return None, "r3_en_not_english_words"
        return label, ""
    if label == "other":
        if c["han"] or c["kana"]:
            return None, "other_with_cjk"
        if lang in LATIN_OTHER:
            if c["latin"] / tot < 0.97:
                return None, "other_latin_mixed"
            share, n = en_word_share(text)
            if share is None:
                return None, "other_no_words"
            ws = latin_words(text)
            if len(ws) < 2 and not (len(ws[0]) >= 6 and re.search(r"[^\x00-\x7f]", ws[0])):
                return None, "r3_other_single_word"
            if 8 * sum(1 for w in ws if w.lower() in EN_FUNCTION) > len(ws):
                return None, "r3_other_english_function_words"
            lim = 0.34 if len(text) <= SNIPPET_MAX else (0.5 if len(text) <= 100 else 0.6)
            if share > lim:
                return None, "other_looks_english"
            return label, ""
        scr = SCRIPT_OF.get(lang)
        if scr is None or c[scr] / tot < 0.7:
            return None, "other_script_low"
        return label, ""
    raise ValueError(label)


# ---------------------------------------------------------------- cutting
CJK_SENT = re.compile(r"[^。！？；!?;]*[。！？；!?;]?[」』）”’]*")
LAT_SENT = re.compile(r"[^.!?;:]*[.!?;:]?(?:\s+|$)")


def is_cjk_lang(label):
    return label in ("zh-Hans", "zh-Hant", "ja")


def sentences(line, label):
    rx = CJK_SENT if is_cjk_lang(label) or label == "other" and not re.search(r" ", line) else LAT_SENT
    return [s.strip() for s in rx.findall(line) if s.strip()]


def cut_short(line, label, rng):
    """A snippet (<= 30 chars) from a line: the line itself, one sentence / clause, or
    a cut sentence."""
    if len(line) <= SNIPPET_MAX:
        return line
    sents = [s for s in sentences(line, label) if MIN_LEN <= len(s)]
    if not sents:
        sents = [line]
    s = rng.choice(sents)
    if len(s) <= SNIPPET_MAX:
        return s
    clauses = [x.strip() for x in re.split(r"(?<=[，、,：:])", s) if len(x.strip()) >= MIN_LEN]
    short = [x for x in clauses if len(x) <= SNIPPET_MAX]
    if short and rng.random() < 0.6:
        return rng.choice(short)
    k = rng.randint(8, SNIPPET_MAX)
    if " " in s[:k + 1] and not is_cjk_lang(label):
        t = s[:k + 1].rsplit(" ", 1)[0]
    else:
        t = s[:k]
    return t.strip()


def cut_to(text, limit, label):
    """Cut text at a sentence boundary so that len <= limit."""
    if len(text) <= limit:
        return text
    out = ""
    for s in sentences(text.replace("\n", "\n "), label):
        sep = "" if is_cjk_lang(label) else " "
        cand = (out + sep + s) if out else s
        if len(cand) > limit:
            break
        out = cand
    return out if len(out) >= MIN_LEN else text[:limit]


LINE_DROPS = collections.Counter()   # (label, rule) -> source lines removed before cutting


def line_fits(line, label, lang):
    """Pre-filter of source lines before cutting: drop code / command lines and
    lines in another script, so passages of technical documents stay in their
    language (the joined passage is still checked by check())."""
    why = hygiene(line)
    if why:
        LINE_DROPS[(label, why)] += 1
        return False                     # URL / path / prompt / code / no-letter lines
    c = letter_counts(line)
    tot = c["_total"]
    if label in ("zh-Hans", "zh-Hant"):
        return c["han"] / tot >= 0.6 and not c["kana"]
    if label == "ja":
        return (c["han"] + c["kana"]) / tot >= 0.6
    if label == "en":
        share, n = en_word_share(line)
        return c["latin"] / tot >= 0.97 and share is not None and share >= 0.6
    if lang in LATIN_OTHER:
        share, n = en_word_share(line)
        return c["latin"] / tot >= 0.97 and share is not None and share <= 0.5
    scr = SCRIPT_OF.get(lang)
    return scr is not None and c[scr] / tot >= 0.7


def cut_document(doc, rng):
    label = doc["label"]
    lines = [l.strip() for l in doc["text"].split("\n") if l.strip()]
    lines = [l for l in lines if line_fits(l, label, doc["lang"])]
    out = []
    i = 0
    mo = ".mo" in doc["id"] or "/msgid/" in doc["id"]
    p_snip = 0.7 if mo else 0.45
    p_med = 0.97 if mo else 0.93
    while i < len(lines):
        r = rng.random()
        if r < p_snip:
            t = cut_short(lines[i], label, rng)
            i += 1
        elif r < p_med:
            target = rng.randint(31, 260)
            buf = lines[i]
            i += 1
            while len(buf) < target and i < len(lines) and len(buf) + len(lines[i]) < 300:
                buf += "\n" + lines[i]
                i += 1
            t = cut_to(buf, 300, label)
        else:
            target = rng.randint(300, MAX_LEN)
            buf = lines[i]
            i += 1
            while len(buf) < target and i < len(lines):
                buf += "\n" + lines[i]
                i += 1
            t = cut_to(buf, MAX_LEN, label)
        t = t.strip()
        if MIN_LEN <= len(t) <= MAX_LEN:
            out.append(t)
    return out


# ---------------------------------------------------------------- split
def doc_group(doc):
    return doc.get("orig_id", doc["id"])


def doc_split(doc):
    pkg = doc["package"].split(":")[0]
    g = doc_group(doc)
    if pkg in TEST_PACKAGES:
        return "test"
    if doc.get("case") == "classical":
        return "test" if frac("split:" + g) < CLASSICAL_TEST_P else "train"
    return "test" if frac("split:" + g) < GROUP_TEST_P else "train"


# ---------------------------------------------------------------- mixed rows
def letters(text):
    return letter_counts(text)["_total"]


def build_mixed(pools, rng):
    """pools[(split,label)] -> list of candidate rows not used as pure rows.
    Joins one segment of language A with one of language B so that each side
    holds 35-65% of the letters."""
    pairs = [("zh-Hans", "en", 0.26), ("ja", "en", 0.22), ("zh-Hant", "en", 0.2),
             ("zh-Hans", "ja", 0.14), ("zh-Hant", "ja", 0.08), ("other", "en", 0.05),
             ("zh-Hans", "other", 0.05)]
    rows = []
    for split in ("train", "test"):
        n_total = int(TARGET[split] * 1.0)
        for a, b, share in pairs:
            pa = sorted(pools.get((split, a), []), key=lambda r: r["id"])
            pb = sorted(pools.get((split, b), []), key=lambda r: r["id"])
            pb = [r for r in pb if r["case"] in ("",)]
            pa = [r for r in pa if r["case"] in ("", "classical", "kanji_heavy")]
            if not pa or not pb:
                continue
            rng.shuffle(pa)
            by_len = sorted(pb, key=lambda r: (letters(r["text"]), r["id"]))
            blen = [letters(r["text"]) for r in by_len]
            want = int(n_total * share)
            made = 0
            used_b = set()
            for ra in pa:
                if made >= want:
                    break
                la = letters(ra["text"])
                if la < 2 or len(ra["text"]) > 1200:
                    continue
                snip = rng.random() < 0.4
                if snip and len(ra["text"]) > 20:
                    continue
                # b letters so that la/(la+lb) in [0.35, 0.65]
                lo, hi = la * 0.35 / 0.65, la * 0.65 / 0.35
                cands = [j for j in range(len(by_len)) if lo <= blen[j] <= hi and j not in used_b
                         and len(ra["text"]) + len(by_len[j]["text"]) + 3 <= MAX_LEN
                         and (not snip or len(ra["text"]) + len(by_len[j]["text"]) + 1 <= SNIPPET_MAX)]
                if not cands:
                    continue
                j = cands[rng.randrange(len(cands))]
                used_b.add(j)
                rb = by_len[j]
                first, second = (ra, rb) if rng.random() < 0.5 else (rb, ra)
                joiner = rng.choice([" ", "\n", " ", "：" if is_cjk_lang(first["label"]) else ": "])
                if snip:
                    joiner = " "
                text = first["text"] + joiner + second["text"]
                lb = letters(rb["text"])
                ratio = la / (la + lb)
                if not (0.35 <= ratio <= 0.65) or not (MIN_LEN <= len(text) <= MAX_LEN) or hygiene(text):
                    continue
                rows.append({"text": text, "label": "mixed", "split": split,
                             "group": first["group"] + " + " + second["group"],
                             "source": "JOINED (generated): [%s] %s + [%s] %s" % (
                                 first["label"], first["source"], second["label"], second["source"]),
                             "case": "mixed:%s+%s" % (a, b), "ratio": round(ratio, 3),
                             "_parts": [(first["text"], first["label"], first["_lang"]),
                                        (second["text"], second["label"], second["_lang"])]})
                made += 1
        # natural bilingual UI pairs: gettext msgstr (zh/ja) + its English msgid
        for r in pools.get((split, "_mopairs"), []):
            rows.append(r)
    return rows


# ---------------------------------------------------------------- main
def main():
    docs = []
    for lab in ["en", "ja", "other", "zh-Hans", "zh-Hant"]:
        docs += load_jsonl_gz(lab + ".jsonl.gz")
    docs.sort(key=lambda d: d["id"])
    for d in docs:
        if d["label"] == "ja":
            JA_HAN.update(ch for ch in d["text"] if HAN_RE.match(ch))

    drops = collections.Counter()
    cand = collections.defaultdict(list)     # (split,label) -> rows
    mo_pairs = collections.defaultdict(list)
    seen_text = {}
    for d in docs:
        split = doc_split(d)
        group = doc_group(d)
        rng = random.Random(sha("cut:" + d["id"]))
        pieces = cut_document(d, rng)
        if d["label"] == "ja":
            # extra real kanji-heavy lines / sentences (few kana) of Japanese documents
            for l in d["text"].split("\n"):
                for t in sentences(l.strip(), "ja") if len(l) > 120 else [l.strip()]:
                    c = letter_counts(t)
                    if c["kana"] and c["han"] >= 4 and c["kana"] / (c["kana"] + c["han"]) <= 0.4 \
                            and MIN_LEN <= len(t) <= 300 and t not in pieces:
                        pieces.append(t)
        for k, t in enumerate(pieces):
            lab, case = check(t, d["label"], d["lang"], d.get("case", ""))
            if lab is None:
                drops[(d["label"], case)] += 1
                continue
            row = {"id": "", "text": t, "label": lab, "source": d["source"], "group": group,
                   "split": split, "case": case, "_k": "%s#%d" % (d["id"], k), "_lang": d["lang"]}
            cand[(split, lab)].append(row)
        # bilingual gettext pairs for mixed
        if d.get("en") and d["label"] in ("zh-Hans", "zh-Hant", "ja"):
            for k, (tr, en) in enumerate(zip(d["text"].split("\n"), d["en"])):
                lt, le = letters(tr), letters(en)
                if lt == 0 or le == 0:
                    continue
                ratio = lt / (lt + le)
                if not (0.35 <= ratio <= 0.65):
                    continue
                lab, _ = check(tr, d["label"], d["lang"], "")
                lab2, _ = check(en, "en", "en", "")
                if lab is None or lab2 is None:
                    continue
                rng = random.Random(sha("mo:" + d["id"] + str(k)))
                form = rng.choice(["%s (%s)", "%s %s", "%s（%s）", "%s / %s", "%s\n%s"])
                text = form % ((tr, en) if rng.random() < 0.7 else (en, tr))
                if not (MIN_LEN <= len(text) <= MAX_LEN) or hygiene(text):
                    continue
                mo_pairs[(split, d["label"])].append(
                    {"text": text, "label": "mixed", "split": split, "group": group,
                     "source": "JOINED (generated): gettext msgstr + msgid pair, " + d["source"],
                     "case": "mixed:%s+en(gettext pair)" % d["label"], "ratio": round(ratio, 3),
                     "_k": "%s#pair%d" % (d["id"], k),
                     "_parts": [(tr, d["label"], d["lang"]), (en, "en", "en")]})

    # de-duplicate texts: a text kept once; if it occurs in both splits it goes to neither
    where = collections.defaultdict(set)
    for key, rows in cand.items():
        for r in rows:
            where[r["text"]].add(r["split"])
    for key in list(cand):
        rows, seen = [], set()
        for r in sorted(cand[key], key=lambda r: r["_k"]):
            if len(where[r["text"]]) > 1:
                drops[(key[1], "dup_across_splits")] += 1
                continue
            if r["text"] in seen:
                drops[(key[1], "dup")] += 1
                continue
            seen.add(r["text"])
            rows.append(r)
        cand[key] = rows

    # ---- generated hard case: Simplified passage quoting a short Traditional term
    for split in ("train", "test"):
        want = 120 if split == "train" else 45
        hans = [r for r in sorted(cand[(split, "zh-Hans")], key=lambda r: sha("q:" + r["_k"]))
                if r["case"] == "" and (40 <= len(r["text"]) <= 400 and "，" in r["text"]
                                        or 10 <= len(r["text"]) <= 22)]
        frags = []
        for r in sorted(cand[(split, "zh-Hant")], key=lambda r: r["_k"]):
            for m in re.finditer(r"[\u4e00-\u9fff]{2,6}", r["text"]):
                hs, ht = script_chars(m.group(0))
                if ht >= 1 and hs == 0:
                    frags.append((m.group(0), r))
        frags.sort(key=lambda x: sha("f:" + x[0] + x[1]["_k"]))
        used, made, fi = set(), 0, 0
        for r in hans:
            if made >= want or fi >= len(frags):
                break
            frag, fr = frags[fi]
            fi += 1
            rng = random.Random(sha("quote:" + r["_k"]))
            commas = [m.end() for m in re.finditer("，", r["text"])] or [len(r["text"])]
            pos = rng.choice(commas)
            intro = rng.choice(["繁体写作「%s」，", "（繁体中文：「%s」）", "「%s」", "原文为「%s」，"])
            text = r["text"][:pos] + intro % frag + r["text"][pos:]
            lab, case = check(text, "zh-Hans", "zh_CN", "")
            if lab != "zh-Hans" or case != "hans_quoting_hant" or len(text) > MAX_LEN:
                continue
            used.add(r["_k"])
            cand[(split, "zh-Hans")].append(
                {"id": "", "text": text, "label": "zh-Hans", "group": r["group"] + " + " + fr["group"],
                 "split": split, "case": case, "_k": r["_k"] + "#quote", "_lang": r["_lang"],
                 "source": "GENERATED (insertion): zh-Hans passage from %s with a quoted zh-Hant "
                           "fragment from %s" % (r["source"], fr["source"])})
            made += 1
        cand[(split, "zh-Hans")] = [r for r in cand[(split, "zh-Hans")] if r["_k"] not in used]

    # ---- select pure rows per (split, label)
    HARD_CAP = {"classical": 400, "kanji_heavy": 220, "hans_quoting_hant": 150,
                "hant_with_simplified_looking": 220, "zh_with_en_terms": 220,
                "cjk_shared_kanji": 160, "ja_with_en_terms": 150}
    selected = []
    leftovers = collections.defaultdict(list)
    for split in ("train", "test"):
        for lab in ["zh-Hans", "zh-Hant", "ja", "en", "other"]:
            rows = sorted(cand[(split, lab)], key=lambda r: sha("sel:" + r["_k"]))
            # reserve some plain segments for the joined `mixed` rows (never used twice)
            reserve = [r for r in rows if r["case"] == "" and len(r["text"]) <= 600
                       and frac("mix:" + r["_k"]) < MIX_RESERVE.get(lab, 0.15)]
            rids = {r["_k"] for r in reserve}
            rows = [r for r in rows if r["_k"] not in rids]
            target = LABEL_TARGET.get(lab, TARGET)[split]
            cap = {k: int(v * target / TARGET["train"]) + 5 for k, v in HARD_CAP.items()}
            n_snip_target = int(target * SNIPPET_SHARE)
            chosen, per_group, per_case = [], collections.Counter(), collections.Counter()
            chosen_ids = set()

            def take(r):
                chosen.append(r)
                chosen_ids.add(r["_k"])
                per_group[r["group"]] += 1
                per_case[r["case"]] += 1

            # 1. hard cases
            for r in rows:
                if r["case"] and per_case[r["case"]] < cap.get(r["case"], 100) \
                        and per_group[r["group"]] < PER_GROUP_CAP * 2:
                    take(r)
            # 2. snippets up to the quota
            ns = sum(1 for r in chosen if len(r["text"]) <= SNIPPET_MAX)
            for r in rows:
                if ns >= n_snip_target or len(chosen) >= target:
                    break
                if r["_k"] in chosen_ids or r["case"] or len(r["text"]) > SNIPPET_MAX:
                    continue
                if per_group[r["group"]] >= PER_GROUP_CAP:
                    continue
                take(r)
                ns += 1
            # 3. the rest
            for r in rows:
                if len(chosen) >= target:
                    break
                if r["_k"] in chosen_ids or r["case"] or len(r["text"]) <= SNIPPET_MAX:
                    continue
                if per_group[r["group"]] >= PER_GROUP_CAP:
                    continue
                take(r)
            selected += chosen
            leftovers[(split, lab)] = reserve

    # ---- mixed rows from leftovers (never reused as pure rows)
    pools = dict(leftovers)
    rng = random.Random(20240601)
    for split in ("train", "test"):
        prs = []
        for lab in ("zh-Hans", "zh-Hant", "ja"):
            p = sorted(mo_pairs[(split, lab)], key=lambda r: sha("mo:" + r["_k"]))
            prs += p[: int(TARGET[split] * 0.1)]
        pools[(split, "_mopairs")] = prs
    for k in pools:
        for r in pools[k]:
            r.setdefault("_k", "")
    mixed = build_mixed(pools, rng)
    # mixed: de-dup and check both splits separately
    seen = {}
    for r in mixed:
        if r["text"] in seen:
            continue
        seen[r["text"]] = r
    mixed = list(seen.values())
    selected += mixed

    # ---- finalise
    final = []
    for r in selected:
        t = r["text"]
        assert MIN_LEN <= len(t) <= MAX_LEN, t
        row = {"id": "", "text": t, "label": r["label"], "source": r["source"],
               "group": r["group"], "split": r["split"], "snippet": len(t) <= SNIPPET_MAX,
               "case": r["case"]}
        row["id"] = "%s-%s" % (r["label"], sha(r["label"] + "\x00" + r["group"] + "\x00" + t)[:14])
        final.append(row)
    # re-verify every row's label with the same rules (rules 1-5, see README)
    for r, row in zip(selected, final):
        assert hygiene(row["text"]) is None, row
        if row["label"] == "mixed":
            parts = r["_parts"]
            assert len(parts) == 2 and all(p[0] in row["text"] for p in parts), row
            la, lb = letters(parts[0][0]), letters(parts[1][0])
            assert min(la, lb) >= 0.35 * (la + lb), (row, la, lb)
            for pt, plab, plang in parts:
                assert check(pt, plab, plang, "")[0] == plab, (row, pt, plab)
            continue
        lab, case = check(row["text"], row["label"], r["_lang"], "classical" if row["case"] == "classical" else "")
        assert lab == row["label"] and case == row["case"], (row, lab, case)
        if lab == "ja":
            c = letter_counts(row["text"])
            assert c["kana"] >= 0.10 * c["_total"], row
    # text must be unique over the file
    texts = collections.Counter(r["text"] for r in final)
    final = [r for r in final if texts[r["text"]] == 1 or r["label"] != "mixed"]
    uniq = {}
    for r in sorted(final, key=lambda r: r["id"]):
        uniq.setdefault(r["text"], r)
    final = sorted(uniq.values(), key=lambda r: r["id"])
    # group -> split must be a function
    gs = collections.defaultdict(set)
    for r in final:
        for g in r["group"].split(" + "):
            gs[g].add(r["split"])
    bad = [g for g, s in gs.items() if len(s) > 1]
    assert not bad, bad[:5]

    with open(OUT, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            for r in final:
                f.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))
    write_stats(final, drops)


def write_stats(rows, drops):
    L = []
    P = L.append
    P("# Script / language-ID dataset: statistics\n")
    P("Generated by build_dataset.py (do not edit).\n")
    P("Total rows: %d\n" % len(rows))
    c = collections.Counter((r["split"], r["label"]) for r in rows)
    P("## Rows by split x label\n")
    P("| label | train | test | total | test share |")
    P("|---|---:|---:|---:|---:|")
    for lab in LABELS:
        tr, te = c[("train", lab)], c[("test", lab)]
        P("| %s | %d | %d | %d | %.1f%% |" % (lab, tr, te, tr + te, 100.0 * te / max(1, tr + te)))
    tr = sum(v for (s, _), v in c.items() if s == "train")
    te = sum(v for (s, _), v in c.items() if s == "test")
    P("| **all** | %d | %d | %d | %.1f%% |\n" % (tr, te, tr + te, 100.0 * te / max(1, tr + te)))
    P("## Snippets (<= %d chars) by split x label\n" % SNIPPET_MAX)
    P("| label | train snippets | train long | test snippets | test long | snippet share |")
    P("|---|---:|---:|---:|---:|---:|")
    s = collections.Counter((r["split"], r["label"], r["snippet"]) for r in rows)
    for lab in LABELS:
        a, b, x, y = s[("train", lab, True)], s[("train", lab, False)], s[("test", lab, True)], s[("test", lab, False)]
        P("| %s | %d | %d | %d | %d | %.1f%% |" % (lab, a, b, x, y, 100.0 * (a + x) / max(1, a + b + x + y)))
    ns = sum(1 for r in rows if r["snippet"])
    P("\nAll snippets: %d of %d (%.1f%%)\n" % (ns, len(rows), 100.0 * ns / len(rows)))
    P("## Length distribution (characters)\n")
    bins = [(5, 30), (31, 100), (101, 300), (301, 1000), (1001, 2000)]
    P("| label | " + " | ".join("%d-%d" % b for b in bins) + " |")
    P("|---|" + "---:|" * len(bins))
    for lab in LABELS:
        P("| %s | " % lab + " | ".join(str(sum(1 for r in rows if r["label"] == lab and lo <= len(r["text"]) <= hi))
                                      for lo, hi in bins) + " |")
    P("\n## Hard-case tags (field `case`) by label and split\n")
    P("| label | case | train | test | of which snippets |")
    P("|---|---|---:|---:|---:|")
    hc = collections.Counter((r["label"], r["case"], r["split"]) for r in rows)
    hs = collections.Counter((r["label"], r["case"]) for r in rows if r["snippet"])
    for lab, case in sorted({(r["label"], r["case"]) for r in rows}):
        P("| %s | %s | %d | %d | %d |" % (lab, case or "(none)", hc[(lab, case, "train")],
                                           hc[(lab, case, "test")], hs[(lab, case)]))
    P("\n## Groups (source documents) per split\n")
    g = collections.defaultdict(set)
    for r in rows:
        g[r["split"]].add(r["group"])
    P("train: %d groups, test: %d groups; no group occurs in both splits.\n" % (len(g["train"]), len(g["test"])))
    P("## Rows by package and split\n")
    pk = collections.Counter()
    for r in rows:
        pkg = r["source"].split(" ")[0] if not r["source"].startswith("JOINED") else "JOINED"
        if r["source"].startswith("OpenCC"):
            pkg = "OpenCC(" + r["source"].split(": ", 1)[1].split(" ")[0] + ")"
        pk[(pkg, r["split"])] += 1
    P("| package | train | test |")
    P("|---|---:|---:|")
    for p in sorted({k[0] for k in pk}):
        P("| %s | %d | %d |" % (p, pk[(p, "train")], pk[(p, "test")]))
    P("\n## Candidate rows dropped by the label checks (before sampling)\n")
    P("| source label | reason | rows |")
    P("|---|---|---:|")
    for (lab, why), n in sorted(drops.items()):
        P("| %s | %s | %d |" % (lab, why, n))
    P("\n## Source lines removed before cutting (rules 1-2 applied per line)\n")
    P("| source label | rule | lines |")
    P("|---|---|---:|")
    for (lab, why), n in sorted(LINE_DROPS.items()):
        P("| %s | %s | %d |" % (lab, why, n))
    text = "\n".join(L) + "\n"
    with open(STATS, "w", encoding="utf-8") as f:
        f.write(text)
    print(text)


if __name__ == "__main__":
    main()
