#!/usr/bin/python3
"""Fetch and extract CLEAN source documents for the CorpusQA quality dataset.

Downloads Debian packages (apt-get download, no install) and unpacks them under
$QUALITY_WORK (default /tmp/zhquality), extracts real Chinese text, cleans it
(markup, code/English/table lines, PDF page furniture) and writes compact,
committed source files under corpora/quality/sources/:

  sources/doc-hans.jsonl.gz     Simplified technical documentation
  sources/doc-hant.jsonl.gz     Traditional technical documentation
  sources/classical.jsonl.gz    classical Chinese prose (zhlipsum texts)
  sources/news.jsonl.gz         general prose (seed articles, Lu Xun, Wikipedia
                                article in zhlipsum, Debian handbook narrative)
  sources/short.jsonl.gz        short complete paragraphs (60-300 chars)
  sources/hant-opencc.jsonl.gz  Traditional produced by OpenCC from Simplified
  sources/aux-english.jsonl.gz  English man-page text (for mostly_english)
  sources/aux-code.jsonl.gz     real code snippets (for mostly_code)
  sources/aux-tables.jsonl.gz   real tabular text (for mostly_table)
  sources/pinyin.tsv.gz         codepoint -> pinyin (go-pinyin data, MIT)
  sources/opencc/*.txt.gz       OpenCC dictionaries dumped with opencc_dict
  sources/manifest.json         package versions, counts

Chinese lines: {"id","text","source","register","parent"}; "parent" is the id
of the document a row was cut from (itself for whole documents), used as the
split group by build_dataset.py.

Needs: apt-get update done, packages opencc, poppler-utils (pdftotext),
python3 (Debian). Reuses the extractors of corpora/debian-docs/make_corpus.py.
"""
import glob
import gzip
import hashlib
import io
import json
import os
import re
import subprocess
import sys
import types

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.dont_write_bytecode = True  # leave corpora/debian-docs untouched
sys.path.insert(0, os.path.join(REPO, "corpora", "debian-docs"))
import make_corpus as mc  # noqa: E402

WORK = os.environ.get("QUALITY_WORK", "/tmp/zhquality")
OUT = os.path.join(HERE, "sources")
MAX_CHARS = 4000
MIN_CHARS = 60

CJK = mc._CJK_RE
ARGS = types.SimpleNamespace(split_chars=6000, min_section_chars=1500)

# (package, handler, glob, script, source-name)
DOC_SPECS = [
    ("manpages-zh", "man", "usr/share/man/zh_CN/man*/*.gz", "hans", "manpages-zh:zh_CN"),
    ("debian-reference-zh-cn", "html", "usr/share/debian-reference/*.zh-cn.html", "hans", "debian-reference-zh-cn"),
    ("maint-guide-zh-cn", "html", "usr/share/doc/maint-guide-zh-cn/html/*.html", "hans", "maint-guide-zh-cn"),
    ("debian-faq-zh-cn", "html", "usr/share/doc/debian/FAQ/zh-cn/*.html", "hans", "debian-faq-zh-cn"),
    ("installation-guide-amd64", "html", "usr/share/doc/installation-guide-amd64/zh_CN/*.html", "hans", "installation-guide-amd64:zh_CN"),
    ("gnome-user-docs", "mallard", "usr/share/help/zh_CN/**/*.page", "hans", "gnome-user-docs:zh_CN"),
    ("debmake-doc", "html", "usr/share/doc/debmake-doc/html/*.zh-cn.html", "hans", "debmake-doc:zh-cn"),
    ("debian-handbook", "html", "usr/share/doc/debian-handbook/html/zh-CN/*.html", "hans", "debian-handbook:zh-CN"),
    ("texlive-lang-chinese", "pdf", "usr/share/doc/texlive-doc/**/*.pdf", "hans", "texlive-lang-chinese"),
    ("manpages-zh", "man", "usr/share/man/zh_TW/man*/*.gz", "hant", "manpages-zh:zh_TW"),
    ("debian-handbook", "html", "usr/share/doc/debian-handbook/html/zh-TW/*.html", "hant", "debian-handbook:zh-TW"),
    ("debmake-doc", "html", "usr/share/doc/debmake-doc/html/*.zh-tw.html", "hant", "debmake-doc:zh-tw"),
]
# Narrative (non-technical) chapters of the Debian handbook: prose about the
# project, its history and governance -> register "news" (general prose).
HANDBOOK_PROSE = {"foreword", "preface", "sect.what-is-debian", "sect.foundation-documents",
                  "sect.debian-internals", "sect.role-of-distributions", "sect.lifecycle-of-a-release",
                  "sect.follow-debian-news", "sect.future-of-debian", "sect.future-of-this-book",
                  "sect.acknowledgments", "sect.book-structure", "sect.contributing",
                  "sect.becoming-package-maintainer", "conclusion", "sect.kali", "sect.knoppix",
                  "sect.linux-mint", "sect.simplyfreemint", "sect.doudoulinux", "sect.aptosid",
                  "sect.grml", "sect.devuan", "sect.tails", "sect.ubuntu", "sect.simplymepis",
                  "sect.other-derivative-distributions", "sect.raspbian", "sect.debian-live",
                  "sect.pureos", "sect.sparkylinux", "sect.dealing-with-compromised-machine"}
# cap of documents kept per source (deterministic selection by sha1 of id)
PER_SOURCE_CAP = {"manpages-zh:zh_CN": 500, "manpages-zh:zh_TW": 350, "texlive-lang-chinese": 250,
                  "gnome-user-docs:zh_CN": 220, "gnome-user-docs:zh_TW": 220}
DEFAULT_CAP = 260

AUX_PACKAGES = ["manpages", "golang-github-mozillazg-go-pinyin-dev"]


def sha(s):
    return hashlib.sha1(s.encode("utf-8")).hexdigest()


def cjk_count(s):
    return len(CJK.findall(s))


def cjk_ratio(s):
    return mc.cjk_ratio(s)


# --------------------------------------------------------------------------
# Cleaning
# --------------------------------------------------------------------------
_CODEY = re.compile(r"[{}<>=$#`|\\;]|^\s*[-*+]\s|://|\b\w+\(\)|/\w+/|\w+\.\w{1,4}\b|--\w")
_FINAL = "。！？!?」』”）)…：:；;"


def clean_line(line):
    line = line.strip()
    # stray markup / entities that survived
    line = re.sub(r"<[^>\n]{1,80}>", "", line)
    line = re.sub(r"&[a-z]{2,6};", "", line)
    line = line.replace("\ufffd", "")
    return line.strip()


_NAV = re.compile(r"^(上一[页頁级級]|下一[页頁]|起始[页頁]|首[页頁]|目[录錄]|[返回]*上一[级級]|Debian 管理[员員]手[册冊])")


def line_ok(line):
    """A line kept in a clean document: mostly Chinese, not code/table/English,
    not navigation."""
    n = len(line)
    if _NAV.match(line) or line.startswith(("%", "\\")) or re.search(r"\\[a-zA-Z]{2,}", line):
        return False
    if n == 0:
        return False
    c = cjk_count(line)
    if c < 2:
        return False
    if re.search(r"[\[\]]", line) and n < 40:  # man-page synopsis: [選項] [檔案]...
        return False
    if n >= 8 and c / n < 0.30:
        return False
    if len(_CODEY.findall(line)) >= 3:
        return False
    if re.search(r"\.{4,}|…{3,}|·{4,}", line):  # table of contents leaders
        return False
    if re.fullmatch(r"[\d\s.\-–—/第章节頁页]+", line):
        return False
    return True


def cap_text(paras, max_chars=MAX_CHARS):
    out, n = [], 0
    for p in paras:
        if out and n + len(p) + 1 > max_chars:
            break
        if not out and len(p) > max_chars:
            # a single huge paragraph: cut after the last sentence end
            cut = p[:max_chars]
            m = max(cut.rfind(x) for x in "。！？")
            p = cut[:m + 1] if m > 0 else cut
        out.append(p)
        n += len(p) + 1
    return "\n".join(out)


def clean_doc(text):
    paras = [clean_line(l) for l in text.split("\n")]
    paras = [p for p in paras if line_ok(p)]
    # drop a leading lone line that is only a number/section label
    text = cap_text(paras)
    return text


def join_pdf_lines(page):
    """pdftotext wraps lines inside a paragraph; join them back and drop
    page furniture (page numbers, running headers)."""
    lines = [l.strip() for l in page.split("\n")]
    lines = [l for l in lines if l and not re.fullmatch(r"[\divxlcIVXLC\s\-–—/]+", l)]
    if len(lines) > 3:
        lines = lines[1:]  # running header (chapter title) on every page
    paras, cur = [], ""
    for l in lines:
        if not cur:
            cur = l
        else:
            if re.match(r"[\u4e00-\u9fff，。、；：！？）」]", l) and re.search(r"[\u4e00-\u9fff，、（「]$", cur):
                cur += l
            else:
                cur += " " + l
        if cur[-1] in "。！？：" or len(l) < 15:
            paras.append(cur)
            cur = ""
    if cur:
        paras.append(cur)
    return "\n".join(paras)


# --------------------------------------------------------------------------
# Debian documentation
# --------------------------------------------------------------------------
def debian_docs(manifest):
    docs = []
    for pkg, kind, pattern, script, src in DOC_SPECS:
        root, ver, debname = mc.ensure_package(pkg, WORK, False)
        manifest["packages"][pkg] = ver
        got = []
        for path in sorted(glob.glob(os.path.join(root, pattern), recursive=True)):
            if os.path.islink(path) or not os.path.isfile(path):
                continue
            rel = os.path.relpath(path, root)
            try:
                parts = mc.HANDLERS[kind](path, ARGS)
            except Exception as e:  # noqa: BLE001
                print(f"skip {rel}: {e}", file=sys.stderr)
                continue
            for suffix, text in parts:
                if kind == "pdf":
                    text = join_pdf_lines(text)
                text = clean_doc(text)
                if len(text) < MIN_CHARS or cjk_ratio(text) < 0.55:
                    continue
                if kind == "pdf" and (text.count("\n") > len(text) / 25):
                    continue  # list-like page (tables, indexes)
                register = "doc-" + script
                page = os.path.basename(path).split(".zh")[0].replace(".html", "")
                if pkg == "debian-handbook" and page in HANDBOOK_PROSE:
                    register = "news"
                did = f"{src}/{rel.split('/')[-1]}#{suffix}"
                got.append({"id": did, "text": text, "source": src, "register": register,
                            "parent": did, "page": page})
        got.sort(key=lambda d: sha(d["id"]))
        cap = PER_SOURCE_CAP.get(src, DEFAULT_CAP)
        news = [d for d in got if d["register"] == "news"]
        other = [d for d in got if d["register"] != "news"][:cap]
        print(f"{src}: {len(got)} clean docs, keep {len(other)} + {len(news)} news", file=sys.stderr)
        docs += other + news
    return docs


# --------------------------------------------------------------------------
# zhlipsum (texlive-lang-chinese): classical and modern prose
# --------------------------------------------------------------------------
ZHLIPSUM = {
    # name: (register, source label, description)
    "nanshanjing": ("classical", "zhlipsum:nanshanjing"),   # 山海经·南山经 (Traditional)
    "xiangyu": ("classical", "zhlipsum:xiangyu"),           # 史记·项羽本纪 (Traditional)
    "zhufu": ("news", "zhlipsum:zhufu"),                     # 鲁迅《祝福》 (Simplified)
    "aspirin": ("news", "zhlipsum:aspirin"),                 # Wikipedia 阿司匹林 (Simplified)
}


def zhlipsum_paragraphs():
    root, ver, _ = mc.ensure_package("texlive-lang-chinese", WORK, False)
    path = os.path.join(root, "usr/share/texlive/texmf-dist/tex/latex/zhlipsum/zhlipsum-utf8.def")
    raw = open(path, encoding="utf-8").read()
    out = {}
    for m in re.finditer(r"\+newzhlipsum < (\w+) >\s*<(.*?)\n  >", raw, re.S):
        name, body = m.group(1), m.group(2)
        paras = []
        for p in re.findall(r"<([^<>]*)>", body):
            p = p.replace("*", " ").replace("\n", "").strip()
            p = re.sub(r"\s+", " ", p)
            if p:
                paras.append(p)
        out[name] = paras
    return out, ver


def group_paragraphs(paras, target):
    """Consecutive paragraphs joined into documents of about `target` chars."""
    docs, cur = [], []
    for p in paras:
        cur.append(p)
        if sum(len(x) for x in cur) >= target:
            docs.append(cur)
            cur = []
    if cur:
        if docs and sum(len(x) for x in cur) < MIN_CHARS * 3:
            docs[-1] += cur
        else:
            docs.append(cur)
    return docs


def zhlipsum_docs(manifest):
    paras, ver = zhlipsum_paragraphs()
    docs = []
    for name, (register, src) in ZHLIPSUM.items():
        ps = paras[name]
        # vary lengths: alternate targets
        targets = [120, 250, 450, 800] if register == "classical" else [400, 900, 1600, 600]
        i, k = 0, 0
        while i < len(ps):
            t = targets[k % len(targets)]
            cur, n = [], 0
            while i < len(ps) and n < t:
                cur.append(ps[i]); n += len(ps[i]); i += 1
            text = cap_text(cur)
            did = f"{src}#{k}"
            if len(text) >= MIN_CHARS:
                docs.append({"id": did, "text": text, "source": src, "register": register, "parent": did})
            k += 1
        print(f"{src}: {len(ps)} paragraphs -> {k} docs", file=sys.stderr)
    return docs


def opencc(text, config):
    r = subprocess.run(["opencc", "-c", config], input=text.encode("utf-8"),
                       stdout=subprocess.PIPE, check=True)
    return r.stdout.decode("utf-8")


def classical_simplified(docs):
    """Simplified versions of the (Traditional) classical texts, made with
    OpenCC t2s; same parent so they fall in the same split."""
    out = []
    for d in docs:
        if d["register"] != "classical":
            continue
        out.append({"id": d["id"] + ":t2s", "text": opencc(d["text"], "t2s.json"),
                    "source": d["source"] + ":opencc-t2s", "register": "classical", "parent": d["parent"]})
    return out


# --------------------------------------------------------------------------
# Seed articles (real web articles, boilerplate lines removed)
# --------------------------------------------------------------------------
def seed_docs():
    docs = []
    for path in sorted(glob.glob(os.path.join(REPO, "corpora/seeds/raw/*.txt"))):
        name = os.path.basename(path)[:-4]
        if name.startswith(("001", "004")):
            continue  # 001: glued pinyin, 004: conversion artefacts -> not clean
        lines = [l.strip() for l in open(path, encoding="utf-8").read().split("\n")]
        # keep only real body paragraphs: long enough, mostly Chinese, with a
        # sentence end (drops menus, bylines, 赞助本站, 暂无评论, titles ...)
        body = [l for l in lines if len(l) >= 40 and cjk_ratio(l) >= 0.6 and l[-1] in _FINAL
                and not re.search(r"本站|版权|赞助|评论|免责|转载|登录|注册|搜索", l)]
        # split each article into documents of ~1200 chars
        for k, grp in enumerate(group_paragraphs(body, 1200)):
            text = cap_text(grp)
            did = f"seeds/{name}#{k}"
            docs.append({"id": did, "text": text, "source": "seeds:" + name, "register": "news",
                         "parent": f"seeds/{name}"})
    print(f"seeds: {len(docs)} docs", file=sys.stderr)
    return docs


# --------------------------------------------------------------------------
# Short complete paragraphs
# --------------------------------------------------------------------------
def short_docs(docs, per_source=45):
    out = []
    by_src = {}
    for d in docs:
        if d["register"] not in ("doc-hans", "doc-hant", "news", "classical"):
            continue
        for j, p in enumerate(d["text"].split("\n")):
            if not (60 <= len(p) <= 300):
                continue
            if p[-1] not in "。！？」”" or not CJK.match(p[0]) and p[0] not in "「“《（":
                continue
            if cjk_ratio(p) < 0.6 or len(_CODEY.findall(p)) > 0:
                continue
            by_src.setdefault(d["source"], []).append((d, j, p))
    for src in sorted(by_src):
        cands = sorted(by_src[src], key=lambda t: sha(t[0]["id"] + str(t[1])))[:per_source]
        for d, j, p in cands:
            out.append({"id": f"{d['id']}:p{j}", "text": p, "source": src, "register": "short",
                        "parent": d["parent"]})
    print(f"short: {len(out)}", file=sys.stderr)
    return out


# --------------------------------------------------------------------------
# OpenCC-made Traditional
# --------------------------------------------------------------------------
def opencc_docs(docs, n=360):
    cands = sorted([d for d in docs if d["register"] in ("doc-hans", "news") and
                    not d["source"].startswith("debian-handbook")],  # handbook has a real zh-TW
                   key=lambda d: sha("opencc" + d["id"]))[:n]
    configs = ["s2twp.json", "s2t.json", "s2hk.json"]
    out = []
    for i, d in enumerate(sorted(cands, key=lambda d: d["id"])):
        cfg = configs[i % 3]
        out.append({"id": d["id"] + ":" + cfg[:-5], "text": opencc(d["text"], cfg),
                    "source": f"{d['source']}:opencc-{cfg[:-5]}", "register": "hant-opencc",
                    "parent": d["parent"]})
    return out


# --------------------------------------------------------------------------
# Auxiliary non-Chinese material for the mostly_* defects
# --------------------------------------------------------------------------
def english_docs(manifest):
    root, ver, _ = mc.ensure_package("manpages", WORK, False)
    manifest["packages"]["manpages"] = ver
    out = []
    for path in sorted(glob.glob(os.path.join(root, "usr/share/man/man*/*.gz"))):
        if os.path.islink(path):
            continue
        secs = mc.man_to_sections(gzip.open(path).read().decode("utf-8", "replace"))
        paras = [l for s in secs for l in s.split("\n")
                 if len(l) > 60 and re.fullmatch(r"[\x20-\x7e]+", l) and l.count(" ") > 8]
        if len(paras) >= 3:
            text = "\n".join(paras)[:3000]
            out.append({"id": "manpages/" + os.path.basename(path), "text": text,
                        "source": "manpages", "register": "aux"})
    out.sort(key=lambda d: sha(d["id"]))
    return out[:400]


def code_docs():
    out = []
    pyroot = "/usr/lib/python3.11"
    files = sorted(glob.glob(pyroot + "/*.py"))
    for f in files:
        src = open(f, encoding="utf-8", errors="replace").read()
        # one snippet from the middle of each module
        lines = src.split("\n")
        if len(lines) < 120:
            continue
        mid = len(lines) // 2
        snippet = "\n".join(lines[mid:mid + 80])
        out.append({"id": "python3.11/" + os.path.basename(f), "text": snippet,
                    "source": "libpython3.11-stdlib", "register": "aux"})
    for f in sorted(glob.glob("/usr/include/*.h"))[:150]:
        src = open(f, encoding="utf-8", errors="replace").read()
        lines = [l for l in src.split("\n")]
        if len(lines) < 80:
            continue
        snippet = "\n".join(lines[40:120])
        out.append({"id": "include/" + os.path.basename(f), "text": snippet,
                    "source": "libc6-dev", "register": "aux"})
    out.sort(key=lambda d: sha(d["id"]))
    return out[:400]


def table_docs():
    out = []
    cands = ["/usr/share/zoneinfo/zone1970.tab", "/usr/share/zoneinfo/iso3166.tab",
             "/etc/services", "/etc/protocols", "/usr/share/misc/usb.ids", "/usr/share/misc/pci.ids"]
    for f in cands:
        if not os.path.exists(f):
            continue
        lines = [l for l in open(f, encoding="utf-8", errors="replace").read().split("\n")
                 if l.strip() and not l.startswith("#")]
        for k in range(0, min(len(lines), 1200), 60):
            out.append({"id": f"{f}#{k}", "text": "\n".join(lines[k:k + 60]),
                        "source": os.path.basename(f), "register": "aux"})
    return out


def pinyin_table(manifest):
    root, ver, _ = mc.ensure_package("golang-github-mozillazg-go-pinyin-dev", WORK, False)
    manifest["packages"]["golang-github-mozillazg-go-pinyin-dev"] = ver
    src = open(os.path.join(root, "usr/share/gocode/src/github.com/mozillazg/go-pinyin/pinyin_dict.go"),
               encoding="utf-8").read()
    rows = re.findall(r"0x([0-9A-F]+): \"([^\"]+)\"", src)
    buf = "".join(f"{chr(int(cp, 16))}\t{py}\n" for cp, py in rows
                  if 0x4E00 <= int(cp, 16) <= 0x9FFF)
    write_bytes(os.path.join(OUT, "pinyin.tsv.gz"), buf.encode("utf-8"))


def opencc_dicts(manifest):
    d = os.path.join(OUT, "opencc")
    os.makedirs(d, exist_ok=True)
    ver = subprocess.run(["dpkg-query", "-W", "-f", "${Version}", "libopencc-data"],
                         stdout=subprocess.PIPE).stdout.decode()
    manifest["packages"]["libopencc-data"] = ver
    for name in ["STCharacters", "STPhrases", "TWPhrases", "TWVariants", "HKVariants"]:
        tmp = f"/tmp/{name}.txt"
        subprocess.run(["opencc_dict", "-i", f"/usr/share/opencc/{name}.ocd2", "-o", tmp,
                        "-f", "ocd2", "-t", "text"], check=True)
        lines = sorted(open(tmp, encoding="utf-8").read().strip().split("\n"))
        write_bytes(os.path.join(d, name + ".txt.gz"), ("\n".join(lines) + "\n").encode("utf-8"))


# --------------------------------------------------------------------------
def write_bytes(path, data):
    with open(path, "wb") as f:
        with gzip.GzipFile(fileobj=f, mode="wb", mtime=0, filename="") as g:
            g.write(data)


def write_jsonl(path, docs):
    docs = sorted(docs, key=lambda d: d["id"])
    buf = "".join(json.dumps({k: d[k] for k in ("id", "text", "source", "register", "parent") if k in d},
                             ensure_ascii=False) + "\n" for d in docs)
    write_bytes(path, buf.encode("utf-8"))


def main():
    os.makedirs(OUT, exist_ok=True)
    manifest = {"packages": {}, "counts": {}}
    docs = debian_docs(manifest)
    zl = zhlipsum_docs(manifest)
    docs += zl + classical_simplified(zl) + seed_docs()
    # de-duplicate identical texts (same page in several packages)
    seen, uniq = set(), []
    for d in sorted(docs, key=lambda d: d["id"]):
        h = sha(d["text"])
        if h not in seen:
            seen.add(h)
            uniq.append(d)
    docs = uniq
    shorts = short_docs(docs)
    occ = opencc_docs(docs)
    allc = docs + shorts + occ
    for reg in ["doc-hans", "doc-hant", "classical", "news", "short", "hant-opencc"]:
        sel = [d for d in allc if d["register"] == reg]
        write_jsonl(os.path.join(OUT, reg + ".jsonl.gz"), sel)
        manifest["counts"][reg] = len(sel)
    for name, fn in [("aux-english", lambda: english_docs(manifest)), ("aux-code", code_docs),
                     ("aux-tables", table_docs)]:
        sel = fn()
        write_jsonl(os.path.join(OUT, name + ".jsonl.gz"), sel)
        manifest["counts"][name] = len(sel)
    pinyin_table(manifest)
    opencc_dicts(manifest)
    with open(os.path.join(OUT, "manifest.json"), "w", encoding="utf-8") as f:
        json.dump(manifest, f, ensure_ascii=False, indent=1, sort_keys=True)
        f.write("\n")
    print(json.dumps(manifest["counts"]), file=sys.stderr)


if __name__ == "__main__":
    main()
