#!/usr/bin/env bash
# The project's one entry point. Its verbs are the README's commands.
#   ./build.sh test          install what tests need, build, pack, run every test project, print the Total line
#   ./build.sh conformance   run the conformance suite against the reference integration (the main job)
#   ./build.sh demo          start the reference integration with the embedded fake Pleo
#   ./build.sh browser       install a browser for the kit if none is found
set -uo pipefail

cd "$(dirname "$0")"
root=$(pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
configuration=${CONFIGURATION:-Debug}
artifacts="$root/artifacts"

say() { printf '==> %s\n' "$*" >&2; }
die() { printf 'error: %s\n' "$1" >&2; exit "${2:-1}"; }

have_browser() {
  [ -n "${PLEOUXGUARD_BROWSER:-}" ] && [ -x "${PLEOUXGUARD_BROWSER}" ] && return 0
  for candidate in /usr/bin/chromium /usr/bin/chromium-browser /usr/bin/google-chrome /usr/bin/google-chrome-stable /snap/bin/chromium; do
    [ -x "$candidate" ] && return 0
  done
  ls -d "${PLAYWRIGHT_BROWSERS_PATH:-$HOME/.cache/ms-playwright}"/chromium-* >/dev/null 2>&1
}

# Runs a command up to three times, 15 s apart: a package mirror's passing hiccup must not fail a CI run.
retry() {
  local attempt
  for attempt in 1 2 3; do
    "$@" && return 0
    if [ "$attempt" -lt 3 ]; then say "attempt $attempt of 3 failed; trying again in 15 s"; sleep 15; fi
  done
  return 1
}

install_chromium_package() {
  apt-get update -qq >/dev/null && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
}

# Chromium for the kit and its tests: the system's if present; Debian's package when we are root on
# Debian/Ubuntu; otherwise Playwright's own build through the driver bundled in the Playwright package.
ensure_browser() {
  if have_browser; then return 0; fi
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    say "installing Chromium from the distribution's packages"
    retry install_chromium_package || die "apt-get could not install chromium (three attempts)" 3
  else
    say "installing Playwright's own Chromium through the bundled driver"
    dotnet build src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli -c "$configuration" -v quiet >/dev/null \
      || die "could not build the kit's CLI to install a browser" 3
    dotnet "src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli/bin/$configuration/net10.0/pleo-uxguard.dll" install-browser \
      || die "no browser could be installed; install Chromium or Chrome and set PLEOUXGUARD_BROWSER" 3
  fi
  have_browser || die "a browser was installed but is still not found; set PLEOUXGUARD_BROWSER to its path" 3
}

# Reads the Counters element of a TRX file: prints "total passed failed".
trx_counts() {
  local counters
  counters=$(grep -o '<Counters [^>]*>' "$1" | head -n 1)
  local total passed failed
  total=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  failed=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  echo "${total:-0} ${passed:-0} ${failed:-0}"
}

run_tests() {
  # In a subshell, so a browser that cannot be installed still ends the run with the Total line CI reads.
  if ! (ensure_browser); then
    echo "Total: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  say "building"
  if ! dotnet build PleoUxGuard.sln -c "$configuration" -warnaserror -nologo -v minimal; then
    echo "Build failed."
    echo "Total: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  say "packing PleoUxGuard.Analyzers"
  rm -rf "$artifacts/packages"
  if ! dotnet pack src/Package -c "$configuration" --no-build -nologo -v minimal -o "$artifacts/packages"; then
    echo "Pack failed."
    echo "Total: 0 passed, 1 failed, 0 skipped"
    exit 1
  fi
  local results="$artifacts/test-results"
  rm -rf "$results"; mkdir -p "$results"
  local passed=0 failed=0 skipped=0 project name
  for project in tests/*/*.csproj; do
    name=$(basename "$project" .csproj)
    say "testing $name"
    dotnet test "$project" -c "$configuration" --no-build --nologo \
      --logger "trx;LogFileName=$name.trx" --logger "console;verbosity=minimal" --results-directory "$results"
    local exit_code=$?
    local trx="$results/$name.trx"
    if [ -f "$trx" ]; then
      read -r t p f < <(trx_counts "$trx")
      passed=$((passed + p)); failed=$((failed + f)); skipped=$((skipped + t - p - f))
      # A crashed or aborted test host can leave a TRX whose counters show no failure.
      if [ "$exit_code" -ne 0 ] && [ "$f" -eq 0 ]; then failed=$((failed + 1)); say "$name: test run aborted (exit $exit_code)"; fi
    else
      failed=$((failed + 1)); say "$name: no test results were written (exit $exit_code)"
    fi
  done
  # The Total line is the last thing printed, on every path: CI reads only that line.
  if [ "$passed" -eq 0 ] && [ "$failed" -eq 0 ]; then say "no test ran"; fi
  echo "Total: $passed passed, $failed failed, $skipped skipped"
  if [ "$failed" -ne 0 ] || [ "$passed" -eq 0 ]; then exit 1; fi
}

cli() {
  dotnet build src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli -c "$configuration" -nologo -v quiet >/dev/null \
    || die "the conformance kit does not build; run 'dotnet build PleoUxGuard.sln' to see why" 3
  dotnet "src/ConformanceKit/PleoUxGuard.ConformanceKit.Cli/bin/$configuration/net10.0/pleo-uxguard.dll" "$@"
}

case "${1:-}" in
  test) run_tests ;;
  conformance)
    ensure_browser
    shift
    # The profile starts the reference integration's Debug build; build it (quietly) first.
    dotnet build samples/ReferenceIntegration -c Debug -nologo -v quiet >/dev/null \
      || die "the reference integration does not build; run 'dotnet build PleoUxGuard.sln' to see why" 3
    cli run --profile samples/ReferenceIntegration/conformance-profile.json --output "$artifacts/conformance" "$@" ;;
  demo)
    shift
    dotnet run --project samples/ReferenceIntegration -c "$configuration" -- --demo "$@" ;;
  browser) ensure_browser; cli browser ;;
  *)
    sed -n '2,6p' "$0" | sed 's/^# \{0,1\}//'
    exit 2 ;;
esac
