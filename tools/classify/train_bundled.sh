#!/usr/bin/env bash
# Rebuilds the bundled models byte for byte from the labelled data in corpora/ (train splits only), then
# evaluates each on its held-out test split (split by source document; see corpora/*/README.md):
#   src/CorpusQA.Classify/Models/quality.zip   good/bad, from corpora/quality/quality.jsonl.gz
#   src/CorpusQA.Classify/Models/script.zip    zh-Hans/zh-Hant/ja/en/mixed/other, from corpora/script/script.jsonl.gz
# The metrics it prints are the ones docs/classify.md quotes. The quality model leaves out the perplexity signals:
# the bundled language model is trained on good train rows of this very corpus (half of them), so their
# perplexities are lower than on any unseen text and would teach the model a false cue. Its threshold keeps 99% of the
# clean train documents out of fold (--threshold-keep 0.99): the audit applies it after rules that already drop
# most defects, so the model's budget on clean text is set like a rule's, not for balanced accuracy alone.
# The quality model trains on the train rows plus one layout variant of about half of them (blank lines between
# lines, hard wrapping at 56-80 columns, or blank lines removed; tools/classify/layout_augment.py), written to
# corpora/build/quality-train-layout.jsonl: in the labelled corpus no clean document has a blank line and most
# code pages do, so without the variants the model read paragraph breaks as a defect (docs/classify.md).
# Usage: tools/classify/train_bundled.sh [--eval-only]
set -euo pipefail
cd "$(dirname "$0")/../.."
models=src/CorpusQA.Classify/Models
bin=$(mktemp -d)
trap 'rm -rf "$bin"' EXIT
# The tool is built without the bundled models it is about to replace (they are not needed to train).
dotnet build src/CorpusQA.Cli -c Release -o "$bin" -p:BundledModels=false -nologo -v q >/dev/null
cq() { DOTNET_TieredCompilation=0 "$bin/corpusqa" "$@"; }

if [ "${1:-}" != "--eval-only" ]; then
  mkdir -p "$models"
  mkdir -p corpora/build
  /usr/bin/python3 tools/classify/layout_augment.py corpora/quality/quality.jsonl.gz corpora/build/quality-train-layout.jsonl
  cq train corpora/build/quality-train-layout.jsonl --where split=train --label-field label --positive good \
    --hash-bits 16 --exclude-signals perplexity --group-field group --breakdown-field defect --folds 5 --seed 1 \
    --threshold-keep 0.99 --out "$models/quality.zip"
  cq train corpora/script/script.jsonl.gz --where split=train --label-field label --task multiclass \
    --word-ngrams 0 --char-ngrams 1-3 --hash-bits 16 --signals script --group-field group --breakdown-field snippet \
    --folds 5 --seed 1 --out "$models/script.zip"
fi
sha256sum "$models"/*.zip
echo "== quality model on the held-out test split, per defect and per register"
cq eval corpora/quality/quality.jsonl.gz --where split=test --model "$models/quality.zip" --group-field defect
cq eval corpora/quality/quality.jsonl.gz --where split=test --model "$models/quality.zip" --group-field register | sed -n '/group /,$p'
echo "== script model on the held-out test split, snippets (<= 30 characters) apart, per hard case"
cq eval corpora/script/script.jsonl.gz --where split=test --model "$models/script.zip" --group-field snippet
cq eval corpora/script/script.jsonl.gz --where split=test --model "$models/script.zip" --group-field case | sed -n '/group /,$p'
