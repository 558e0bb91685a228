#!/usr/bin/env bash
# Segmentation throughput of CorpusQA side by side with Python jieba 0.42.1 and jieba-rs (@node-rs/jieba), on the
# same corpus, in one run, single thread; prints a Markdown table of MB/s and ratios.
#   benchmarks/peers/run_segmenter.sh [CORPUS.jsonl] [REPS]
# Default corpus: corpora/build/bench-zh.jsonl (built from Debian packages by corpora/debian-docs/make_corpus.py).
# Needs ../shared/peers (peer scripts), Debian's python3-jieba, node + npm. Results: benchmarks/results/.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
shared=${CORPUSQA_SHARED:-$root/../shared}
corpus=${1:-$root/corpora/build/bench-zh.jsonl}
reps=${2:-3}
if [ ! -f "$corpus" ]; then
  mkdir -p "$root/corpora/build"
  (cd "$root/corpora/build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2)
fi
work=$root/benchmarks/.peers
mkdir -p "$work" "$root/benchmarks/results"
cp -r "$shared/peers/." "$work/"
if [ ! -d "$work/node/node_modules" ]; then (cd "$work/node" && npm_config_yes=true npm install --no-audit --no-fund >&2); fi
dotnet build "$root/benchmarks/CorpusQA.Benchmarks" -c Release -v q >&2
ours="$root/benchmarks/CorpusQA.Benchmarks/bin/Release/net10.0/CorpusQA.Benchmarks"
# Full JIT from the start, as the corpusqa CLI runs (its runtimeconfig disables tiered compilation).
export DOTNET_TieredCompilation=0
out="$root/benchmarks/results/segment-$(date -u +%Y%m%dT%H%M%S).jsonl"
{
  for mode in accurate all search; do
    "$ours" segment-throughput "$corpus" --mode "$mode" --reps "$reps"
    node "$work/seg_jieba_rs.mjs" "$corpus" --mode "$mode" --reps "$reps"
    /usr/bin/python3 "$work/seg_jieba_py.py" "$corpus" --mode "$mode" --reps 1
  done
  "$ours" segment-throughput "$corpus" --mode accurate --no-hmm --reps "$reps"
  node "$work/seg_jieba_rs.mjs" "$corpus" --mode accurate --no-hmm --reps "$reps"
  /usr/bin/python3 "$work/seg_jieba_py.py" "$corpus" --mode accurate --no-hmm --reps 1
} | tee "$out" >&2
/usr/bin/python3 "$root/benchmarks/peers/ratios.py" "$out"
