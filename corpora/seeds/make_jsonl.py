#!/usr/bin/env python3
"""Rebuild seeds.jsonl from raw/*.txt (one document per file, id = file stem)."""
import glob
import json
import os

here = os.path.dirname(os.path.abspath(__file__))
with open(os.path.join(here, "seeds.jsonl"), "w", encoding="utf-8") as out:
    for path in sorted(glob.glob(os.path.join(here, "raw", "*.txt"))):
        with open(path, encoding="utf-8") as f:
            text = f.read()
        out.write(json.dumps({"id": os.path.basename(path)[:-4], "text": text}, ensure_ascii=False) + "\n")
