#!/usr/bin/env bash
# Packs pleo-uxguard as a .NET tool into a local folder, installs it from there with `dotnet tool install`
# (as a QA engineer or CI job would from a feed), and proves the installed tool works: it answers --help,
# finds a browser, and runs the whole suite against the reference integration (exit 0 expected).
# Usage: scripts/tool-install.sh [--no-suite]
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
feed="$root/artifacts/tool-feed"
tools="$root/artifacts/tool-install"
rm -rf "$feed" "$tools"

echo "==> packing PleoUxGuard.ConformanceKit.Tool into $feed"
dotnet pack src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli -c Release -nologo -v quiet -o "$feed"
package=$(ls "$feed"/PleoUxGuard.ConformanceKit.Tool.*.nupkg)
version=$(basename "$package" .nupkg); version=${version#PleoUxGuard.ConformanceKit.Tool.}

echo "==> dotnet tool install PleoUxGuard.ConformanceKit.Tool $version from the local folder"
dotnet tool install PleoUxGuard.ConformanceKit.Tool --version "$version" --add-source "$feed" --tool-path "$tools"
tool="$tools/pleo-uxguard"

echo "==> the installed tool"
"$tool" --help | head -n 12
"$tool" browser

if [ "${1:-}" != "--no-suite" ]; then
  echo "==> the installed tool runs the suite against the reference integration"
  dotnet build samples/ReferenceIntegration -c Debug -nologo -v quiet >/dev/null
  set +e
  "$tool" run --profile samples/ReferenceIntegration/conformance-profile.json --output "$root/artifacts/tool-run"
  code=$?
  set -e
  echo "exit code $code"
  [ "$code" -eq 0 ] || { echo "error: the installed tool's suite run did not pass" >&2; exit "$code"; }
fi
echo "==> installed and working: $tool"
