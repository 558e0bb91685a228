#!/usr/bin/env bash
# The default audit on clean text from a source no CorpusQA data uses (Debian's translated package descriptions,
# benchmarks/fresh/ddtp_docs.py), in five layouts of the same documents, with the bundled quality model and, side by
# side, with the quality model of another commit (BASE; default: the one before the latest that changed the model):
#   benchmarks/fresh/run_ddtp.sh [BASE_COMMIT]
# Every document is clean, so the share kept is what matters; what drops them is listed. Needs the Translation
# files of bookworm main: it runs `apt-get update -o Acquire::Languages=zh_CN,zh_TW` when they are missing (root).
# Writes benchmarks/results/fresh-ddtp-<UTC>.md.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
model=src/CorpusQA.Classify/Models/quality.zip
base=${1:-$(git -C "$root" log -n 2 --format=%h -- "$model" | tail -1)}
lists=/var/lib/apt/lists
find_list() { ls "$lists"/*_i18n_Translation-"$1"* 2>/dev/null | head -1; }
if [ -z "$(find_list zh%5fCN)" ] || [ -z "$(find_list zh%5fTW)" ]; then
  apt-get update -o Acquire::Languages=zh_CN,zh_TW >&2
fi
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
unpack() { case "$1" in *.lz4) lz4cat "$1";; *.xz) xzcat "$1";; *.gz) zcat "$1";; *.bz2) bzcat "$1";; *) cat "$1";; esac; }
unpack "$(find_list zh%5fCN)" > "$work/cn.txt"
unpack "$(find_list zh%5fTW)" > "$work/tw.txt"
/usr/bin/python3 "$root/benchmarks/fresh/ddtp_docs.py" "$work/cn.txt" "$work/tw.txt" "$work/docs"
git -C "$root" show "$base:$model" > "$work/base-quality.zip"
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q -nologo >&2
cli=$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll
results=$root/benchmarks/results/fresh-ddtp-$(date -u +%Y%m%dT%H%M%S).md
{
  echo "Default audit (\`--no-dedup\`) on $(wc -l < "$work/docs/ddtp.jsonl") clean Debian package descriptions (DDTP zh_CN + zh_TW, bookworm main), by layout."
  echo "Quality model: bundled ($(sha256sum "$root/$model" | cut -c1-8)) against the one of $base ($(sha256sum "$work/base-quality.zip" | cut -c1-8))."
  echo
  echo "| layout | model | kept | dropped by the model (low_quality_score) | top rule reasons |"
  echo "|---|---|---:|---:|---|"
} > "$results"
for layout in ddtp ddtp-noblank ddtp-unwrapped ddtp-indented ddtp-trailing; do
  for which in bundled base; do
    extra=(); [ "$which" = base ] && extra=(--model "$work/base-quality.zip")
    rm -rf "$work/out"
    dotnet "$cli" audit "$work/docs/$layout.jsonl" --out "$work/out" --no-dedup "${extra[@]}" > /dev/null 2>&1
    /usr/bin/python3 - "$work/out/summary.json" "$layout" "$which" >> "$results" <<'PY'
import json, sys
s = json.load(open(sys.argv[1], encoding="utf-8"))
docs = s["counts"]["documents"]; kept = s["counts"]["kept"]; reasons = s["drop_reasons"]
model = reasons.get("low_quality_score", 0)
top = ", ".join(f"{k} {v}" for k, v in sorted(reasons.items(), key=lambda kv: -kv[1]) if k != "low_quality_score")
print(f"| {sys.argv[2]} | {sys.argv[3]} | {kept / docs:.3f} | {model / docs:.3f} | {top} |")
PY
  done
done
cat "$results"
echo "results: $results" >&2
