#!/usr/bin/env bash
# Peak RSS of one document of 1, 4 and 16 MB (UTF-8 text) through `segment`, `dedup` and the default `audit`, against
# the same command on a one-line document (the baseline: runtime, dictionary, models). Issue 10, point 8.
# Usage: benchmarks/memory/per_document.sh [path/to/corpusqa]   (default: the Release build)
set -euo pipefail
cd "$(dirname "$0")/../.."
corpusqa=${1:-src/CorpusQA.Cli/bin/Release/net10.0/corpusqa}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
python3 - "$work" <<'PY'
import json, sys
work = sys.argv[1]
seeds = [json.loads(l)["text"] for l in open("corpora/seeds/seeds.jsonl", encoding="utf-8")]
def write(name, size):
    parts, n, i = [], 0, 0
    while n < size:
        s = seeds[i % len(seeds)] + f"第{i}段。\n"
        parts.append(s); n += len(s.encode()); i += 1
    with open(f"{work}/{name}.jsonl", "w", encoding="utf-8") as f:
        f.write(json.dumps({"id": name, "text": "".join(parts)}, ensure_ascii=False) + "\n")
write("base", 1)
for mb in (1, 4, 16): write(f"doc{mb}", mb * 1000 * 1000 - (200_000 if mb == 16 else 0))  # 15.8 MB: under --max-doc-mb 16
PY
rss() { /usr/bin/time -f %M "$@" 2>&1 >/dev/null | tail -1; }
run() { # command doc
  case $1 in
    segment) rss "$corpusqa" segment "$work/$2.jsonl" -o /dev/null ;;
    dedup) rss "$corpusqa" dedup "$work/$2.jsonl" --out "$work/out-$2" ;;
    audit) rss "$corpusqa" audit "$work/$2.jsonl" --out "$work/out-$2" ;;
  esac
}
printf "| command | baseline | %s |\n|---|---:|%s\n" "1 MB: peak (× doc) | 4 MB: peak (× doc) | 15.8 MB: peak (× doc)" "---:|---:|---:|"
for command in segment dedup audit; do
  base=$(run $command base)
  line="| \`$command\` | $((base / 1024)) MB |"
  for mb in 1 4 16; do
    peak=$(run $command doc$mb)
    bytes=$(python3 -c "import json;print(len(json.loads(open('$work/doc$mb.jsonl',encoding='utf-8').readline())['text'].encode()))")
    line+=" $((peak / 1024)) MB ($(python3 -c "print(f'{($peak - $base) * 1024 / $bytes:.0f}')")×) |"
  done
  echo "$line"
done
