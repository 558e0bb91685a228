#!/usr/bin/env bash
# MinHash signature throughput, single thread, char 5-grams, 128 permutations: CorpusQA with SIMD, CorpusQA with
# hardware intrinsics off (scalar paths), and datasketch 1.10's algorithm (numpy re-implementation: datasketch is
# on PyPI only, which this machine cannot reach) on the same corpus in one run.
#   benchmarks/peers/run_minhash.sh [CORPUS.jsonl]       (needs Debian's python3-numpy)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/corpora/build/bench-zh.jsonl}
if [ ! -f "$corpus" ]; then mkdir -p "$root/corpora/build"; (cd "$root/corpora/build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2); fi
dotnet build "$root/benchmarks/CorpusQA.Benchmarks" -c Release -v q >&2
ours="$root/benchmarks/CorpusQA.Benchmarks/bin/Release/net10.0/CorpusQA.Benchmarks"
out="$root/benchmarks/results/minhash-$(date -u +%Y%m%dT%H%M%S).jsonl"
{
  # Full JIT from the start, as the corpusqa CLI runs (its runtimeconfig disables tiered compilation).
  DOTNET_TieredCompilation=0 "$ours" minhash-throughput "$corpus" --reps 5
  DOTNET_TieredCompilation=0 DOTNET_EnableHWIntrinsic=0 "$ours" minhash-throughput "$corpus" --reps 5
  /usr/bin/python3 "$root/benchmarks/peers/minhash_datasketch_equiv.py" "$corpus" --reps 1
} | tee "$out"
/usr/bin/python3 - "$out" <<'PY'
import json, sys
rows = [json.loads(l) for l in open(sys.argv[1]) if l.startswith("{")]
base = next(r for r in rows if r["peer"].startswith("datasketch"))
print("| implementation | MB/s | docs/s | × datasketch-equivalent | × datasketch 1.10 as measured in ../shared/peers (2.32 MB/s) |")
print("|---|---:|---:|---:|---:|")
for r in rows:
    name = r["peer"] + (f" ({r['kernel']})" if "kernel" in r else "")
    print(f"| {name} | {r['mb_per_s']:.2f} | {r['docs_per_s']:.0f} | {r['mb_per_s'] / base['mb_per_s']:.1f}× | {r['mb_per_s'] / 2.32:.1f}× |")
PY
