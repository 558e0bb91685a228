#!/usr/bin/env bash
# The sharded audit on a real Slurm: installs Debian's slurm-wlm and munge where missing, starts a single-node
# cluster on loopback (munged with a generated key, slurmctld + slurmd, 2 CPUs, no slurmdbd) in a temporary folder,
# runs `corpusqa slurm plan` + `submit` on the bundled samples in 5 shards, cancels one running array element,
# checks that the chain stops and that a second `submit --wait` redoes only what was not done, then compares DIR/out/
# with the one-process `audit` and `filter` byte for byte (summary.json and the reports with the run's start time
# and duration blanked: the only run-specific values). Prints a "Passed!/Failed!" line that .ci/run counts; stops the
# daemons it started and deletes the folder.
set -euo pipefail
cd "$(dirname "$0")/../.."
repo=$PWD
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

packages=()
command -v slurmctld >/dev/null 2>&1 && command -v sbatch >/dev/null 2>&1 || packages+=(slurm-wlm)
command -v munged >/dev/null 2>&1 || packages+=(munge)
bash tests/apt-install.sh "${packages[@]}"

W=$(mktemp -d /tmp/corpusqa-slurm.XXXXXX)
started_pids=()
summarized=no
cleanup() {
  local status=$?
  if [[ $summarized == no ]]; then
    # An unexpected stop (set -e): count it as a failure in the line .ci/run adds up.
    echo "Failed!  - Failed: $((failed + 1)), Passed: $passed, Skipped: 0, Total: $((passed + failed + 1)) - tests/slurm/run.sh (stopped with status $status)"
  fi
  for pidfile in "$W/slurmd.pid" "$W/slurmctld.pid" "$W/munge/munged.pid"; do
    if [[ -s "$pidfile" ]]; then kill "$(cat "$pidfile")" 2>/dev/null || true; fi
  done
  for pid in "${started_pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  sleep 1
  rm -rf "$W"
}
trap cleanup EXIT

passed=0 failed=0
check() { # check NAME COMMAND...
  local name=$1; shift
  if "$@"; then echo "  ok   $name"; passed=$((passed + 1)); else echo "  FAIL $name"; failed=$((failed + 1)); fi
}

echo "== building corpusqa"
dotnet build src/CorpusQA.Cli -c Release -v q -nologo 2>&1 | grep -E " error |rror\(s\)" || true
CQ=(dotnet "$repo/src/CorpusQA.Cli/bin/Release/net10.0/corpusqa.dll")

echo "== starting munged, slurmctld, slurmd in $W (loopback, ports ${SLURM_TEST_PORT:-16817}-$(( ${SLURM_TEST_PORT:-16817} + 1 )))"
mkdir -p "$W/munge" "$W/state" "$W/spool" "$W/logs"
chmod 700 "$W/munge"
head -c 1024 /dev/urandom > "$W/munge/munge.key"
chmod 400 "$W/munge/munge.key"
munged --force --key-file="$W/munge/munge.key" --socket="$W/munge/munge.socket" --pid-file="$W/munge/munged.pid" \
  --log-file="$W/munge/munged.log" --seed-file="$W/munge/munge.seed"
port=${SLURM_TEST_PORT:-16817}
memory_mb=8000
cat > "$W/slurm.conf" <<CONF
ClusterName=corpusqa-test
SlurmctldHost=localhost(127.0.0.1)
SlurmctldPort=$port
SlurmdPort=$((port + 1))
SlurmUser=root
SlurmdUser=root
AuthType=auth/munge
CredType=cred/munge
AuthInfo=socket=$W/munge/munge.socket
StateSaveLocation=$W/state
SlurmdSpoolDir=$W/spool
SlurmctldPidFile=$W/slurmctld.pid
SlurmdPidFile=$W/slurmd.pid
SlurmctldLogFile=$W/slurmctld.log
SlurmdLogFile=$W/slurmd.log
ProctrackType=proctrack/linuxproc
TaskPlugin=task/none
SelectType=select/cons_tres
SelectTypeParameters=CR_CPU_Memory
SchedulerType=sched/backfill
JobAcctGatherType=jobacct_gather/none
AccountingStorageType=accounting_storage/none
JobCompType=jobcomp/none
MpiDefault=none
ReturnToService=2
SlurmctldTimeout=30
SlurmdTimeout=30
InactiveLimit=0
KillWait=5
MinJobAge=30
NodeName=localhost NodeAddr=127.0.0.1 CPUs=2 RealMemory=$memory_mb State=UNKNOWN
PartitionName=test Nodes=localhost Default=YES MaxTime=INFINITE State=UP
CONF
export SLURM_CONF="$W/slurm.conf"
slurmctld -f "$SLURM_CONF"
slurmd -f "$SLURM_CONF" -N localhost
up=no
for _ in $(seq 1 60); do
  if sinfo -h -o "%T" 2>/dev/null | grep -qE "^idle"; then up=yes; break; fi
  sleep 1
done
check "single-node cluster up (sinfo: $(sinfo -h -o '%N %c CPUs %T' 2>/dev/null || echo none))" test "$up" = yes
if [[ $up != yes ]]; then tail -20 "$W/slurmctld.log" "$W/slurmd.log" 2>/dev/null || true; fi

echo "== inputs: the bundled samples in 5 files (the Debian sample in 4, the seed articles)"
mkdir -p "$W/in"
python3 - "$W/in" <<'PY'
import gzip, shutil, sys
out = sys.argv[1]
lines = gzip.open("corpora/debian-docs/sample.jsonl.gz", "rt", encoding="utf-8").read().splitlines(True)
for i in range(4):
    open(f"{out}/part-{i}.jsonl", "w", encoding="utf-8").write("".join(lines[i * len(lines) // 4:(i + 1) * len(lines) // 4]))
shutil.copy("corpora/seeds/seeds.jsonl", f"{out}/part-4.jsonl")
PY
inputs=("$W"/in/part-*.jsonl)

echo "== one-process audit and filter"
"${CQ[@]}" audit "${inputs[@]}" --out "$W/one/out" --threads 1 2>"$W/logs/audit.err"
"${CQ[@]}" filter "${inputs[@]}" --out "$W/filter" --threads 1 2>"$W/logs/filter.err"

echo "== slurm plan + submit, one array element cancelled while it runs"
run="$W/run"
"${CQ[@]}" slurm plan "${inputs[@]}" --run-dir "$run" --shards 5 --band-groups 4 --cpus-per-task 1 --max-parallel 2 --audit-arg=--threads --audit-arg=1
"${CQ[@]}" slurm submit --run-dir "$run" 2>&1 | tee "$W/logs/submit1.txt"
analyze_job=$(sed -n 's/^submitted analyze: job \([0-9]*\),.*/\1/p' "$W/logs/submit1.txt")
all_jobs=$(sed -n 's/^submitted [a-z]*: job \([0-9]*\),.*/\1/p' "$W/logs/submit1.txt" | paste -sd,)
victim=3
cancelled=no
for _ in $(seq 1 600); do
  state=$(squeue -h -r -j "$analyze_job" -o "%K %T" 2>/dev/null | awk -v t=$victim '$1 == t { print $2 }')
  if [[ $state == RUNNING ]]; then scancel "${analyze_job}_${victim}"; cancelled=yes; break; fi
  if [[ -d "$run/work/analyze/0000$victim" ]]; then break; fi
  sleep 0.1
done
check "scancel of running array element ${analyze_job}_${victim}" test "$cancelled" = yes
for _ in $(seq 1 600); do
  if [[ -z "$(squeue -h -j "$all_jobs" 2>/dev/null)" ]]; then break; fi
  sleep 1
done
set +e
"${CQ[@]}" slurm status --run-dir "$run" > "$W/logs/status1.txt"
status1=$?
set -e
cat "$W/logs/status1.txt"
check "status after the cancel: incomplete, analyze task $victim failed, the chain stopped" \
  bash -c "[[ $status1 != 0 ]] && grep -qE '^analyze +4/5 .* $victim \(logs' '$W/logs/status1.txt' && [[ ! -d '$run/out' ]]"

echo "== second submit --wait"
set +e
"${CQ[@]}" slurm submit --run-dir "$run" --wait 2>&1 | tee "$W/logs/submit2.txt"
submit2=${PIPESTATUS[0]}
set -e
check "second submit --wait completes the run" test "$submit2" = 0
check "second submit resubmits only the cancelled analyze task and the later stages" \
  bash -c "grep -q '^submitted analyze: job [0-9]*, tasks $victim\$' '$W/logs/submit2.txt' && grep -q '^submitted merge:' '$W/logs/submit2.txt'"

echo "== DIR/out against the one-process audit and filter"
same() { # same FILE_A FILE_B: byte-identical after blanking the run's start time and duration
  python3 - "$1" "$2" <<'PY'
import re, sys
def masked(path):
    data = open(path, "rb").read()
    if not path.endswith((".json", ".md", ".html")):
        return data
    text = data.decode("utf-8")
    text = re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ", "TIME", text)
    text = re.sub(r'"elapsed_seconds": [0-9.]+', '"elapsed_seconds": X', text)
    return re.sub(r"[0-9.]+ s, [0-9,.]+ documents/s, [0-9.]+ MB/s", "SPEED", text).encode()
sys.exit(0 if masked(sys.argv[1]) == masked(sys.argv[2]) else 1)
PY
}
for f in signals.parquet samples.json summary.json report.html report.md; do
  check "out/$f = audit's" same "$W/one/out/$f" "$run/out/$f"
done
for f in kept.jsonl removed.jsonl; do
  check "out/$f = filter's (byte for byte)" cmp -s "$W/filter/$f" "$run/out/$f"
done
input_lines=$(cat "${inputs[@]}" | wc -l)
out_lines=$(cat "$run/out/kept.jsonl" "$run/out/removed.jsonl" | wc -l)
check "nothing lost or duplicated: kept + removed = $out_lines lines, inputs $input_lines" test "$input_lines" = "$out_lines"

echo "== memory: each task's own peak RSS (its log) within the --mem its stage requested"
within=yes
for script in "$run"/slurm/*.sbatch; do
  stage=$(basename "$script" .sbatch)
  mem=$(sed -n 's/^#SBATCH --mem=\([0-9]*\)M/\1/p' "$script")
  peak=$(cat "$run"/logs/"$stage"-*.log 2>/dev/null | sed -n 's/.*peak_rss_mib=\([0-9.]*\).*/\1/p' | sort -g | tail -1)
  echo "  $stage: peak ${peak:-?} MiB of ${mem} MiB requested"
  if [[ -z $peak ]] || ! awk -v p="$peak" -v m="$mem" 'BEGIN { exit !(p <= m) }'; then within=no; fi
done
check "every stage's peak RSS within its request" test "$within" = yes
"${CQ[@]}" slurm status --run-dir "$run" || true

total=$((passed + failed))
summarized=yes
if (( failed )); then
  echo "Failed!  - Failed: $failed, Passed: $passed, Skipped: 0, Total: $total - tests/slurm/run.sh"
  tail -5 "$W/slurmctld.log" "$W/slurmd.log" "$run"/logs/*.log 2>/dev/null || true
  exit 1
fi
echo "Passed!  - Failed: $failed, Passed: $passed, Skipped: 0, Total: $total - tests/slurm/run.sh"
