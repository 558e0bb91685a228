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
/usr/bin/python3 "$root/tools/rules/train_sets.py" "$root/corpora/quality/quality.jsonl.gz" "$tmp"
dotnet build "$root/benchmarks/CorpusQA.Benchmarks" -c Release -v q -nologo >&2
dotnet "$root/benchmarks/CorpusQA.Benchmarks/bin/Release/net10.0/CorpusQA.Benchmarks.dll" word-order-priors \
  --ordered "$tmp/quality-clean-reference.jsonl" --shuffled "$tmp/quality-shuffled-train.jsonl"
