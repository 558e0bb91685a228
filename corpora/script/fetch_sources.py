#!/usr/bin/env python3
"""Download + extract real text per language for the script/language-ID dataset.

Writes corpora/script/sources/*.jsonl.gz (one JSON document per line:
{"id", "text", "lang", "source", ...}) plus small helper tables, so that
build_dataset.py needs no network and no OpenCC afterwards.

Usage:  /usr/bin/python3 corpora/script/fetch_sources.py

Needs: apt-get (run `apt-get update` once), dpkg-deb, the `opencc` command
(Debian package opencc). Packages are downloaded/unpacked under
$SCRIPT_WORK (default /tmp/scriptsrc); nothing is installed.

Reserved evaluation packages (never used here): libreoffice-help-*,
gimp-help-*, lilypond-doc-html-zh, kicad-doc-zh, linuxcnc-doc-zh-cn,
fortunes-zh, debian-edu-doc-zh-cn, debian-edu-doc-legacy-zh-cn,
debian-reference-zh-tw, maint-guide-zh-tw, debian-reference-ja,
maint-guide-ja, manpages-ja, gimp-help-ja, npm chinese-poetry.
"""
import glob
import gzip
import hashlib
import importlib.util
import json
import os
import re
import struct
import subprocess
import sys
import types

sys.dont_write_bytecode = True  # do not leave __pycache__ in corpora/debian-docs

HERE = os.path.dirname(os.path.abspath(__file__))
OUT = os.path.join(HERE, "sources")
WORK = os.environ.get("SCRIPT_WORK", "/tmp/scriptsrc")

FORBIDDEN = re.compile(r"^(libreoffice-help-|gimp-help-|lilypond-doc-html-zh|kicad-doc-zh|"
                       r"linuxcnc-doc-zh-cn|fortunes-zh|debian-edu-doc-zh-cn|"
                       r"debian-edu-doc-legacy-zh-cn|debian-reference-zh-tw|maint-guide-zh-tw|"
                       r"debian-reference-ja|maint-guide-ja|manpages-ja|gimp-help-ja)")

# Reuse the extraction code of corpora/debian-docs/make_corpus.py.
_spec = importlib.util.spec_from_file_location(
    "make_corpus", os.path.join(HERE, "..", "debian-docs", "make_corpus.py"))
mc = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(mc)
ARGS = types.SimpleNamespace(split_chars=8000, min_section_chars=1500)

GUIDE = "usr/share/doc/installation-guide-amd64"
HB = "usr/share/doc/debian-handbook/html"
GUD = "usr/share/help"
DMK = "usr/share/doc/debmake-doc/html"

# (package, handler, glob, lang, label)
DOC_SPECS = [
    # --- Simplified Chinese
    ("manpages-zh", "man", "usr/share/man/zh_CN/man*/*.gz", "zh_CN", "zh-Hans"),
    ("gnome-user-docs", "mallard", GUD + "/zh_CN/**/*.page", "zh_CN", "zh-Hans"),
    ("installation-guide-amd64", "html", GUIDE + "/zh_CN/*.html", "zh_CN", "zh-Hans"),
    ("debmake-doc", "html", DMK + "/*.zh-cn.html", "zh_CN", "zh-Hans"),
    ("debian-handbook", "html", HB + "/zh-CN/*.html", "zh_CN", "zh-Hans"),
    ("debian-reference-zh-cn", "html", "usr/share/debian-reference/*.zh-cn.html", "zh_CN", "zh-Hans"),
    ("maint-guide-zh-cn", "html", "usr/share/doc/maint-guide-zh-cn/html/*.html", "zh_CN", "zh-Hans"),
    ("debian-faq-zh-cn", "html", "usr/share/doc/debian/FAQ/zh-cn/*.html", "zh_CN", "zh-Hans"),
    # --- Traditional Chinese
    ("manpages-zh", "man", "usr/share/man/zh_TW/man*/*.gz", "zh_TW", "zh-Hant"),
    ("debian-handbook", "html", HB + "/zh-TW/*.html", "zh_TW", "zh-Hant"),
    ("debmake-doc", "html", DMK + "/*.zh-tw.html", "zh_TW", "zh-Hant"),
    # --- Japanese
    ("installation-guide-amd64", "html", GUIDE + "/ja/*.html", "ja", "ja"),
    ("gnome-user-docs", "mallard", GUD + "/ja/**/*.page", "ja", "ja"),
    ("debian-handbook", "html", HB + "/ja-JP/*.html", "ja", "ja"),
    ("debmake-doc", "html", DMK + "/*.ja.html", "ja", "ja"),
    ("apt", "man", "usr/share/man/ja/man*/*.gz", "ja", "ja"),
    ("dpkg", "man", "usr/share/man/ja/man*/*.gz", "ja", "ja"),
    # --- English
    ("installation-guide-amd64", "html", GUIDE + "/en/*.html", "en", "en"),
    ("gnome-user-docs", "mallard", GUD + "/C/**/*.page", "en", "en"),
    ("debian-handbook", "html", HB + "/en-US/*.html", "en", "en"),
    ("debmake-doc", "html", DMK + "/*.en.html", "en", "en"),
    ("apt", "man", "usr/share/man/man*/*.gz", "en", "en"),
    ("dpkg", "man", "usr/share/man/man*/*.gz", "en", "en"),
    ("manpages", "man", "usr/share/man/man*/*.gz", "en", "en"),
]
# --- other languages (label "other")
for _l in ["ko", "ru", "de", "fr", "es", "el", "hi", "vi", "he", "fa", "uk", "pl", "tr",
           "ta", "gu", "te", "kn", "mr", "pa", "cs", "hu", "id"]:
    DOC_SPECS.append(("gnome-user-docs", "mallard", GUD + "/%s/**/*.page" % _l, _l, "other"))
for _d, _l in [("ar-MA", "ar"), ("ko-KR", "ko"), ("ru-RU", "ru"), ("de-DE", "de"),
               ("vi-VN", "vi"), ("fa-IR", "fa"), ("el-GR", "el"), ("fr-FR", "fr"),
               ("es-ES", "es"), ("it-IT", "it"), ("pt-BR", "pt_BR"), ("tr-TR", "tr")]:
    DOC_SPECS.append(("debian-handbook", "html", HB + "/%s/*.html" % _d, _l, "other"))
for _l in ["ko", "ru", "vi", "el", "de", "fr", "es", "it", "pt", "nl", "sv", "cs"]:
    DOC_SPECS.append(("installation-guide-amd64", "html", GUIDE + "/%s/*.html" % _l, _l, "other"))
DOC_SPECS += [
    ("debmake-doc", "html", DMK + "/*.de.html", "de", "other"),
    ("debmake-doc", "html", DMK + "/*.ru.html", "ru", "other"),
    ("manpages-de", "man", "usr/share/man/de/man1/*.gz", "de", "other"),
    ("manpages-fr", "man", "usr/share/man/fr/man1/*.gz", "fr", "other"),
    ("manpages-ru", "man", "usr/share/man/ru/man1/*.gz", "ru", "other"),
    ("apt", "man", "usr/share/man/de/man*/*.gz", "de", "other"),
    ("dpkg", "man", "usr/share/man/fr/man*/*.gz", "fr", "other"),
]

MO_PACKAGES = ["apt", "dpkg", "nautilus-data", "gnome-control-center-data", "gedit-common"]
MO_LANGS = {"zh_CN": "zh-Hans", "zh_TW": "zh-Hant", "zh_HK": "zh-Hant", "ja": "ja"}
MO_OTHER = ["ko", "ru", "ar", "th", "hi", "el", "vi", "de", "fr", "es", "he", "ka", "am",
            "km", "my", "uk", "bg", "fa", "ta", "bn", "pl", "tr", "it", "pt_BR", "hy", "ml",
            "si", "lo", "ne", "gu", "te", "kk", "sr", "mn"]

TEX = "texlive-lang-chinese"
ZHLIPSUM = "usr/share/texlive/texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def"
POEM_FILES = [  # TeX documentation files of texlive-lang-chinese that quote classical verse
    "usr/share/doc/texlive-doc/xelatex/exam-zh/doc/body/usage.tex.gz",
    "usr/share/doc/texlive-doc/generic/latex-notes-zh-cn/src/tables.tex.gz",
    "usr/share/doc/texlive-doc/generic/latex-notes-zh-cn/src/introduction.tex.gz",
    "usr/share/doc/texlive-doc/latex/lshort-chinese/src/chap/chap.03.elements.tex.gz",
]

CAP_CHARS = {"zh-Hans": 140000, "zh-Hant": 340000, "ja": 240000, "en": 90000, "other": 14000}
DOC_MAX = 6000          # characters kept per document
MO_DOC_MAX = 4000


def h(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def read_mo(path):
    """Minimal GNU .mo reader -> list of (msgid, msgstr), header and plurals' extra forms dropped."""
    data = open(path, "rb").read()
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412de else ">"
    _, n, oo, ot = struct.unpack(end + "4I", data[4:20])
    out = []
    for i in range(n):
        ol, oof = struct.unpack(end + "2I", data[oo + 8 * i: oo + 8 * i + 8])
        tl, tof = struct.unpack(end + "2I", data[ot + 8 * i: ot + 8 * i + 8])
        mid = data[oof: oof + ol].decode("utf-8", "replace")
        mstr = data[tof: tof + tl].decode("utf-8", "replace")
        if not mid:
            continue
        mid = mid.split("\x04")[-1].split("\x00")[0]
        mstr = mstr.split("\x00")[0]
        out.append((mid, mstr))
    return out


def clean_ui(s):
    s = s.replace("\r", "")
    s = re.sub(r"\(_[A-Za-z0-9]\)|\(&[A-Za-z0-9]\)", "", s)   # ファイル(_F)
    s = re.sub(r"_(?=\w)", "", s)                            # _File
    s = re.sub(r"%[-+ #0]*\d*(?:\.\d+)?[a-zA-Z]|%\d\$[a-z]|\{[^}]*\}|<[^>]+>", "", s)
    s = re.sub(r"[ \t]+", " ", s).strip()
    return s


def ensure(pkg):
    if FORBIDDEN.match(pkg):
        raise SystemExit("refusing reserved package " + pkg)
    root, ver, deb = mc.ensure_package(pkg, WORK, False)
    return root, ver


def extract_docs(packages):
    docs = []
    per_key = {}
    for pkg, kind, pattern, lang, label in DOC_SPECS:
        root, ver = ensure(pkg)
        packages[pkg] = ver
        files = sorted(glob.glob(os.path.join(root, pattern), recursive=True))
        cand = []
        for path in files:
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            rel = os.path.relpath(path, root)
            # English man pages only from man1..man8 top level (not translated dirs)
            if kind == "man" and lang == "en" and not re.match(r"usr/share/man/man\d/", rel):
                continue
            try:
                parts = mc.HANDLERS[kind](path, ARGS)
            except Exception as e:  # noqa
                print("warning: %s: %s" % (rel, e), file=sys.stderr)
                continue
            for suffix, text in parts:
                text = text[:DOC_MAX]
                if len(text) < 200:
                    continue
                cand.append(("%s/%s#%s" % (pkg, rel, suffix), text))
        cand.sort(key=lambda x: h(x[0]))
        key = (pkg, lang)
        used = per_key.get(key, 0)
        cap = CAP_CHARS[label]
        n = 0
        for did, text in cand:
            if used >= cap:
                break
            docs.append({"id": did, "text": text, "lang": lang, "label": label,
                         "source": "%s %s (%s, %s)" % (pkg, ver, lang, kind), "package": pkg})
            used += len(text)
            n += 1
        per_key[key] = used
        print("%-28s %-6s %-8s files=%d docs=%d chars=%d" % (pkg, lang, label, len(files), n, used),
              file=sys.stderr)
    return docs


def extract_mo(packages):
    docs = []
    for pkg in MO_PACKAGES:
        root, ver = ensure(pkg)
        packages[pkg] = ver
        for lang in sorted(set(MO_LANGS) | set(MO_OTHER)):
            label = MO_LANGS.get(lang, "other")
            for path in sorted(glob.glob(os.path.join(root, "usr/share/locale", lang, "LC_MESSAGES", "*.mo"))):
                dom = os.path.basename(path)[:-3]
                pairs = []
                seen = set()
                for mid, mstr in read_mo(path):
                    a, b = clean_ui(mid), clean_ui(mstr)
                    if not b or not a or b == a or b in seen or "\n" in b and len(b) > 600:
                        continue
                    seen.add(b)
                    pairs.append((a, b))
                pairs.sort(key=lambda p: h(p[0]))
                cap = MO_DOC_MAX if label != "other" else 1500
                keep, total = [], 0
                for a, b in pairs:
                    if total >= cap:
                        break
                    keep.append((a, b))
                    total += len(b)
                if not keep:
                    continue
                docs.append({"id": "%s/locale/%s/%s.mo" % (pkg, lang, dom),
                             "text": "\n".join(b.replace("\n", " ") for a, b in keep),
                             "en": [a.replace("\n", " ") for a, b in keep],
                             "lang": lang, "label": label, "package": pkg,
                             "source": "%s %s (%s, gettext %s.mo msgstr)" % (pkg, ver, lang, dom)})
        # English: msgids of the zh_CN catalogue (the untranslated source strings)
        for path in sorted(glob.glob(os.path.join(root, "usr/share/locale/zh_CN/LC_MESSAGES/*.mo"))):
            dom = os.path.basename(path)[:-3]
            ids = sorted({clean_ui(m).replace("\n", " ") for m, _ in read_mo(path)} - {""}, key=h)
            keep, total = [], 0
            for a in ids:
                if total >= MO_DOC_MAX:
                    break
                keep.append(a)
                total += len(a)
            docs.append({"id": "%s/msgid/%s" % (pkg, dom), "text": "\n".join(keep), "lang": "en",
                         "label": "en", "package": pkg,
                         "source": "%s %s (en, gettext %s msgid)" % (pkg, ver, dom)})
    return docs


def opencc(text, cfg):
    r = subprocess.run(["opencc", "-c", cfg], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, check=True)
    return r.stdout.decode("utf-8")


def extract_classical(packages):
    root, ver = ensure(TEX)
    packages[TEX] = ver
    raw = open(os.path.join(root, ZHLIPSUM), encoding="utf-8").read()
    docs = []
    names = {"nanshanjing": ("Shanhaijing, Nanshan jing (classical prose)", "zh-Hant", True),
             "xiangyu": ("Shiji, Xiang Yu benji (classical prose)", "zh-Hant", True),
             "zhufu": ("Lu Xun, Zhufu (modern prose)", "zh-Hans", False),
             "aspirin": ("zhlipsum 'aspirin' (modern prose)", "zh-Hans", False)}
    for m in re.finditer(r"\+newzhlipsum < (\w+) >\s*<(.*?)\n  >", raw, re.S):
        name = m.group(1)
        if name not in names:   # 'simp'/'trad' are random characters, not language
            continue
        desc, label, classical = names[name]
        paras = [p.strip() for p in re.findall(r"<(.*?)>,?\s*$", m.group(2), re.M)]
        paras = [re.sub(r"\+\w+\s*", "", p).replace("*", " ") for p in paras if p]
        # group paragraphs into documents of ~5 paragraphs
        for i in range(0, len(paras), 5):
            text = "\n".join(paras[i:i + 5])
            did = "%s/zhlipsum/%s#%d" % (TEX, name, i // 5)
            docs.append({"id": did, "text": text, "lang": "classical" if classical else "zh",
                         "label": label, "package": TEX + ":" + name,
                         "case": "classical" if classical else "",
                         "source": "%s %s zhlipsum-utf8.def: %s" % (TEX, ver, desc)})
    # classical verse quoted in TeX documentation
    verse = re.compile(r"(?:[\u4e00-\u9fff]{4,9}[，。；？！、]){2,}")
    for rel in POEM_FILES:
        s = gzip.open(os.path.join(root, rel)).read().decode("utf-8", "replace")
        s = re.sub(r"\\\\|\\[a-zA-Z]+\*?(\[[^\]]*\])?|[{}~&$%]", "", s)
        lines = []
        for m in verse.finditer(s):
            t = m.group(0)
            clauses = [c for c in re.split(r"[，。；？！、]", t) if c]
            lens = {len(c) for c in clauses}
            # classical verse: every clause has the same length, 4, 5 or 7 characters
            if len(clauses) >= 2 and len(lens) == 1 and lens <= {4, 5, 7} and t not in lines:
                lines.append(t)
        if lines:
            docs.append({"id": "%s/%s#verse" % (TEX, rel), "text": "\n".join(lines),
                         "lang": "classical", "label": "zh-Hans", "package": TEX + ":verse",
                         "case": "classical",
                         "source": "%s %s %s: classical verse quoted in TeX documentation" % (TEX, ver, rel)})
    # OpenCC conversions (marked as such in source; same group as the original)
    conv = []
    for d in docs:
        if d.get("case") != "classical":
            continue
        if d["label"] == "zh-Hant":
            cfg, lab = "t2s.json", "zh-Hans"
        else:
            cfg, lab = "s2t.json", "zh-Hant"
        conv.append(dict(d, id=d["id"] + "@" + cfg[:-5], text=opencc(d["text"], cfg), label=lab,
                         source="OpenCC %s conversion of: %s" % (cfg[:-5], d["source"]),
                         generated="opencc-" + cfg[:-5], orig_id=d["id"]))
    return docs + conv


def write_jsonl_gz(path, rows):
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            for r in rows:
                f.write((json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n").encode("utf-8"))


def main():
    os.makedirs(OUT, exist_ok=True)
    packages = {}
    docs = extract_docs(packages) + extract_mo(packages) + extract_classical(packages)
    by_label = {}
    for d in docs:
        by_label.setdefault(d["label"], []).append(d)
    for lab, rows in sorted(by_label.items()):
        rows.sort(key=lambda d: d["id"])
        write_jsonl_gz(os.path.join(OUT, "%s.jsonl.gz" % lab), rows)
        print("%s: %d docs, %d chars" % (lab, len(rows), sum(len(d["text"]) for d in rows)), file=sys.stderr)

    # Per-character OpenCC tables (t2s, s2t) for every Han character in the sources,
    # so build_dataset.py can verify Simplified/Traditional without OpenCC.
    han = sorted({c for d in docs for c in d["text"] if re.match(r"[\u3400-\u9fff\uf900-\ufaff]", c)})
    joined = "\n".join(han) + "\n"
    t2s = opencc(joined, "t2s.json").split("\n")
    s2t = opencc(joined, "s2t.json").split("\n")
    assert len(t2s) >= len(han) and len(s2t) >= len(han)
    table = {c: [t2s[i], s2t[i]] for i, c in enumerate(han) if t2s[i] != c or s2t[i] != c}
    write_jsonl_gz(os.path.join(OUT, "opencc_chars.jsonl.gz"),
                   [{"char": c, "t2s": v[0], "s2t": v[1]} for c, v in sorted(table.items())])
    # English word list (wamerican) for English-vs-other-Latin checks.
    root, ver = ensure("wamerican")
    packages["wamerican"] = ver
    words = sorted({w.strip().lower() for w in open(os.path.join(root, "usr/share/dict/american-english"),
                                                    encoding="utf-8") if w.strip().isalpha()})
    with open(os.path.join(OUT, "en_words.txt.gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(("\n".join(words) + "\n").encode("utf-8"))
    # Words that wamerican lists only capitalised (names, places): not counted as English words.
    entries = [w.strip() for w in open(os.path.join(root, "usr/share/dict/american-english"),
                                       encoding="utf-8") if w.strip().isalpha()]
    lower = {w for w in entries if w.islower()}
    proper = sorted({w.lower() for w in entries} - lower)
    with open(os.path.join(OUT, "en_proper.txt.gz"), "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as f:
            f.write(("\n".join(proper) + "\n").encode("utf-8"))
    with open(os.path.join(OUT, "packages.json"), "w", encoding="utf-8") as f:
        json.dump({"packages": dict(sorted(packages.items())), "opencc": subprocess.run(
            ["dpkg-query", "-W", "-f=${Version}", "opencc"], stdout=subprocess.PIPE).stdout.decode()},
            f, indent=1, sort_keys=True)
        f.write("\n")


if __name__ == "__main__":
    main()
