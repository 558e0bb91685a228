#!/usr/bin/env bash
# `corpusqa rules apply` on a large signals.parquet, against the audit that wrote the original in the same run:
# audits corpora/debian-docs/sample.jsonl.gz (the baseline: documents per second when signals are computed),
# repeats its signals.parquet to ROWS rows (benchmarks/replay/ReplicateSignals.cs; not committed, written to a
# temporary folder), then replays the default rules and a stricter rule file on it (with the quality rule and
# the stored dedup verdicts, as for a real audit), timing each run end to end (process start included).
#   benchmarks/replay/run_rules_apply.sh [ROWS]     (default 1000000)
set -euo pipefail
rows=${1:-1000000}
source "$(dirname "$0")/common.sh" rules-apply
measure() { # name rows command...
  local name=$1 n=$2; shift 2
  local tfile; tfile=$(mktemp)
  /usr/bin/time -f '%e %M' -o "$tfile" "$@" > /dev/null 2>&1
  read -r secs rss_kb < "$tfile"
  printf '{"run":"%s","rows":%s,"seconds":%s,"rows_per_s":%.0f,"peak_rss_mb":%.0f}\n' \
    "$name" "$n" "$secs" "$(echo "$n / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" | tee -a "$results"
}
sample=$root/corpora/debian-docs/sample.jsonl.gz
docs=$(zcat "$sample" | grep -c .)
measure audit-sample "$docs" $cli audit "$sample" --out "$work/audit"
big_signals "$work/audit" "$work/big" "$rows"
cat > "$work/strict.json" <<'JSON'
{"rules": [
  {"signal": "han_ratio", "min": 0.6, "reason": "low_han_ratio", "source": "benchmark: stricter"},
  {"signal": "dup_line_fraction", "max": 0.1, "reason": "duplicate_lines", "source": "benchmark: stricter"},
  {"signal": "quality_score", "min": 0.9, "reason": "low_quality_score", "source": "benchmark: stricter"}
]}
JSON
measure rules-apply-default "$rows" $cli rules apply "$work/big" --out "$work/replay-default"
measure rules-apply-strict "$rows" $cli rules apply "$work/big" --config "$work/strict.json" --out "$work/replay-strict"
echo "results: $results" >&2
