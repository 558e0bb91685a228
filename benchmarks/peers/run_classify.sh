#!/usr/bin/env bash
# Learned-score cost and accuracy (issue 7), in one run:
#   1. CorpusQA.Benchmarks classify: single thread, in memory, analyze + signals (baseline) vs featurization, and
#      featurization + scoring with the bundled quality model, the script model and both (alternating reps);
#   2. the bar to beat, fastText-style hashed linear scoring: Debian's fasttext 0.9.2 trained on the quality
#      corpus's train split, pre-segmented by Debian's python3-jieba, and `fasttext predict-prob` timed on the
#      same bench corpus pre-segmented (segmentation excluded, as CorpusQA's featurize + score excludes analysis;
#      model load timed apart and subtracted);
#   3. accuracy on the quality corpus's held-out test split: fastText and `corpusqa eval` with the bundled model.
#   benchmarks/peers/run_classify.sh [CORPUS.jsonl] [REPS]     (default corpora/build/bench-zh.jsonl, 5)
# fastText options: FT_OPTS (default below, fastText's "bag of tricks" setup plus 1-3 character n-grams); a second
# model without character n-grams (fastText's supervised default minn=maxn=0) is timed too. Needs apt-get
# install fasttext python3-jieba. Models and segmented text go to benchmarks/.peers/fasttext (not committed).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
corpus=${1:-$root/corpora/build/bench-zh.jsonl}
reps=${2:-5}
quality=$root/corpora/quality/quality.jsonl.gz
ft_opts=${FT_OPTS:--wordNgrams 2 -bucket 2000000 -dim 16 -epoch 10 -minn 1 -maxn 3 -lr 0.1 -thread 1 -seed 1}
ft_words_opts="${ft_opts/-minn 1 -maxn 3/-minn 0 -maxn 0}"
if [ ! -f "$corpus" ]; then
  mkdir -p "$root/corpora/build"
  (cd "$root/corpora/build" && /usr/bin/python3 "$root/corpora/debian-docs/make_corpus.py" --traditional >&2)
fi
command -v fasttext >/dev/null || { echo "needs Debian's fasttext: apt-get install -y fasttext" >&2; exit 1; }
work=$root/benchmarks/.peers/fasttext
mkdir -p "$work" "$root/benchmarks/results"
results=$root/benchmarks/results/classify-$(date -u +%Y%m%dT%H%M%S).jsonl
emit() { echo "$1" | tee -a "$results"; }
# The machine is shared: its load average goes into the results (wall-time rates are only as good as it is idle).
loadavg() { emit "{\"at\":\"$1\",\"loadavg\":\"$(cut -d' ' -f1-3 /proc/loadavg)\",\"nproc\":$(nproc)}"; }
loadavg start

dotnet build "$root/benchmarks/CorpusQA.Benchmarks" -c Release -v q -nologo >&2
dotnet build "$root/src/CorpusQA.Cli" -c Release -v q -nologo >&2
export DOTNET_TieredCompilation=0
bench="$root/benchmarks/CorpusQA.Benchmarks/bin/Release/net10.0/CorpusQA.Benchmarks"
cli="$root/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa"

# 1. CorpusQA in memory, single thread.
"$bench" classify "$corpus" --reps "$reps" | tee -a "$results"

# 2. fastText: segmented inputs (cached by input checksum), training, predict timing.
seg_key=$(cat "$quality" "$corpus" "$root/benchmarks/peers/fasttext_prepare.py" | sha256sum | cut -c1-16)
if [ ! -f "$work/$seg_key.ok" ]; then
  emit "$(/usr/bin/python3 "$root/benchmarks/peers/fasttext_prepare.py" quality "$quality" "$work")"
  emit "$(/usr/bin/python3 "$root/benchmarks/peers/fasttext_prepare.py" bench "$corpus" "$work/bench.txt")"
  rm -f "$work"/*.ok && touch "$work/$seg_key.ok"
fi
head -n 1 "$work/bench.txt" > "$work/one.txt"
now() { date +%s.%N; }
bytes=$(/usr/bin/python3 -c "import json,sys; print(sum(len(json.loads(l)['text'].encode()) for l in open(sys.argv[1], encoding='utf-8') if l.strip()))" "$corpus")
docs=$(grep -c . "$corpus")
for variant in subwords words; do
  opts=$ft_opts; [ $variant = words ] && opts=$ft_words_opts
  model=$work/quality-$variant
  t0=$(now); fasttext supervised -input "$work/train.txt" -output "$model" $opts > "$work/train-$variant.log" 2>&1; t1=$(now)
  # Accuracy on the held-out test split (P@1 of a single-label set is accuracy) and ROC AUC from P(good).
  fasttext predict-prob "$model.bin" "$work/test.txt" 2 > "$work/test-$variant.pred"
  metrics=$(/usr/bin/python3 - "$work/test.txt" "$work/test-$variant.pred" <<'EOF'
import json, sys
gold = [l.split(" ", 1)[0] == "__label__good" for l in open(sys.argv[1], encoding="utf-8")]
p_good = []
for l in open(sys.argv[2], encoding="utf-8"):
    f = l.split()
    probs = dict(zip(f[0::2], map(float, f[1::2])))
    p_good.append(probs.get("__label__good", 1 - probs.get("__label__bad", 0.0)))
acc = sum((p >= 0.5) == g for p, g in zip(p_good, gold)) / len(gold)
import bisect
pos = sorted(p for p, g in zip(p_good, gold) if g); neg = [p for p, g in zip(p_good, gold) if not g]
# ROC AUC: P(p_good of a good document > that of a bad one), ties counted half.
auc = sum(len(pos) - bisect.bisect_right(pos, n) + 0.5 * (bisect.bisect_right(pos, n) - bisect.bisect_left(pos, n)) for n in neg) / (len(pos) * len(neg))
print(json.dumps({"test_docs": len(gold), "accuracy": round(acc, 4), "auc": round(auc, 4)}))
EOF
)
  # Each rep: load + one line (the load), then the whole corpus; wall and CPU (user + sys) seconds of each.
  load=(); predict=(); load_cpu=(); predict_cpu=()
  for r in $(seq "$reps"); do
    /usr/bin/time -f '%e %U %S' -o "$work/t1" fasttext predict-prob "$model.bin" "$work/one.txt" 1 > /dev/null
    /usr/bin/time -f '%e %U %S' -o "$work/t2" fasttext predict-prob "$model.bin" "$work/bench.txt" 1 > /dev/null
    read -r w u s < "$work/t1"; load+=("$w"); load_cpu+=("$(echo "$u + $s" | bc -l)")
    read -r w u s < "$work/t2"; predict+=("$w"); predict_cpu+=("$(echo "$u + $s" | bc -l)")
  done
  emit "$(/usr/bin/python3 - "$variant" "$opts" "$bytes" "$docs" "$(basename "$corpus")" "$(echo "$t1 - $t0" | bc -l)" "$metrics" "$model.bin" "${load[*]}" "${predict[*]}" "${load_cpu[*]}" "${predict_cpu[*]}" <<'EOF'
import json, os, statistics, sys
variant, opts, nbytes, docs, name, train_s, metrics, model, load, predict, load_cpu, predict_cpu = sys.argv[1:]
load = [float(x) for x in load.split()]; predict = [float(x) for x in predict.split()]
load_cpu = [float(x) for x in load_cpu.split()]; predict_cpu = [float(x) for x in predict_cpu.split()]
nbytes = int(nbytes); lm = statistics.median(load); pm = statistics.median(predict)
net = [p - l for p, l in zip(predict, load)]; nm = statistics.median(net)
net_cpu = statistics.median(p - l for p, l in zip(predict_cpu, load_cpu))
print(json.dumps({"peer": "fasttext", "variant": variant, "version": "0.9.2 (Debian)", "options": opts,
    "input": name, "docs": int(docs), "bytes": nbytes, "reps": len(predict),
    "predict_seconds": round(pm, 4), "predict_seconds_all": [round(x, 4) for x in predict],
    "load_seconds": round(lm, 4), "net_seconds": round(nm, 4),
    "mb_per_s": round(nbytes / 1e6 / nm, 2), "mb_per_s_with_load": round(nbytes / 1e6 / pm, 2),
    "net_cpu_seconds": round(net_cpu, 3), "mb_per_cpu_s": round(nbytes / 1e6 / net_cpu, 2),
    "predict_cpu_seconds_all": predict_cpu, "load_cpu_seconds_all": load_cpu,
    "train_seconds": round(float(train_s), 2), "model_mb": round(os.path.getsize(model) / 1e6, 1),
    **{"test_" + k if k != "test_docs" else k: v for k, v in json.loads(metrics).items()}}))
EOF
)"
done

# 3. CorpusQA's bundled quality model on the same test split.
"$cli" eval "$quality" --where split=test --json --predictions "$work/corpusqa-test.jsonl" > "$work/corpusqa-eval.json" 2> "$work/corpusqa-eval.log"
emit "$(/usr/bin/python3 - "$work/corpusqa-eval.json" <<'EOF'
import json, sys
m = json.load(open(sys.argv[1], encoding="utf-8"))
def find(d, *keys):
    for k in keys:
        if isinstance(d, dict) and k in d: return d[k]
    if isinstance(d, dict):
        for v in d.values():
            r = find(v, *keys)
            if r is not None: return r
    return None
print(json.dumps({"peer": "corpusqa", "what": "eval bundled quality model, split=test",
    "test_docs": find(m, "count", "documents", "n"), "test_accuracy": find(m, "accuracy"), "test_auc": find(m, "auc", "roc_auc"),
    "metrics": m}))
EOF
)"
loadavg end
/usr/bin/python3 "$root/benchmarks/peers/classify_table.py" "$results"
echo "results: $results" >&2
