"""Dictionary-API scenarios replayed by the C# tests (see make_golden.py).

Each scenario starts from a fresh jieba.Tokenizer on the default dictionary and
runs its steps in order; run_all() fills in jieba's result for every step.
Python keeps finalseg.Force_Split_Words module-global, so it is cleared before
each scenario to make scenarios independent (the C# segmenter keeps it per
instance).
"""
import io
import json
import os
import tempfile

import jieba
import jieba.finalseg

PROBES = [
    "李小福是创新办主任也是云计算方面的专家; 什么是八一双鹿",
    "例如我输入一个带“韩玉赏鉴”的标题，在自定义词库中也增加了此词为N类",
    "「台中」正確應該不會被切開。mac上可分出「石墨烯」；此時又可以分出來凱特琳了。",
    "如果放到post中将出错。",
    "我们中出了一个叛徒",
    "江州市长江大桥参加了长江大桥的通车仪式",
    "小明硕士毕业于中国科学院计算所，后在日本京都大学深造",
    "easy_install is great 我爱北京天安门 abc123 4.5% C++ AT&T 的 B超",
    "abQQc xQQQy 中QQ文",
    "emoji😀測試 𠀀字 tab\there\r\nnew\u3000line\u00a0nbsp\u2028end",
]
MODES = ["accurate", "accurate_no_hmm", "full", "search"]

USERDICT = (
    "\ufeff云计算 5\n"
    "李小福 2 nr\n"
    "创新办 3 i\n"
    "easy_install 3 eng\n"
    "好用 300\n"
    "韩玉赏鉴 3 nz\n"
    "八一双鹿 3 nz\n"
    "台中\n"
    "凱特琳 nz\n"
    "Edu Trust认证 2000\n"
    "  \n"
    "石墨烯 v 12\n"
    "a b c\n"
    "post中 7 x\n"
)

SCENARIOS = [
    {"name": "load_userdict_file", "steps": [{"op": "load_userdict", "content": USERDICT}, {"op": "cut_seeds"}]},
    {"name": "load_userdict_text", "steps": [{"op": "load_userdict_text", "content": USERDICT}]},
    {"name": "add_and_delete", "steps": [
        {"op": "add_word", "word": "石墨烯"},
        {"op": "add_word", "word": "凱特琳", "freq": 10, "tag": "nz"},
        {"op": "add_word", "word": "韩玉赏鉴", "freq": 0},
        {"op": "del_word", "word": "自定义"},
        {"op": "del_word", "word": "长江大桥"},
        {"op": "add_word", "word": "中将", "freq": 0},
        {"op": "add_word", "word": "叛徒们之中"},
        {"op": "add_word", "word": "生成式AI", "freq": 500},
        {"op": "del_word", "word": "融资"},
        {"op": "add_word", "word": "风险投资的低潮"},
        {"op": "cut_seeds"},
    ]},
    {"name": "glued_letters", "steps": [
        {"op": "add_word", "word": "QQ", "freq": 50},
        {"op": "add_word", "word": "Q", "freq": 50},
    ]},
    {"name": "suggest_freq", "steps": [
        {"op": "suggest_freq", "segment": "台中", "tune": False},
        {"op": "suggest_freq", "segment": ["中", "将"], "tune": False},
        {"op": "suggest_freq", "segment": ["中", "将"], "tune": True},
        {"op": "suggest_freq", "segment": "台中", "tune": True},
        {"op": "suggest_freq", "segment": ["中", "出"], "tune": True},
        {"op": "suggest_freq", "segment": "石墨烯", "tune": True},
        {"op": "suggest_freq", "segment": "江州市长", "tune": False},
        {"op": "suggest_freq", "segment": ["江州", "市长"], "tune": True},
        {"op": "suggest_freq", "segment": "a b😀", "tune": False},
    ]},
]


def probe_steps(tk):
    out = []
    for text in PROBES:
        for mode in MODES:
            if mode == "accurate":
                r = tk.lcut(text, HMM=True)
            elif mode == "accurate_no_hmm":
                r = tk.lcut(text, HMM=False)
            elif mode == "full":
                r = [t for t in tk.lcut(text, cut_all=True) if t != ""]
            else:
                r = tk.lcut_for_search(text, HMM=True)
            out.append({"op": "cut", "text": text, "mode": mode, "expect": r})
        for mode in ("default", "search"):
            toks = list(tk.tokenize(text, mode=mode, HMM=True))
            out.append({"op": "tokenize", "text": text, "mode": mode,
                        "expect": [[w, u16(text[:s]), u16(text[:e])] for w, s, e in toks]})
    return out


def u16(s):
    return len(s.encode("utf-16-le")) // 2


def seed_texts():
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "corpora", "seeds", "seeds.jsonl")
    with open(path, encoding="utf-8") as f:
        return [json.loads(l)["text"] for l in f if l.strip()]


def run_step(tk, step):
    op = step["op"]
    if op == "load_userdict":
        fd, path = tempfile.mkstemp(suffix=".txt")
        with os.fdopen(fd, "wb") as f:
            f.write(step["content"].encode("utf-8"))
        try:
            tk.load_userdict(path)
        finally:
            os.remove(path)
    elif op == "load_userdict_text":
        tk.load_userdict(io.StringIO(step["content"]))
    elif op == "cut_seeds":
        # Whole articles after the changes, as token lengths (the tokens tile the text).
        step["expect"] = [{mode: [u16(t) for t in tk.lcut(text, HMM=hmm)]
                           for mode, hmm in (("accurate", True), ("accurate_no_hmm", False))}
                          for text in seed_texts()]
    elif op == "add_word":
        tk.add_word(step["word"], step.get("freq"), step.get("tag"))
    elif op == "del_word":
        tk.del_word(step["word"])
    elif op == "suggest_freq":
        seg = step["segment"]
        step["expect"] = tk.suggest_freq(seg if isinstance(seg, str) else tuple(seg), step["tune"])
    step["total_after"] = tk.total


def run_all():
    out = []
    for sc in SCENARIOS:
        jieba.finalseg.Force_Split_Words.clear()
        tk = jieba.Tokenizer()
        tk.initialize()
        steps = [dict(s) for s in sc["steps"]]
        for s in steps:
            run_step(tk, s)
        words = sorted({s.get("word") or (s["segment"] if isinstance(s.get("segment"), str) else "".join(s.get("segment", [])))
                        for s in steps if not s["op"].startswith("load_userdict")} |
                       ({l.split(" ")[0].lstrip("\ufeff") for l in USERDICT.splitlines() if l.strip()}
                        if sc["name"].startswith("load_userdict") else set()) |
                       ({"\ufeff云计算"} if sc["name"] == "load_userdict_text" else set()))
        freqs = {w: tk.FREQ.get(w) for w in words if w}
        out.append({"name": sc["name"], "steps": steps + probe_steps(tk),
                    "freq_after": freqs, "total_after": tk.total})
    jieba.finalseg.Force_Split_Words.clear()
    return out
