#!/usr/bin/env bash
# Runs the whole conformance suite against the reference integration N times and counts the runs that did
# not pass (any exit code but 0), with the checks or problems behind each; a red run must be a real one.
# Usage: scripts/stability.sh [N, default 20] [extra run options, e.g. --parallel 2]
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}
shift || true
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
out=artifacts/stability
rm -rf "$out"; mkdir -p "$out"
dotnet build samples/ReferenceIntegration -c Debug -nologo -v quiet >/dev/null || { echo "error: the reference integration does not build" >&2; exit 3; }
dotnet build src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli -c Debug -nologo -v quiet >/dev/null || { echo "error: the kit does not build" >&2; exit 3; }
cli=src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli/bin/Debug/net10.0/pleo-uxguard.dll
profile=samples/ReferenceIntegration/conformance-profile.json

failed=0
for i in $(seq 1 "$runs"); do
  dir="$out/run-$i"
  start=$(date +%s.%N)
  dotnet "$cli" run --profile "$profile" --output "$dir" "$@" >"$dir.log" 2>&1
  code=$?
  wall=$(python3 -c "print(f'{$(date +%s.%N) - $start:.1f}')")
  if [ "$code" -eq 0 ]; then
    echo "run $i/$runs: passed in $wall s"
  else
    failed=$((failed + 1))
    why=$(python3 - "$dir/results.json" <<'PY'
import json, sys
try:
    r = json.load(open(sys.argv[1]))
except Exception as e:
    print(f"no results.json ({e.__class__.__name__})"); sys.exit()
bad = [f"{c['id']}: {c['summary']}" for c in r["checks"] if c["verdict"] in ("failed", "skipped") and not c.get("expectedFailure")]
bad += [p["message"] for p in r.get("problems", [])]
print("; ".join(bad)[:600])
PY
)
    echo "run $i/$runs: FAILED (exit $code) in $wall s: $why"
  fi
done
echo "stability: $runs runs, $failed failed"
[ "$failed" -eq 0 ]
