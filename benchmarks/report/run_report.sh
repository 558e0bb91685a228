#!/usr/bin/env bash
# `corpusqa report` on a large signals.parquet, on one core: audits corpora/debian-docs/sample.jsonl.gz, repeats its
# signals.parquet to ROWS rows with benchmarks/replay/ReplicateSignals.cs (in a temporary folder, not committed),
# copies summary.json and samples.json beside it, then times `corpusqa report` end to end (process start included)
# pinned to CPU 0 (taskset) and records seconds, peak RSS and the size of report.html / report.md.
#   benchmarks/report/run_report.sh [ROWS]     (default 1000000)
set -euo pipefail
rows=${1:-1000000}
source "$(dirname "$0")/../replay/common.sh" report
sample=$root/corpora/debian-docs/sample.jsonl.gz
$cli audit "$sample" --out "$work/audit" > /dev/null 2>&1
big_signals "$work/audit" "$work/big" "$rows"
tfile=$(mktemp)
DOTNET_PROCESSOR_COUNT=1 /usr/bin/time -f '%e %M' -o "$tfile" taskset -c 0 $cli report "$work/big" > /dev/null 2>&1
read -r secs rss_kb < "$tfile"
html=$(stat -c %s "$work/big/report.html")
md=$(stat -c %s "$work/big/report.md")
printf '{"run":"report-one-core","rows":%s,"seconds":%s,"rows_per_s":%.0f,"peak_rss_mb":%.0f,"report_html_bytes":%s,"report_md_bytes":%s}\n' \
  "$rows" "$secs" "$(echo "$rows / $secs" | bc -l)" "$(echo "$rss_kb / 1024" | bc -l)" "$html" "$md" | tee -a "$results"
echo "results: $results" >&2
