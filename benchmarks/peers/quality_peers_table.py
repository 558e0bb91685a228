#!/usr/bin/python3
"""Helper of run_quality_peers.sh (issue 8: CorpusQA's keep/drop verdicts against the peers' rule stacks).

  quality_peers_table.py testset QUALITY.jsonl.gz OUT.jsonl
      the held-out rows ("split": "test") as {id, text, label, defect, register}
  quality_peers_table.py record LABELS.jsonl VERDICTS.jsonl STACK SECONDS "SCORE LINE"
      one result line: the headline figures and per-defect dropped shares parsed from score_verdicts.py's own
      output line (so the figures are the peers' scorer's), plus clean kept per register and the reasons
      that drop clean documents (counted per reason; a CorpusQA document can have several)
  quality_peers_table.py table RESULTS.jsonl
      the Markdown tables"""
import collections, gzip, json, re, sys

def testset(src, dst):
    n = 0
    with gzip.open(src, "rt", encoding="utf-8") as f, open(dst, "w", encoding="utf-8") as out:
        for line in f:
            d = json.loads(line)
            if d.get("split") != "test": continue
            out.write(json.dumps({k: d.get(k) for k in ("id", "text", "label", "defect", "register")}, ensure_ascii=False) + "\n")
            n += 1
    print(json.dumps({"harness": "quality-peers", "testset": src.split("/")[-1], "split": "test", "docs": n}))

def record(labels, verdicts, stack, seconds, score_line):
    m = re.match(r"^(.*): clean kept ([\d.]+), defective dropped ([\d.]+), balanced ([\d.]+); (.*)$", score_line)
    if not m: sys.exit(f"unexpected score_verdicts.py line: {score_line!r}")
    per_defect = {k: float(v) for k, v in (p.rsplit(" ", 1) for p in m.group(5).split(", "))}
    truth = {str(d["id"]): d for d in map(json.loads, open(labels, encoding="utf-8"))}
    verdict = {str(r["id"]): r for r in map(json.loads, open(verdicts, encoding="utf-8"))}
    if set(truth) != set(verdict): sys.exit(f"{stack}: verdict ids differ from the labelled ids")
    reg_tot, reg_kept, reasons = collections.Counter(), collections.Counter(), collections.Counter()
    for i, t in truth.items():
        if t["label"] != "good": continue
        v = verdict[i]; reg_tot[t["register"]] += 1; reg_kept[t["register"]] += bool(v["keep"])
        if not v["keep"]:
            for r in filter(None, (v.get("reason") or "dropped").split(",")): reasons[r.strip()] += 1
    clean = sum(reg_tot.values())
    print(json.dumps({"harness": "quality-peers", "stack": stack, "docs": len(truth), "clean": clean,
                      "defective": len(truth) - clean, "clean_kept": float(m.group(2)),
                      "defective_dropped": float(m.group(3)), "balanced": float(m.group(4)),
                      "dropped_by_defect": per_defect,
                      "clean_kept_by_register": {k: round(reg_kept[k] / reg_tot[k], 3) for k in sorted(reg_tot)},
                      "clean_docs_by_register": dict(sorted(reg_tot.items())),
                      "clean_drop_reasons": dict(reasons.most_common(6)),
                      "wall_seconds": round(float(seconds), 2), "score_line": score_line}, ensure_ascii=False))

def table(results):
    rows = [json.loads(l) for l in open(results, encoding="utf-8") if l.strip()]
    stacks = [r for r in rows if "stack" in r]
    for r in rows:
        if "loadavg" in r: print(f"load average at {r['at']}: {r['loadavg']} ({r['nproc']} cores)  ")
        if "testset" in r: print(f"held-out documents: {r['docs']} ({r['testset']}, split {r['split']})  ")
    print()
    head = [s["stack"] for s in stacks]
    print("| | " + " | ".join(head) + " |"); print("|---|" + "---:|" * len(head))
    best = lambda key, s: f"**{s[key]:.3f}**" if s[key] == max(x[key] for x in stacks) else f"{s[key]:.3f}"
    print(f"| clean kept ({stacks[0]['clean']}) | " + " | ".join(best("clean_kept", s) for s in stacks) + " |")
    print(f"| defective dropped ({stacks[0]['defective']}) | " + " | ".join(best("defective_dropped", s) for s in stacks) + " |")
    print("| balanced | " + " | ".join(best("balanced", s) for s in stacks) + " |")
    for d in sorted(stacks[0]["dropped_by_defect"]):
        vals = [s["dropped_by_defect"][d] for s in stacks]
        print(f"| dropped: {d} | " + " | ".join(f"**{v:.2f}**" if v == max(vals) else f"{v:.2f}" for v in vals) + " |")
    regs = stacks[0]["clean_kept_by_register"]
    for g in regs:
        vals = [s["clean_kept_by_register"][g] for s in stacks]
        print(f"| clean kept: {g} ({stacks[0]['clean_docs_by_register'][g]}) | "
              + " | ".join(f"**{v:.2f}**" if v == max(vals) else f"{v:.2f}" for v in vals) + " |")
    print("| wall seconds (whole process) | " + " | ".join(f"{s['wall_seconds']:.1f}" for s in stacks) + " |")
    print()
    print("| stack | what drops clean documents (documents per reason) |"); print("|---|---|")
    for s in stacks:
        print(f"| {s['stack']} | " + ", ".join(f"{k} {v}" for k, v in s["clean_drop_reasons"].items()) + " |")

if __name__ == "__main__":
    {"testset": testset, "record": record, "table": table}[sys.argv[1]](*sys.argv[2:])
