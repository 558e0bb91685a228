#!/usr/bin/python3
"""Build the labelled quality dataset corpora/quality/quality.jsonl.gz.

Input: the committed clean sources in corpora/quality/sources/ (made by
fetch_sources.py). No network. Deterministic: fixed seeds derived from
sha256 of names/ids, sorted inputs, gzip mtime=0 -> identical bytes every run.

Rows: {"id","text","label","defect","register","source","group","split"}
  GOOD rows  = every clean source document (label good, defect clean).
  BAD rows   = generated from a clean source document by one of the defect
               generators below (label bad); "group" is the source document
               the row was derived from, so good and bad rows share topics.
Split by group (never by row); some packages are held out whole for test.

Needs: python3-jieba (Debian package) for word segmentation.
"""
import collections
import gzip
import hashlib
import io
import json
import math
import os
import random
import re
import sys

import jieba

jieba.setLogLevel(60)

HERE = os.path.dirname(os.path.abspath(__file__))
SRC = os.path.join(HERE, "sources")
OUT = os.path.join(HERE, "quality.jsonl.gz")
STATS = os.path.join(HERE, "stats.md")

GOOD_REGISTERS = ["doc-hans", "doc-hant", "classical", "news", "short", "hant-opencc"]
DEFECTS = ["mojibake", "boilerplate", "seo_spam", "repetition", "shuffled_words",
           "shuffled_chars", "random_chars", "fragment", "pinyin_glued", "broken_conversion",
           "half_converted", "mostly_english", "mostly_code", "mostly_table"]
PER_DEFECT = 240
MAX_CHARS = 4000

# Whole sources held out for the test split; everything else is split by a
# hash of its split key (~20% test).
TEST_SOURCES = {"gnome-user-docs:zh_CN", "debmake-doc:zh-cn", "debmake-doc:zh-tw",
                "zhlipsum:nanshanjing", "zhlipsum:aspirin", "seeds:003_d89fe31c9231545e"}
HASH_TEST_FRACTION = 0.12

HAN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
SENT_END = "。！？!?"
PUNCT = "，。、；：！？"


def h(s):
    return int(hashlib.sha256(s.encode("utf-8")).hexdigest()[:16], 16)


def rng_for(*parts):
    return random.Random(h("\x1f".join(parts)))


def load_jsonl(name):
    with gzip.open(os.path.join(SRC, name + ".jsonl.gz"), "rt", encoding="utf-8") as f:
        return [json.loads(l) for l in f]


def load_lines(path):
    with gzip.open(path, "rt", encoding="utf-8") as f:
        return [l.rstrip("\n") for l in f if l.strip()]


# --------------------------------------------------------------------------
# Resources
# --------------------------------------------------------------------------
class Res:
    pass


R = Res()


def load_resources():
    R.docs = []
    for reg in GOOD_REGISTERS:
        R.docs += load_jsonl(reg)
    R.docs.sort(key=lambda d: d["id"])
    R.english = sorted(load_jsonl("aux-english"), key=lambda d: d["id"])
    R.code = sorted(load_jsonl("aux-code"), key=lambda d: d["id"])
    R.tables = sorted(load_jsonl("aux-tables"), key=lambda d: d["id"])
    R.pinyin = {}
    for l in load_lines(os.path.join(SRC, "pinyin.tsv.gz")):
        ch, py = l.split("\t")
        R.pinyin[ch] = py.split(",")[0]
    R.st_chars = {}
    for l in load_lines(os.path.join(SRC, "opencc/STCharacters.txt.gz")):
        k, v = l.split("\t")
        R.st_chars[k] = v.split(" ")
    R.st_phrases = {}
    for l in load_lines(os.path.join(SRC, "opencc/STPhrases.txt.gz")):
        k, v = l.split("\t")
        R.st_phrases[k] = v.split(" ")[0]
    R.max_phrase = max(len(k) for k in R.st_phrases)
    R.tw_phrases = []
    for l in load_lines(os.path.join(SRC, "opencc/TWPhrases.txt.gz")):
        k, v = l.split("\t")
        R.tw_phrases.append((k, v.split(" ")[0]))
    # character frequencies over all clean text (for random_chars)
    cnt = collections.Counter()
    for d in R.docs:
        cnt.update(HAN.findall(d["text"]))
    common = sorted(cnt.items(), key=lambda kv: (-kv[1], kv[0]))[:3500]
    R.freq_chars = [c for c, _ in common]
    R.freq_weights = [n for _, n in common]
    # title-like lines (headings) from all sources, for boilerplate / fragment
    titles = set()
    for d in R.docs:
        for line in d["text"].split("\n"):
            if 6 <= len(line) <= 30 and line[-1] not in SENT_END + "，；：" and HAN.search(line) \
                    and len(HAN.findall(line)) >= 4:
                titles.add(line)
    R.titles = sorted(titles)


# --------------------------------------------------------------------------
# Helpers
# --------------------------------------------------------------------------
def sentences(text):
    """Split into sentences keeping the final punctuation."""
    out = []
    for para in text.split("\n"):
        for s in re.findall(r"[^。！？!?]+[。！？!?]*[”」』）]?", para):
            if s.strip():
                out.append(s)
    return out


def take_len(text, n):
    """Prefix of about n characters, cut at a line or sentence boundary."""
    if len(text) <= n:
        return text
    cut = text[:n]
    for sep in ("\n", "。", "！", "？"):
        k = cut.rfind(sep)
        if k > n * 0.5:
            return cut[:k + 1].rstrip("\n")
    return cut


def target_len(rng, lo=30, hi=MAX_CHARS):
    return int(math.exp(rng.uniform(math.log(lo), math.log(hi))))


def han_ratio(s):
    ns = [c for c in s if not c.isspace()]
    return len(HAN.findall(s)) / max(1, len(ns))


def words(text):
    return [w for w in jieba.lcut(text) if len(w) >= 2 and HAN.match(w)]


def keywords(text, rng, k=5):
    ws = collections.Counter(words(text))
    top = [w for w, _ in sorted(ws.items(), key=lambda kv: (-kv[1], kv[0]))[:20]]
    if not top:
        top = ["资料", "下载"]
    rng.shuffle(top)
    return top[:k]


def s2t_proper(text):
    """OpenCC-style S->T: maximum forward matching with STPhrases, then the
    first candidate of STCharacters (dictionaries dumped from libopencc-data)."""
    out, i, n = [], 0, len(text)
    while i < n:
        for L in range(min(R.max_phrase, n - i), 1, -1):
            seg = text[i:i + L]
            if seg in R.st_phrases:
                out.append(R.st_phrases[seg])
                i += L
                break
        else:
            c = text[i]
            out.append(R.st_chars.get(c, [c])[0])
            i += 1
    return "".join(out)


# --------------------------------------------------------------------------
# Defect generators: each takes (doc, rng) and returns text or None
# --------------------------------------------------------------------------
MOJI_MODES = [("utf-8", "gbk"), ("utf-8", "gb18030"), ("utf-8", "big5"), ("utf-8", "latin-1"),
              ("utf-8", "cp1252"), ("utf-8", "shift_jis"), ("gbk", "utf-8"), ("big5", "utf-8"),
              ("big5", "gbk"), ("gbk", "big5"), ("gb18030", "utf-8")]


def codec_roundtrip(s, enc, dec):
    return s.encode(enc, errors="replace").decode(dec, errors="replace")


def gen_mojibake(doc, rng):
    text = take_len(doc["text"], target_len(rng, 40, 2500))
    enc, dec = rng.choice(MOJI_MODES)
    if doc["register"] in ("doc-hant", "hant-opencc") and rng.random() < 0.5:
        enc, dec = rng.choice([("big5", "gbk"), ("big5", "utf-8"), ("utf-8", "gbk")])
    if rng.random() < 0.4 and len(text) > 100:
        # partial: a contiguous span of >= 30% of the text
        n = len(text)
        span = int(n * rng.uniform(0.3, 0.8))
        start = rng.randint(0, n - span)
        bad = codec_roundtrip(text[start:start + span], enc, dec)
        out = text[:start] + bad + text[start + span:]
    else:
        out = codec_roundtrip(text, enc, dec)
    if out == text:
        return None
    return out[:MAX_CHARS]


SITE_NAMES = ["技术之家", "学习资料网", "软件下载站", "资讯中心", "开源社区网", "知识库", "AI资讯网", "站长之家"]
MENU_ITEMS = ["首页", "新闻", "资讯", "下载", "教程", "论坛", "专题", "视频", "图片", "软件", "游戏",
              "关于我们", "联系我们", "网站地图", "投稿", "排行榜", "标签", "会员中心", "帮助"]
FOOTER_LINES = ["版权所有 © {y1}-{y2} {site} 保留所有权利", "Copyright © {y2} {site}. All Rights Reserved.",
                "京ICP备{n}号-1", "粤ICP备{n}号", "本站资源来自互联网，仅供学习交流，如有侵权请联系删除",
                "免责声明：本站所有文章仅代表作者观点，不代表本站立场", "联系邮箱：admin@example.com",
                "赞助本站", "友情链接：{a} | {b} | {c}", "返回顶部", "意见反馈 | 广告合作 | 隐私政策 | 用户协议"]
WIDGETS = ["暂无评论", "发表评论", "登录后才能评论", "请先登录 | 注册", "还没有账号？立即注册",
           "分享到：微信 微博 QQ空间", "点赞 0 收藏 0", "阅读 {n}", "上一篇：{t}", "下一篇：{t}",
           "上一页", "下一页", "第 1 页 / 共 {p} 页", "热门标签：{tags}", "相关文章", "猜你喜欢", "热门推荐",
           "最新文章", "搜索", "扫码关注公众号", "本文地址：http://www.example.com/{n}.html"]


def gen_boilerplate(doc, rng):
    site = rng.choice(SITE_NAMES)
    kws = keywords(doc["text"], rng, 6)
    titles = rng.sample(R.titles, rng.randint(3, 12))
    lines = [site, " | ".join(rng.sample(MENU_ITEMS, rng.randint(5, 10))),
             "当前位置：" + " > ".join(["首页", rng.choice(MENU_ITEMS), kws[0], "正文"])]
    fmt = dict(y1=rng.randint(2003, 2015), y2=rng.randint(2016, 2024), site=site,
               n=rng.randint(10000000, 99999999), p=rng.randint(2, 60), t=rng.choice(titles),
               tags=" ".join(kws), a=rng.choice(SITE_NAMES), b=rng.choice(SITE_NAMES),
               c=rng.choice(SITE_NAMES))
    body = []
    for w in rng.sample(WIDGETS, rng.randint(4, 9)):
        body.append(w.format(**fmt))
    body.append(rng.choice(["相关文章", "猜你喜欢", "热门推荐", "最新文章"]))
    body += ["· " + t for t in titles]
    foot = [f.format(**fmt) for f in rng.sample(FOOTER_LINES, rng.randint(2, 5))]
    furniture = "\n".join(lines + body + foot)
    # a little real text: at most 30% of the page
    real_budget = int(len(furniture) * rng.uniform(0.05, 0.42))
    real = take_len(doc["text"], max(10, real_budget)) if real_budget > 10 else ""
    if len(real) > 0.42 * len(furniture):
        real = real[:int(0.42 * len(furniture))]
    parts = lines + ([real] if real else []) + body + foot
    return "\n".join(parts)[:MAX_CHARS]


CITIES = ["北京", "上海", "广州", "深圳", "天津", "重庆", "杭州", "南京", "武汉", "成都", "西安", "苏州",
          "郑州", "长沙", "青岛", "沈阳", "大连", "厦门", "宁波", "济南", "合肥", "福州", "昆明", "哈尔滨"]
SPAM_TEMPLATES = [
    "{k}_{k}下载_{k}官网_最新{k}{y}",
    "{k} {k} {k} {k2} {k2} {k}最新版 {k}免费下载",
    "【{k}】{k}哪家好？{k}多少钱？专业{k}，找我们！",
    "加微信：{wx} 咨询{k}，QQ：{qq}，电话：{tel}",
    "免费下载{k}破解版 绿色版 中文版 {y}最新版 无需注册 高速下载",
    "最新{y}{k}大全，{k}排行榜，{k}推荐，{k}教程，{k}视频",
    "{k}代理 {k}加盟 {k}批发 {k}厂家直销 量大从优 欢迎来电 {tel}",
    "点击进入>>>{k}官方网站<<< 立即领取{n}元红包",
    "{k}{k2}{k}{k2}{k}{k2}{k}{k2}",
    "百度{k} 谷歌{k} 360{k} 搜狗{k} 必应{k}",
    "{k}兼职日结，在家就能做，月入{n}不是梦，加V：{wx}",
]


def gen_seo_spam(doc, rng):
    kws = keywords(doc["text"], rng, 4)
    y = str(rng.choice([2021, 2022, 2023, 2024, 2025]))
    lines = []
    for _ in range(rng.randint(3, 25)):
        t = rng.choice(SPAM_TEMPLATES + ["CITY"])
        k, k2 = rng.choice(kws), rng.choice(kws)
        if t == "CITY":
            lines.append(" ".join(c + k for c in rng.sample(CITIES, rng.randint(6, 16))))
        else:
            lines.append(t.format(k=k, k2=k2, y=y, wx="wx" + str(rng.randint(100000, 999999)),
                                  qq=rng.randint(10000000, 999999999), n=rng.randint(88, 50000),
                                  tel="1" + str(rng.randint(3000000000, 9999999999))))
    sents = sentences(doc["text"])
    if sents:
        k = rng.randint(0, len(lines))
        lines.insert(k, "".join(sents[:rng.randint(1, 2)])[:200])
    return "\n".join(lines)[:MAX_CHARS]


def gen_repetition(doc, rng):
    sents = [s for s in sentences(doc["text"]) if len(s) >= 8] or [doc["text"][:40]]
    mode = rng.choice(["same_sentence", "paragraph_repeat", "phrase_loop", "cycle"])
    if mode == "same_sentence":
        s = rng.choice(sents)[:150]
        sep = rng.choice(["", "\n", " "])
        return sep.join([s] * rng.randint(10, 50))[:MAX_CHARS]
    if mode == "paragraph_repeat":
        paras = take_len(doc["text"], target_len(rng, 60, 1200)).split("\n")
        out = []
        for p in paras:
            out += [p] * rng.randint(3, 6)
        if len(paras) == 1:
            out = out * 2
        return "\n".join(out)[:MAX_CHARS]
    if mode == "phrase_loop":
        s = rng.choice(sents)
        prefix = take_len(doc["text"], rng.randint(0, 300)) if rng.random() < 0.6 else ""
        L = rng.randint(2, 10)
        st = rng.randint(0, max(0, len(s) - L))
        phrase = s[st:st + L]
        return (prefix + s[:st] + phrase * rng.randint(15, 80))[:MAX_CHARS]
    # cycle of 2-4 sentences many times (generation loop)
    k = rng.randint(2, 4)
    i = rng.randint(0, max(0, len(sents) - k))
    cyc = "".join(sents[i:i + k])[:300]
    return (cyc * rng.randint(5, 20))[:MAX_CHARS]


def split_final(s):
    m = re.match(r"^(.*?)([。！？!?，；：、”」』）\s]*)$", s, re.S)
    return m.group(1), m.group(2)


def gen_shuffled_words(doc, rng):
    text = take_len(doc["text"], target_len(rng, 30, 3000))
    across = rng.random() < 0.4
    paras = []
    pool = []
    structure = []
    for para in text.split("\n"):
        row = []
        for s in sentences(para):
            body, fin = split_final(s)
            ws = [w for w in jieba.lcut(body)]
            row.append((ws, fin))
            pool += ws
        structure.append(row)
    if across:
        rng.shuffle(pool)
    for row in structure:
        out = []
        for ws, fin in row:
            if across:
                n = len(ws)
                ws, pool = pool[:n], pool[n:]
            else:
                ws = ws[:]
                rng.shuffle(ws)
            out.append("".join(ws).strip() + fin)
        paras.append("".join(out))
    res = "\n".join(paras)
    return res if res != text else None


def gen_shuffled_chars(doc, rng):
    text = take_len(doc["text"], target_len(rng, 30, 3000))
    paras = []
    for para in text.split("\n"):
        out = []
        for s in sentences(para):
            body, fin = split_final(s)
            cs = list(body)
            rng.shuffle(cs)
            out.append("".join(cs) + fin)
        paras.append("".join(out))
    res = "\n".join(paras)
    return res if res != text else None


def gen_random_chars(doc, rng):
    n = max(30, min(len(doc["text"]), target_len(rng, 30, 3000)))
    local = HAN.findall(doc["text"]) or R.freq_chars
    out, since = [], 0
    gap = rng.randint(3, 20)
    for _ in range(n):
        if rng.random() < 0.5:
            out.append(rng.choices(R.freq_chars, R.freq_weights)[0])
        else:
            out.append(rng.choice(local))
        since += 1
        if since >= gap:
            out.append(rng.choice(PUNCT + "\n" if rng.random() < 0.1 else PUNCT))
            since, gap = 0, rng.randint(3, 20)
    return "".join(out).strip()


def gen_fragment(doc, rng):
    mode = rng.choice(["heading", "half_sentence", "title_list", "keywords", "truncated"])
    lines = doc["text"].split("\n")
    if mode == "heading":
        hs = [l for l in lines if len(l) <= 30 and l[-1] not in SENT_END] or [rng.choice(R.titles)]
        out = rng.choice(hs)
    elif mode == "half_sentence":
        s = rng.choice(sentences(doc["text"]) or [doc["text"]])
        body, _ = split_final(s)
        out = body[:max(4, int(len(body) * rng.uniform(0.3, 0.7)))][:59]
    elif mode == "title_list":
        own = [l for l in lines if 4 <= len(l) <= 30 and l[-1] not in SENT_END]
        pool = own + R.titles
        out = "\n".join(rng.sample(pool, min(len(pool), rng.randint(3, 10))))
    elif mode == "keywords":
        ws = keywords(doc["text"], rng, rng.randint(3, 10))
        out = rng.choice([" ", "、", " | ", "，", ","]).join(ws)
    else:
        t = doc["text"].replace("\n", "")
        k = rng.randint(8, min(59, len(t)))
        out = t[:k]
    out = out.rstrip()
    while out and out[-1] in SENT_END + "」”":
        out = out[:-1]
    return out if len(out) >= 4 else None


def pinyin_plain(py):
    import unicodedata
    return "".join(c for c in unicodedata.normalize("NFD", py) if not unicodedata.combining(c))


def gen_pinyin_glued(doc, rng):
    text = take_len(doc["text"], target_len(rng, 30, 3000))
    rate = rng.uniform(0.25, 1.0)
    style = rng.choice(["paren", "glued", "glued_plain", "word_paren"])
    out, n_han, n_py = [], 0, 0
    if style == "word_paren":
        for w in jieba.lcut(text):
            hans = HAN.findall(w)
            n_han += len(hans)
            if hans and all(c in R.pinyin for c in w) and rng.random() < rate:
                out.append(w + "(" + "".join(R.pinyin[c] for c in w) + ")")
                n_py += len(w)
            else:
                out.append(w)
    else:
        for c in text:
            out.append(c)
            if c in R.pinyin:
                n_han += 1
                if rng.random() < rate:
                    py = R.pinyin[c]
                    if style == "paren":
                        out.append("(" + py + ")")
                    elif style == "glued":
                        out.append(py)
                    else:
                        out.append(pinyin_plain(py))
                    n_py += 1
    if n_han == 0 or n_py / n_han < 0.2:
        return None
    return "".join(out)[:MAX_CHARS]


def is_simplified(doc):
    return doc["register"] in ("doc-hans", "short", "news", "classical") and \
        s2t_proper(doc["text"][:400]) != doc["text"][:400]


def gen_broken_conversion(doc, rng):
    if not is_simplified(doc):
        return None
    text = take_len(doc["text"], target_len(rng, 40, 3000))
    proper = s2t_proper(text)
    out = []
    for c in text:
        cands = R.st_chars.get(c)
        if cands and len(cands) > 1:
            out.append(rng.choice(cands[1:]) if rng.random() < 0.75 else cands[0])
        elif cands:
            out.append(cands[0])
        else:
            out.append(c)
    res = "".join(out)
    # phrase over-conversion: naive TWPhrases replacement ignoring word
    # boundaries (the 領網域 / 硬體 kind of artefact)
    if rng.random() < 0.7:
        hits = [(k, v) for k, v in R.tw_phrases if k in res]
        for k, v in hits[:rng.randint(1, 8)]:
            res = res.replace(k, v)
    wrong = sum(1 for a, b in zip(res, proper) if a != b)
    if len(res) == len(proper) and wrong < 2:
        return None
    if res == proper:
        return None
    return res[:MAX_CHARS]


def gen_half_converted(doc, rng):
    if not is_simplified(doc):
        return None
    text = take_len(doc["text"], target_len(rng, 40, 3000))
    frac = rng.uniform(0.3, 0.7)
    paras = text.split("\n")
    if len(paras) >= 4 and rng.random() < 0.5:
        idx = set(rng.sample(range(len(paras)), max(1, round(len(paras) * frac))))
        res = "\n".join(s2t_proper(p) if i in idx else p for i, p in enumerate(paras))
    else:
        # word level: scripts mixed inside sentences
        res = "".join(s2t_proper(w) if rng.random() < frac else w for w in jieba.lcut(text))
    changed = sum(1 for a, b in zip(res, text) if a != b)
    full = sum(1 for a, b in zip(s2t_proper(text), text) if a != b)
    if full < 3 or changed < 0.2 * full or changed > 0.85 * full:
        return None
    return res


def mix_foreign(doc, rng, foreign):
    """Foreign block (English/code/table) with a little Chinese (<= ~25%)."""
    zh_budget = int(len(foreign) * rng.uniform(0.03, 0.3))
    zh = take_len(doc["text"], max(8, zh_budget))[:max(8, zh_budget)]
    parts = foreign.split("\n")
    k = rng.randint(0, len(parts))
    if rng.random() < 0.5:
        parts.insert(k, zh)
    else:
        # Chinese as a title and a short caption line
        parts = [zh[:30]] + parts + ([zh[30:]] if len(zh) > 30 else [])
    return "\n".join(parts)[:MAX_CHARS]


def foreign_len(rng):
    return target_len(rng, 60, 3500)


def gen_mostly_english(doc, rng):
    src = rng.choice(R.english)["text"]
    return mix_foreign(doc, rng, take_len(src, foreign_len(rng)))


def gen_mostly_code(doc, rng):
    src = rng.choice(R.code)["text"]
    lines = src.split("\n")
    st = rng.randint(0, max(0, len(lines) - 5))
    block = "\n".join(lines[st:st + rng.randint(4, 80)])
    if rng.random() < 0.4:
        # Chinese in a code comment
        cm = "# " if rng.random() < 0.5 else "// "
        zh = take_len(doc["text"], rng.randint(10, 60)).split("\n")[0]
        return (cm + zh + "\n" + block)[:MAX_CHARS]
    return mix_foreign(doc, rng, block)


def generated_table(doc, rng):
    kws = keywords(doc["text"], rng, 4)
    ncol = rng.randint(3, 7)
    nrow = rng.randint(3, 60)
    header = [rng.choice(["ID", "No.", "日期", "date", "value", "count", "min", "max", "avg", "%"])
              for _ in range(ncol)]
    if kws and rng.random() < 0.7:
        header[0] = kws[0]
    style = rng.choice(["csv", "ascii", "tsv"])
    rows = []
    for i in range(nrow):
        row = []
        for j in range(ncol):
            r = rng.random()
            if j == 0:
                row.append(str(i + 1))
            elif r < 0.3:
                row.append(f"{rng.uniform(0, 1000):.2f}")
            elif r < 0.6:
                row.append(str(rng.randint(0, 100000)))
            elif r < 0.8:
                row.append(f"{rng.randint(2000, 2024)}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}")
            else:
                row.append(f"{rng.uniform(0, 100):.1f}%")
        rows.append(row)
    if style == "csv":
        return "\n".join(",".join(r) for r in [header] + rows)
    if style == "tsv":
        return "\n".join("\t".join(r) for r in [header] + rows)
    w = [max(len(r[j]) for r in [header] + rows) for j in range(ncol)]
    sep = "+" + "+".join("-" * (x + 2) for x in w) + "+"
    fmt = lambda r: "| " + " | ".join(c.ljust(w[j]) for j, c in enumerate(r)) + " |"  # noqa: E731
    return "\n".join([sep, fmt(header), sep] + [fmt(r) for r in rows] + [sep])


def gen_mostly_table(doc, rng):
    if rng.random() < 0.4 and R.tables:
        src = rng.choice(R.tables)["text"].split("\n")
        block = "\n".join(src[:rng.randint(4, 60)])
    else:
        block = generated_table(doc, rng)
    return mix_foreign(doc, rng, block)


GENERATORS = {k: globals()["gen_" + k] for k in DEFECTS}


# --------------------------------------------------------------------------
# Split
# --------------------------------------------------------------------------
def split_key(doc):
    """Key that keeps parallel translations / parts of one source together."""
    src = doc["source"].split(":opencc")[0]
    parent = doc["parent"]
    pkg = src.split(":")[0]
    if src in TEST_SOURCES or pkg in ("debmake-doc", "gnome-user-docs"):
        return "pkg:" + pkg
    if pkg == "manpages-zh" or pkg == "debian-handbook":
        page = parent.split("/", 1)[1].split("#")[0]
        page = re.sub(r"\.gz$", "", page)
        return pkg + "/" + page
    if pkg == "zhlipsum":
        return parent.split("#")[0] + "#" + str(int(parent.split("#")[1]) // 2)
    return parent.split("#")[0]


def split_of(doc):
    src = doc["source"].split(":opencc")[0]
    if src in TEST_SOURCES or src.split(":")[0] in ("debmake-doc", "gnome-user-docs"):
        return "test"
    key = split_key(doc)
    return "test" if (h("split:" + key) % 1000) < HASH_TEST_FRACTION * 1000 else "train"


# --------------------------------------------------------------------------
def main():
    load_resources()
    rows = []
    texts = set()
    for d in R.docs:
        if d["text"] in texts:  # same paragraph in two places / identical conversion
            continue
        texts.add(d["text"])
        rows.append({"id": "good/" + d["id"], "text": d["text"], "label": "good", "defect": "clean",
                     "register": d["register"], "source": d["source"], "group": d["parent"],
                     "split": split_of(d)})
    by_reg = collections.defaultdict(list)
    for d in R.docs:
        by_reg[d["register"]].append(d)
    # base documents for bad rows: balanced over registers
    for kind in DEFECTS:
        rng = rng_for("kind", kind)
        made, tries = 0, 0
        seen = set()
        while made < PER_DEFECT and tries < PER_DEFECT * 20:
            tries += 1
            reg = rng.choice(GOOD_REGISTERS + ["doc-hans", "doc-hant", "short"])
            d = rng.choice(by_reg[reg])
            if d["id"] in seen:
                continue
            drng = rng_for(kind, d["id"])
            text = GENERATORS[kind](d, drng)
            if not text or len(text.strip()) < 2:
                continue
            text = text.replace("\r", "")
            if text in texts:
                continue
            texts.add(text)
            seen.add(d["id"])
            rows.append({"id": f"{kind}/{d['id']}", "text": text, "label": "bad", "defect": kind,
                         "register": d["register"], "source": d["source"], "group": d["parent"],
                         "split": split_of(d)})
            made += 1
        print(f"{kind}: {made} rows ({tries} tries)", file=sys.stderr)
    rows.sort(key=lambda r: (r["split"], h("order:" + r["id"])))
    ids = [r["id"] for r in rows]
    assert len(ids) == len(set(ids)), "duplicate ids"
    # group -> split must be unique
    gs = collections.defaultdict(set)
    for r in rows:
        gs[r["group"]].add(r["split"])
    assert all(len(v) == 1 for v in gs.values()), "group in both splits"
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", mtime=0, filename="") as g:
        for r in rows:
            g.write((json.dumps({k: r[k] for k in ("id", "text", "label", "defect", "register",
                                                    "source", "group", "split")},
                                ensure_ascii=False) + "\n").encode("utf-8"))
    with open(OUT, "wb") as f:
        f.write(buf.getvalue())
    write_stats(rows)


def table(title, rows, rkey, ckeys_fn):
    cols = ["train", "test"]
    cnt = collections.Counter((rkey(r), r["split"]) for r in rows)
    keys = sorted({rkey(r) for r in rows})
    out = [f"### {title}", "", "| " + " | ".join([title.split(" by ")[0]] + cols + ["total", "test %"]) + " |",
           "|" + "---|" * (len(cols) + 3)]
    for k in keys:
        a, b = cnt[(k, "train")], cnt[(k, "test")]
        out.append(f"| {k} | {a} | {b} | {a + b} | {100 * b / max(1, a + b):.0f} |")
    a = sum(1 for r in rows if r["split"] == "train")
    b = len(rows) - a
    out.append(f"| **all** | {a} | {b} | {a + b} | {100 * b / max(1, a + b):.0f} |")
    return "\n".join(out) + "\n"


def write_stats(rows):
    lens = sorted(len(r["text"]) for r in rows)
    md = ["# Quality dataset statistics (generated by build_dataset.py)", "",
          f"rows: {len(rows)}; groups: {len({r['group'] for r in rows})}; "
          f"text length min/median/max: {lens[0]}/{lens[len(lens) // 2]}/{lens[-1]}; "
          f"file: quality.jsonl.gz, sha256 {hashlib.sha256(open(OUT, 'rb').read()).hexdigest()}", "",
          table("label/defect by split", rows, lambda r: f"{r['label']}/{r['defect']}", None),
          table("register by split", rows, lambda r: r["register"], None),
          table("register (good rows only) by split", [r for r in rows if r["label"] == "good"],
                lambda r: r["register"], None),
          table("source by split", rows, lambda r: r["source"].split(":opencc")[0], None)]
    s = "\n".join(md)
    with open(STATS, "w", encoding="utf-8") as f:
        f.write(s)
    print(s)


if __name__ == "__main__":
    main()
