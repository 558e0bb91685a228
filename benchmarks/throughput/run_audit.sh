#!/usr/bin/env bash
# End-to-end audit throughput and peak memory on a large corpus, 1 thread and all threads, with segmentation
# alone (`corpusqa segment`, same reader and pipeline) as the baseline measured in the same run; and a corpus a
# quarter the size to show how memory grows with the input (with and without dedup, whose per-document state
# and candidate pairs grow with the corpus; see docs/dedup.md).
#   benchmarks/throughput/run_audit.sh [MB]     (default 200)
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
mb=${1:-200}
build=$root/corpora/build
mkdir -p "$build" "$root/benchmarks/results"
if [ ! -f "$build/bench-zh.jsonl" ]; then (cd "$build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2); fi
big=$build/bench-zh-${mb}mb.jsonl
quarter=$build/bench-zh-$((mb / 4))mb.jsonl
[ -f "$big" ] || /usr/bin/python3 "$root/benchmarks/throughput/make_big_corpus.py" "$build/bench-zh.jsonl" "$big" --mb "$mb" >&2
[ -f "$quarter" ] || /usr/bin/python3 "$root/benchmarks/throughput/make_big_corpus.py" "$build/bench-zh.jsonl" "$quarter" --mb $((mb / 4)) >&2
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q >&2
cli="dotnet $root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll"
out=$(mktemp -d)
results=$root/benchmarks/results/audit-$(date -u +%Y%m%dT%H%M%S).jsonl
text_bytes() { /usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8') if l.strip()))" "$1"; }
measure() { # name corpus threads command...
  local name=$1 corpus=$2 threads=$3; shift 3
  local tfile; tfile=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$tfile" "$@" > /dev/null 2>&1
  read -r secs rss_kb < "$tfile"
  local bytes; bytes=$(text_bytes "$corpus")
  printf '{"run":"%s","input":"%s","threads":%s,"bytes":%s,"seconds":%s,"mb_per_s":%.2f,"mb_per_s_per_thread":%.2f,"peak_rss_mb":%.0f}\n' \
    "$name" "$(basename "$corpus")" "$threads" "$bytes" "$secs" "$(echo "$bytes / 1000000 / $secs" | bc -l)" \
    "$(echo "$bytes / 1000000 / $secs / $threads" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" | tee -a "$results"
}
cores=$(nproc)
measure segment "$big" 1 $cli segment "$big" -o "$out/seg1.jsonl" --threads 1
measure audit "$big" 1 $cli audit "$big" --out "$out/a1" --threads 1
measure segment "$big" "$cores" $cli segment "$big" -o "$out/segN.jsonl" --threads "$cores"
measure audit "$big" "$cores" $cli audit "$big" --out "$out/aN" --threads "$cores"
measure audit "$quarter" "$cores" $cli audit "$quarter" --out "$out/aQ" --threads "$cores"
measure audit-no-dedup "$big" 1 $cli audit "$big" --out "$out/n1" --threads 1 --no-dedup
measure audit-no-dedup "$big" "$cores" $cli audit "$big" --out "$out/nN" --threads "$cores" --no-dedup
measure audit-no-dedup "$quarter" "$cores" $cli audit "$quarter" --out "$out/nQ" --threads "$cores" --no-dedup
rm -rf "$out"
echo "results: $results" >&2
