#!/usr/bin/env bash
# Trains the bundled character LM, src/CorpusQA.Core/Data/lm.bin (see docs/lm.md), from clean text in the repo:
# the label == "good", split == "train" rows of corpora/quality/quality.jsonl.gz whose source-document group falls in
# the LM half (first byte of SHA-1(group) even; the other half is the reference set tools/rules/derive_default_rules.sh
# calibrates the default rules on, so that the perplexities it sees are those of text the LM never saw; the test
# split is held out for evaluation) and the seed article corpora/seeds/raw/000_42aa6c5b11485348.txt. Deterministic: two runs give the
# same bytes (the rows keep their file order; the model has no timestamp).
#   tools/lm/train_default.sh [OUT]     (default: src/CorpusQA.Core/Data/lm.bin)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
out=${1:-$root/src/CorpusQA.Core/Data/lm.bin}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
/usr/bin/python3 - "$root/corpora/quality/quality.jsonl.gz" "$tmp/good-train.jsonl" <<'PY'
import gzip, hashlib, json, sys
with gzip.open(sys.argv[1], "rt", encoding="utf-8") as rows, open(sys.argv[2], "w", encoding="utf-8") as out:
    for line in rows:
        row = json.loads(line)
        lm_half = hashlib.sha1(row["group"].encode("utf-8")).digest()[0] % 2 == 0
        if row["label"] == "good" and row["split"] == "train" and lm_half:
            out.write(json.dumps({"id": row["id"], "text": row["text"]}, ensure_ascii=False) + "\n")
PY
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q >&2
dotnet "$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll" lm train \
  "$tmp/good-train.jsonl" "$root/corpora/seeds/raw/000_42aa6c5b11485348.txt" \
  --order "${LM_ORDER:-5}" --prune-from-order "${LM_PRUNE_FROM_ORDER:-3}" --prune-min-count "${LM_PRUNE_MIN_COUNT:-3}" --threads 1 --out "$out"
sha256sum "$out" >&2
