#!/usr/bin/env bash
# The default audit of this checkout against the audit of another commit, alternately in one run on the same
# corpus, one thread, per CPU second: a ratio that survives a machine whose speed drifts between sessions.
#   benchmarks/throughput/run_audit_ab.sh BASE_COMMIT [MB] [REPS]     (defaults: 200 MB, 2 reps)
# The base is built from a temporary git worktree; its audit runs with its own defaults (BASE_ARGS adds options).
# PAIRED=1 runs each base/head pair at the same time instead of one after the other (needs 2 cores).
# Issue 7's speed target is stated against d7375ea ("today 11.2 MB/s without models"): 8 / 11.2 = 0.714 of it.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
base=${1:?usage: run_audit_ab.sh BASE_COMMIT [MB] [REPS]}
mb=${2:-200}
reps=${3:-2}
build=$root/corpora/build
mkdir -p "$build" "$root/benchmarks/results"
if [ ! -f "$build/bench-zh.jsonl" ]; then (cd "$build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2); fi
big=$build/bench-zh-${mb}mb.jsonl
[ -f "$big" ] || /usr/bin/python3 "$root/benchmarks/throughput/make_big_corpus.py" "$build/bench-zh.jsonl" "$big" --mb "$mb" >&2
work=$(mktemp -d)
trap 'git -C "$root" worktree remove --force "$work/base" >/dev/null 2>&1 || true; rm -rf "$work"' EXIT
git -C "$root" worktree add -f --detach "$work/base" "$base" >/dev/null 2>&1
dotnet build "$work/base/src/CorpusQA.Cli" -c Release -v q -nologo >&2
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q -nologo >&2
head_rev=$(git -C "$root" rev-parse --short HEAD)$(git -C "$root" diff --quiet HEAD -- src || echo "+dirty")
base_rev=$(git -C "$root" rev-parse --short "$base")
results=$root/benchmarks/results/audit-ab-$(date -u +%Y%m%dT%H%M%S).jsonl
bytes=$(/usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8') if l.strip()))" "$big")
run() { # label rev dll extra-args...
  local label=$1 rev=$2 dll=$3; shift 3
  local tfile; tfile=$(mktemp)
  local load; load=$(cut -d' ' -f1 /proc/loadavg)
  mkdir -p "$work"
  rm -rf "$work/out"
  /usr/bin/time -f '%e %M %U %S' -o "$tfile" dotnet "$dll" audit "$big" --out "$work/out" --threads 1 "$@" > /dev/null 2>&1
  read -r secs rss_kb user sys < "$tfile"
  local cpu; cpu=$(echo "$user + $sys" | bc -l)
  printf '{"run":"%s","commit":"%s","input":"%s","bytes":%s,"seconds":%s,"cpu_seconds":%.2f,"mb_per_cpu_s":%.3f,"peak_rss_mb":%.0f,"loadavg":%s}\n' \
    "$label" "$rev" "$(basename "$big")" "$bytes" "$secs" "$cpu" "$(echo "$bytes / 1000000 / $cpu" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$load" | tee -a "$results"
  rm -f "$tfile"
}
for r in $(seq "$reps"); do
  if [ -n "${PAIRED:-}" ]; then
    # Both at once, one per core: each sees the machine as it is at that moment, so the ratio of their CPU seconds
    # does not drift with it (the absolute rates are lower: the two share the L3 cache and the memory bus).
    ( run base "$base_rev" "$work/base/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll" ${BASE_ARGS:-} ) &
    ( work=$work/h run head "$head_rev" "$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll" ) &
    wait
  else
    run base "$base_rev" "$work/base/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll" ${BASE_ARGS:-}
    run head "$head_rev" "$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll"
  fi
done
/usr/bin/python3 - "$results" <<'PY'
import json, statistics, sys
rows = [json.loads(l) for l in open(sys.argv[1])]
b = statistics.median(r["mb_per_cpu_s"] for r in rows if r["run"] == "base")
h = statistics.median(r["mb_per_cpu_s"] for r in rows if r["run"] == "head")
print(f"MB/CPU-s: head {h:.2f}, base {b:.2f}: head runs at {h / b:.3f}x the base ({sys.argv[1]})", file=sys.stderr)
base_runs = [r for r in rows if r["run"] == "base"]
head_runs = [r for r in rows if r["run"] == "head"]
pairs = [hr["mb_per_cpu_s"] / br["mb_per_cpu_s"] for br, hr in zip(base_runs, head_runs)]
print("per pair: " + ", ".join(f"{p:.3f}x" for p in pairs), file=sys.stderr)
PY
