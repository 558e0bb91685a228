#!/usr/bin/env bash
# Fits the priors of the word-order likelihood ratio (WordOrderTest.OrderedMean/OrderedVariance/ShuffledMean/
# ShuffledVariance, the signal char_lm_word_order_llr) on the train split of corpora/quality/quality.jsonl.gz:
# fluent = the clean reference documents of tools/rules/derive_default_rules.sh (train, good, not in the LM's half),
# shuffled = the train documents with defect shuffled_words, shuffled_chars or random_chars. Prints one JSON line;
# the constants in src/CorpusQA.Core/LanguageModel/WordOrderTest.cs are these values rounded. The test split is not read.
#   tools/rules/fit_word_order_priors.sh
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$root/corpora/quality/quality.jsonl.gz" "$tmp" <<'PY'
import gzip, hashlib, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as rows, \
        open(sys.argv[2] + "/ordered.jsonl", "w", encoding="utf-8") as ordered, \
        open(sys.argv[2] + "/shuffled.jsonl", "w", encoding="utf-8") as shuffled:
    for line in rows:
        row = json.loads(line)
        if row["split"] != "train":
            continue
        lm_half = hashlib.sha1(row["group"].encode("utf-8")).digest()[0] % 2 == 0
        out = json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) + "\n"
        if row["label"] == "good" and not lm_half:
            ordered.write(out)
        elif row["defect"] in ("shuffled_words", "shuffled_chars", "random_chars"):
            shuffled.write(out)
PY
dotnet build "$root/benchmarks/CorpusQA.Benchmarks" -c Release -v q -nologo >&2
dotnet "$root/benchmarks/CorpusQA.Benchmarks/bin/Release/net10.0/CorpusQA.Benchmarks.dll" word-order-priors \
  --ordered "$tmp/ordered.jsonl" --shuffled "$tmp/shuffled.jsonl"
