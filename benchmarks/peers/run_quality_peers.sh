#!/usr/bin/env bash
# Verdicts against the peers (issue 8): three rule stacks judged on the SAME held-out labelled documents, the
# quality corpus's test split (corpora/quality/quality.jsonl.gz, "split": "test"), scored by the peers' own
# score_verdicts.py (clean kept, defective dropped, their mean "balanced", dropped share per defect):
#   1. FineWeb-2's cmn_Hani filters, datatrove's own filter classes  (../shared/peers/quality/run_fw2_filters.py)
#   2. ChineseWebText's preprocess.py rules                          (../shared/peers/quality/run_cwt_rules.py)
#   3. CorpusQA: `corpusqa audit --no-dedup` (default rules + bundled quality model),
#      `corpusqa audit --no-dedup --no-model` (rules alone) and the same with only the default rules on the
#      character LM's signals (`--config`), what issue 8's "dropped by the perplexity rules" asks for.
# --no-dedup: the labelled set derives several defective rows from one source document (and its clean twin), so
# dedup would drop copies for being copies, not for their defect; the peers' stacks above have no dedup either.
# Nothing is tuned: every stack runs with its published/default settings.
#   benchmarks/peers/run_quality_peers.sh
# Needs:
#   - the peers' scripts in ../shared/peers/quality beside the repository (not copied into it);
#   - DATATROVE_SRC: a datatrove checkout's src/ folder (not part of this repository). E.g. with the search
#     tool's `fetch` on github huggingface/datatrove, then
#       mkdir -p /tmp/datatrove && git --git-dir=<the returned git dir> archive HEAD -- src \
#         ':(exclude)src/datatrove/assets/*.tar.gz' | tar -x -C /tmp/datatrove
#     (the URL blacklist archive is a large asset the snapshot lacks and these filters do not use; git may still
#     print "invalid object" for it) and DATATROVE_SRC=/tmp/datatrove/src;
#   - apt-get install -y python3-jieba python3-numpy python3-regex python3-loguru python3-dill python3-fsspec
#     python3-humanize python3-multiprocess python3-tqdm opencc   (the peers run with /usr/bin/python3).
# Writes benchmarks/results/quality-peers-<UTC>.jsonl (one line per stack) and the Markdown tables beside it (.md).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
peers=$root/../shared/peers/quality
here=$root/benchmarks/peers
die() { echo "run_quality_peers.sh: $*" >&2; exit 1; }
for f in run_fw2_filters.py run_cwt_rules.py score_verdicts.py; do
  [ -f "$peers/$f" ] || die "missing $peers/$f (the peers' scripts are expected in ../shared/peers/quality beside the repository)"
done
[ -n "${DATATROVE_SRC:-}" ] || die "set DATATROVE_SRC to a datatrove checkout's src/ folder (see the header of this script for how to get it)"
[ -f "$DATATROVE_SRC/datatrove/pipeline/filters/gopher_quality_filter.py" ] || die "DATATROVE_SRC=$DATATROVE_SRC is not a datatrove src/ folder"
command -v opencc >/dev/null || die "needs Debian's opencc: apt-get install -y opencc"
/usr/bin/python3 -c "import jieba, numpy, regex, loguru, dill, fsspec, humanize, multiprocess, tqdm" 2>/dev/null \
  || die "needs apt-get install -y python3-jieba python3-numpy python3-regex python3-loguru python3-dill python3-fsspec python3-humanize python3-multiprocess python3-tqdm"
quality=$root/corpora/quality/quality.jsonl.gz
[ -f "$quality" ] || die "missing $quality"

stamp=$(date -u +%Y%m%dT%H%M%S)
mkdir -p "$root/benchmarks/results"
results=$root/benchmarks/results/quality-peers-$stamp.jsonl
table=${results%.jsonl}.md
work=$(mktemp -d); trap 'rm -rf "$work"' EXIT
emit() { echo "$1" | tee -a "$results"; }
emit "{\"harness\":\"quality-peers\",\"at\":\"start\",\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"nproc\":$(nproc)}"

test=$work/test.jsonl
emit "$(/usr/bin/python3 "$here/quality_peers_table.py" testset "$quality" "$test")"

dotnet build "$root/src/CorpusQA.Cli" -c Release -v q -nologo >&2
cli=$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll

now() { date +%s.%N; }
score() {  # STACK VERDICTS SECONDS
  local line; line=$(/usr/bin/python3 "$peers/score_verdicts.py" "$test" "$2" "$1")
  echo "$line" >&2
  emit "$(/usr/bin/python3 "$here/quality_peers_table.py" record "$test" "$2" "$1" "$3" "$line")"
}

t0=$(now); DATATROVE_SRC=$DATATROVE_SRC /usr/bin/python3 "$peers/run_fw2_filters.py" "$test" "$work/fw2.jsonl"; t1=$(now)
score "FineWeb-2 cmn_Hani (datatrove)" "$work/fw2.jsonl" "$(echo "$t1 - $t0" | bc)"

t0=$(now); /usr/bin/python3 "$peers/run_cwt_rules.py" "$test" "$work/cwt.jsonl"; t1=$(now)
score "ChineseWebText rules" "$work/cwt.jsonl" "$(echo "$t1 - $t0" | bc)"

# The perplexity-family rules of the defaults alone (issue 8: shuffled and random text dropped by them): the default
# rules on a signal of the Perplexity family, as docs/signals.md (generated from the registry) lists it.
/usr/bin/python3 - "$root/src/CorpusQA.Core/Data/default_rules.json" "$root/docs/signals.md" "$work/perplexity-rules.json" <<'PY'
import json, re, sys
section = open(sys.argv[2], encoding="utf-8").read().split("\n## Perplexity\n", 1)[1].split("\n## ", 1)[0]
family = set(re.findall(r"^\| \d+ \| `([a-z0-9_]+)` \|", section, re.M))
rules = [r for r in json.load(open(sys.argv[1], encoding="utf-8"))["rules"] if r["signal"] in family]
json.dump({"rules": rules}, open(sys.argv[3], "w", encoding="utf-8"), ensure_ascii=False)
PY
for variant in model rules perplexity; do
  opts=(--no-dedup); name="CorpusQA audit (rules + model)"
  [ $variant = rules ] && { opts+=(--no-model); name="CorpusQA audit --no-model (rules)"; }
  [ $variant = perplexity ] && { opts+=(--no-model --config "$work/perplexity-rules.json"); name="CorpusQA perplexity rules only"; }
  t0=$(now); dotnet "$cli" audit "$test" --out "$work/audit-$variant" "${opts[@]}" > "$work/audit-$variant.log" 2>&1 \
    || { cat "$work/audit-$variant.log" >&2; die "corpusqa audit ${opts[*]} failed"; }
  t1=$(now)
  dotnet run "$here/SignalsVerdicts.cs" -- "$work/audit-$variant/signals.parquet" "$work/corpusqa-$variant.jsonl" >&2
  score "$name" "$work/corpusqa-$variant.jsonl" "$(echo "$t1 - $t0" | bc)"
done
emit "{\"harness\":\"quality-peers\",\"at\":\"end\",\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"nproc\":$(nproc)}"

/usr/bin/python3 "$here/quality_peers_table.py" table "$results" | tee "$table"
echo "results: $results, table: $table" >&2
