#!/usr/bin/env bash
# What the learned scores (issue 7) cost end to end, in one run on the same corpus:
#   - the full default audit (all signals, rules, dedup, signals.parquet, quality + script models) against
#     `audit --no-model` at 1 thread, REPS times alternately (MB/s per core);
#   - `corpusqa score` (analyze + signals + both models, scores.parquet) at SCORE_MB sizes, all cores, with peak
#     RSS: scoring keeps no per-document state, so RSS should not grow with the input.
#   benchmarks/throughput/run_models.sh [MB]      (default 200; env SCORE_MB="50 500" (empty: no score runs), REPS=1)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-200}
score_mb=${SCORE_MB-50 500}
reps=${REPS:-1}
build=$root/corpora/build
mkdir -p "$build" "$root/benchmarks/results"
if [ ! -f "$build/bench-zh.jsonl" ]; then (cd "$build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2); fi
corpus_of() { local f=$build/bench-zh-${1}mb.jsonl; [ -f "$f" ] || /usr/bin/python3 "$root/benchmarks/throughput/make_big_corpus.py" "$build/bench-zh.jsonl" "$f" --mb "$1" >&2; echo "$f"; }
big=$(corpus_of "$mb")
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q -nologo >&2
cli="dotnet $root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll"
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
results=$root/benchmarks/results/models-$(date -u +%Y%m%dT%H%M%S).jsonl
text_bytes() { /usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8') if l.strip()))" "$1"; }
measure() { # name corpus threads command...
  local name=$1 corpus=$2 threads=$3; shift 3
  local tfile; tfile=$(mktemp)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  /usr/bin/time -f '%e %M %U %S' -o "$tfile" "$@" > /dev/null 2>&1
  read -r secs rss_kb user sys < "$tfile"
  local bytes; bytes=$(text_bytes "$corpus")
  local cpu; cpu=$(echo "$user + $sys" | bc -l)
  # mb_per_cpu_s: per CPU second of the whole process (all its threads, GC and JIT included), the per-core rate
  # that survives a loaded machine; loadavg: the 1-minute load average when the run started.
  printf '{"run":"%s","input":"%s","threads":%s,"bytes":%s,"seconds":%s,"mb_per_s":%.2f,"mb_per_s_per_thread":%.2f,"cpu_seconds":%.2f,"mb_per_cpu_s":%.2f,"peak_rss_mb":%.0f,"loadavg":%s}\n' \
    "$name" "$(basename "$corpus")" "$threads" "$bytes" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(echo "$bytes / 1000000 / $secs / $threads" | bc -l)" "$cpu" "$(echo "$bytes / 1000000 / $cpu" | bc -l)" \
    "$(echo "$rss_kb / 1024" | bc -l)" "$load" | tee -a "$results"
  rm -f "$tfile"
}
cores=$(nproc)
for r in $(seq "$reps"); do
  measure audit "$big" 1 $cli audit "$big" --out "$out/a$r" --threads 1
  measure audit-no-model "$big" 1 $cli audit "$big" --out "$out/n$r" --threads 1 --no-model
  rm -rf "$out/a$r" "$out/n$r"
done
for s in $score_mb; do
  f=$(corpus_of "$s")
  measure score "$f" "$cores" $cli score "$f" --out "$out/s$s" --threads "$cores"
  rm -rf "$out/s$s"
done
/usr/bin/python3 - "$results" <<'EOF'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
for key in ("mb_per_s_per_thread", "mb_per_cpu_s"):
    a = statistics.median(r[key] for r in rows if r["run"] == "audit")
    n = statistics.median(r[key] for r in rows if r["run"] == "audit-no-model")
    print(f"{key}: audit {a:.2f}, --no-model {n:.2f}: the models take {n / a - 1:.1%} more ({a / n:.3f}x the rate)", file=sys.stderr)
for r in rows:
    if r["run"] == "score":
        print(f"score {r['input']}: {r['peak_rss_mb']} MB peak RSS, {r['mb_per_cpu_s']} MB/CPU-s", file=sys.stderr)
EOF
echo "results: $results" >&2
