#!/usr/bin/env bash
# Benchmarks the conformance suite against the reference integration on this machine.
# Measured side by side in one invocation: the suite with flows in parallel browser contexts (the default)
# and with one flow at a time, each from a new process; then where the time of the parallel run goes.
# The first parallel run right after the build is "cold" (nothing of the kit, the reference integration or
# Chromium in the OS cache from a previous run); the next ones are "warm". Each is compared with the sum of
# the flows' own durations in the one-at-a-time run of the same invocation.
# Usage: scripts/bench-conformance.sh [runs per mode, default 1]
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${1:-1}
out=artifacts/bench
rm -rf "$out"; mkdir -p "$out"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
dotnet build samples/ReferenceIntegration -c Debug -nologo -v quiet >/dev/null
dotnet build src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli -c Debug -nologo -v quiet >/dev/null
cli=src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli/bin/Debug/net10.0/pleo-uxguard.dll
profile=samples/ReferenceIntegration/conformance-profile.json

run_once() { # mode parallel index
  local dir="$out/$1-$3" start end
  start=$(python3 -c 'import time; print(time.time())')
  dotnet "$cli" run --profile "$profile" --output "$dir" --parallel "$2" >"$dir.log" 2>&1 || true
  end=$(python3 -c 'import time; print(time.time())')
  python3 -c "print($end - $start)" > "$dir.wall"
}

run_once cold 4 1
for i in $(seq 1 "$runs"); do
  run_once parallel 4 "$i"
  run_once serial 1 "$i"
done

python3 - "$out" "$runs" <<'PY'
import json, sys, statistics, pathlib
out, runs = pathlib.Path(sys.argv[1]), int(sys.argv[2])
def load(mode):
    walls, results = [], []
    for i in range(1, runs + 1):
        walls.append(float((out / f"{mode}-{i}.wall").read_text()))
        results.append(json.loads((out / f"{mode}-{i}" / "results.json").read_text()))
    return walls, results
pw, pr = load("parallel")
sw, sr = load("serial")
med = statistics.median
print(f"runs per mode: {runs}")
for name, walls, results in (("parallel (4 contexts)", pw, pr), ("one flow at a time", sw, sr)):
    r = results[-1]
    verdicts = {}
    for c in r["checks"]:
        verdicts[c["verdict"]] = verdicts.get(c["verdict"], 0) + 1
    print(f"{name:24} wall {med(walls):6.1f} s  exit {r['exitCode']}  {verdicts}")
print(f"ratio parallel / one-at-a-time wall time: {med(pw) / med(sw):.2f}")
cold_wall = float((out / "cold-1.wall").read_text())
cold = json.loads((out / "cold-1" / "results.json").read_text())
one_by_one = statistics.median(sum(f["durationSeconds"] for f in r["flows"]) for r in sr)
print(f"sum of the flows run one by one (their own durations in the one-at-a-time run): {one_by_one:.1f} s")
print(f"cold suite (first run after the build): wall {cold_wall:6.1f} s  exit {cold['exitCode']}  ratio to the sum {cold_wall / one_by_one:.2f}")
print(f"warm suite (median of {runs}):             wall {med(pw):6.1f} s  ratio to the sum {med(pw) / one_by_one:.2f}")
r = pr[-1]
flows = r["flows"]
first = min(f["startedAfterSeconds"] for f in flows)
flow_sum = sum(f["durationSeconds"] for f in flows)
signin = sum(f["steps"][0]["elapsedSeconds"] for f in flows if f["steps"])
startup = med(pw) - r["durationSeconds"] + first
print(f"parallel run, where the time goes (share of its {med(pw):.1f} s wall time):")
print(f"  process, browser, fake Pleo and integration start-up: {startup / med(pw):5.0%}")
print(f"  flows (overlapping):                                  {(r['durationSeconds'] - first) / med(pw):5.0%}")
print(f"  sum of flow times / flow phase (parallel speed-up):   {flow_sum / max(0.001, r['durationSeconds'] - first):.2f}x")
print(f"  sign-up + opening the page, share of summed flow time: {signin / flow_sum:5.0%}")
for f in sorted(flows, key=lambda f: -f["durationSeconds"]):
    print(f"    {f['id']:22} {f['durationSeconds'] / flow_sum:5.0%} of summed flow time")
PY
