#!/usr/bin/env python3
"""Writes the train-split document sets the rule tools calibrate and fit on, from corpora/quality/quality.jsonl.gz
(the test split is never read):
  OUT/quality-clean-reference.jsonl   good train rows whose source-document group is NOT in the language model's half
                                      (first byte of SHA-1(group) odd), with "package" (the source package: the group
                                      of the leave-one-source-out check)
  OUT/quality-defective-train.jsonl   bad train rows (14 generated defect kinds)
  OUT/quality-shuffled-train.jsonl    bad train rows of the kinds shuffled_words, shuffled_chars, random_chars
    train_sets.py QUALITY.jsonl.gz OUT
"""
import gzip
import hashlib
import json
import sys

SHUFFLED = ("shuffled_words", "shuffled_chars", "random_chars")


def main():
    src, out = sys.argv[1], sys.argv[2]
    with gzip.open(src, "rt", encoding="utf-8") as rows, \
            open(out + "/quality-clean-reference.jsonl", "w", encoding="utf-8") as ref, \
            open(out + "/quality-defective-train.jsonl", "w", encoding="utf-8") as bad, \
            open(out + "/quality-shuffled-train.jsonl", "w", encoding="utf-8") as shuffled:
        for line in rows:
            row = json.loads(line)
            if row["split"] != "train":
                continue
            lm_half = hashlib.sha1(row["group"].encode("utf-8")).digest()[0] % 2 == 0
            doc = {"id": row["id"], "text": row["text"]}
            if row["label"] == "good" and not lm_half:
                ref.write(json.dumps(dict(doc, package=row["source"].split(":")[0]), ensure_ascii=False) + "\n")
            elif row["label"] == "bad":
                bad.write(json.dumps(doc, ensure_ascii=False) + "\n")
                if row["defect"] in SHUFFLED:
                    shuffled.write(json.dumps(doc, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
