#!/usr/bin/env python3
"""Clean short texts from a source no CorpusQA data uses: Debian's translated package descriptions (DDTP,
Translation-zh_CN and Translation-zh_TW of bookworm main), one document per distinct description: the short
description as a title line, then the long description as Debian ships it (hard-wrapped at about 80 columns,
paragraphs separated by blank lines). Writes five layouts of the same documents, so a layout effect shows:
  ddtp.jsonl            as shipped (wrapped, blank lines between paragraphs)
  ddtp-noblank.jsonl    wrapped, no blank lines
  ddtp-unwrapped.jsonl  each paragraph on one line, no blank lines (the labelled corpus's own layout)
  ddtp-indented.jsonl   unwrapped, every line indented by 4 spaces
  ddtp-trailing.jsonl   unwrapped, every line ending in 3 spaces
    ddtp_docs.py TRANSLATION_ZH_CN TRANSLATION_ZH_TW OUTDIR     (decompressed Translation files)
"""
import json
import os
import re
import sys


def documents(path, lang):
    for record in open(path, encoding="utf-8").read().split("\n\n"):
        package = re.search(r"^Package: (.+)$", record, re.M)
        md5 = re.search(r"^Description-md5: (.+)$", record, re.M)
        head = re.search(r"^Description-" + lang + r": (.*)$", record, re.M)
        if not (package and md5 and head):
            continue
        body = []
        for line in record[head.end():].split("\n"):
            if line.startswith(" "):
                body.append("" if line.strip() == "." else line[1:])
        yield md5.group(1), f"{lang}/{package.group(1)}", (head.group(1) + "\n" + "\n".join(body)).strip()


def unwrap(text):
    lines = text.split("\n")
    paragraphs, current = [lines[0]], ""
    for line in lines[1:] + [""]:
        if not line.strip():
            if current:
                paragraphs.append(current)
            current = ""
        elif current and current[-1].isascii() and line[0].isascii():
            current += " " + line
        else:
            current += line
    return "\n".join(paragraphs)


def main():
    cn, tw, out = sys.argv[1], sys.argv[2], sys.argv[3]
    os.makedirs(out, exist_ok=True)
    seen, docs = set(), []
    for path, lang in ((cn, "zh_CN"), (tw, "zh_TW")):
        for md5, doc_id, text in documents(path, lang):
            if md5 not in seen:
                seen.add(md5)
                docs.append((doc_id, text))
    layouts = {
        "ddtp.jsonl": lambda t: t,
        "ddtp-noblank.jsonl": lambda t: "\n".join(l for l in t.split("\n") if l.strip()),
        "ddtp-unwrapped.jsonl": unwrap,
        "ddtp-indented.jsonl": lambda t: "\n".join("    " + l for l in unwrap(t).split("\n")),
        "ddtp-trailing.jsonl": lambda t: "\n".join(l + "   " for l in unwrap(t).split("\n")),
    }
    for name, layout in layouts.items():
        with open(os.path.join(out, name), "w", encoding="utf-8", newline="\n") as f:
            for doc_id, text in docs:
                f.write(json.dumps({"id": doc_id, "text": layout(text)}, ensure_ascii=False) + "\n")
    print(f"ddtp_docs.py: {len(docs)} distinct descriptions -> {out}", file=sys.stderr)


if __name__ == "__main__":
    main()
