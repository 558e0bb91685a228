# Sourced by the benchmarks that time a command on a large signals.parquet (replay/run_rules_apply.sh,
# report/run_report.sh): builds the CLI, sets $root, $cli, $work (removed on exit) and $results, and defines
# big_signals AUDIT_DIR OUT_DIR ROWS, which repeats an audit's signals.parquet to ROWS rows
# (ReplicateSignals.cs) and copies its summary.json (and samples.json, when present) beside it.
# Usage: source "$(dirname "$0")/../replay/common.sh" NAME
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
mkdir -p "$root/benchmarks/results"
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q >&2
cli="dotnet $root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
results=$root/benchmarks/results/$1-$(date -u +%Y%m%dT%H%M%S).jsonl

big_signals() { # AUDIT_DIR OUT_DIR ROWS
  mkdir -p "$2"
  dotnet run "$root/benchmarks/replay/ReplicateSignals.cs" -- "$1/signals.parquet" "$2/signals.parquet" "$3" >&2
  cp "$1/summary.json" "$2/summary.json"
  if [[ -f "$1/samples.json" ]]; then cp "$1/samples.json" "$2/samples.json"; fi
  ls -l "$2/signals.parquet" >&2
}
