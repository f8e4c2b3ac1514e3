#!/usr/bin/env bash
# One entry point for a fresh machine: installs what is missing, then builds, tests, packs, benchmarks or demos.
#   ./build.sh test    build everything and run every test (what CI runs)
#   ./build.sh demo    run the sample session service against a throwaway PostgreSQL
#   ./build.sh pack    pack the Tolerant package into artifacts/packages
#   ./build.sh bench   run the BenchmarkDotNet suite (Release, its own throwaway PostgreSQL)
#   ./build.sh fuzz    a long run of the SQL lexer/resolver fuzz test (TOLERANT_FUZZ_ITERATIONS, default 5,000,000)
#   ./build.sh build   restore and build only
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
cd "$root"
configuration="${CONFIGURATION:-Release}"
solution="Generators.sln"

fail() { printf 'build.sh: %s\n' "$*" >&2; exit 1; }

# Builds share obj/ folders: two at once on this 2-core machine corrupt each other, so they queue here.
hold_build_lock() {
  if command -v flock >/dev/null 2>&1; then
    exec 9>"${TMPDIR:-/tmp}/tolerant-build.lock"
    flock 9
  fi
}

ensure_dotnet() {
  command -v dotnet >/dev/null 2>&1 \
    || fail "the .NET SDK is missing: install the .NET 10 SDK (https://dot.net) and put 'dotnet' on PATH."
  export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
}

# Tests and the demo start a private cluster from the server binaries, unless TOLERANT_PG names a server.
ensure_postgres() {
  if [ -n "${TOLERANT_PG:-}" ]; then return; fi
  if compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null; then return; fi
  echo "build.sh: PostgreSQL server binaries not found; installing them with apt-get..."
  local sudo=""
  if [ "$(id -u)" != "0" ]; then
    command -v sudo >/dev/null 2>&1 \
      || fail "PostgreSQL is missing and this user cannot install it: run 'apt-get install -y postgresql' as root, or set TOLERANT_PG to a connection string."
    sudo="sudo"
  fi
  # The package's post-install step may try to start a system cluster; we never use it.
  $sudo env DEBIAN_FRONTEND=noninteractive apt-get update -qq >/dev/null \
    && $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null \
    || fail "'apt-get install postgresql' failed: install PostgreSQL server binaries by hand, or set TOLERANT_PG to a connection string."
  compgen -G '/usr/lib/postgresql/*/bin/initdb' >/dev/null \
    || fail "apt-get installed postgresql but no initdb is under /usr/lib/postgresql/*/bin; set TOLERANT_PG instead."
}

build() {
  dotnet build "$solution" -c "$configuration" -nologo -clp:NoSummary -v:quiet \
    || fail "the build failed (see the errors above)."
}

# Prints 'tests: N passed, N failed, N skipped' from the TRX files, the one line CI reads.
summarize_trx() {
  local dir="$1" passed=0 failed=0 skipped=0 file counters
  for file in "$dir"/*.trx; do
    [ -f "$file" ] || continue
    counters=$(grep -o '<Counters [^>]*>' "$file" | head -n 1)
    passed=$((passed + $(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")))
    failed=$((failed + $(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")))
    skipped=$((skipped + $(sed -n 's/.* notExecuted="\([0-9]*\)".*/\1/p' <<<"$counters")))
  done
  printf 'tests: %d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  [ "$passed" -gt 0 ] || fail "no test ran."
  [ "$failed" -eq 0 ] && [ "$skipped" -eq 0 ]
}

run_tests() {
  local results="$root/artifacts/test-results"
  rm -rf "$results"
  # Test assemblies run one after another: each one already uses both cores, and the real-PostgreSQL tests
  # start their own cluster, so running assemblies side by side only makes them fight.
  local status=0
  dotnet test "$solution" -c "$configuration" --no-build -nologo -m:1 \
    --results-directory "$results" --logger "trx" --logger "console;verbosity=minimal" \
    --blame-hang-timeout 5m -- RunConfiguration.DisableParallelization=false || status=$?
  summarize_trx "$results" || fail "some tests failed (see above); the results are in artifacts/test-results."
  [ "$status" -eq 0 ] || fail "dotnet test exited with $status (see above)."
}

command="${1:-test}"
case "$command" in
  build)
    ensure_dotnet; hold_build_lock; build ;;
  test)
    ensure_dotnet; ensure_postgres; hold_build_lock; build; run_tests ;;
  demo)
    ensure_dotnet; ensure_postgres; hold_build_lock
    dotnet run --project samples/SessionService -c "$configuration" -- demo \
      || fail "the demo failed (see the log above)." ;;
  pack)
    ensure_dotnet; hold_build_lock
    dotnet pack src/Tolerant -c "$configuration" -o "$root/artifacts/packages" -nologo \
      || fail "packing failed (see the errors above)."
    ls "$root"/artifacts/packages/*.nupkg ;;
  bench)
    ensure_dotnet; ensure_postgres; hold_build_lock
    [ -d tests/Tolerant.Benchmarks ] || fail "there is no benchmark project yet (tests/Tolerant.Benchmarks)."
    dotnet run --project tests/Tolerant.Benchmarks -c Release -- "${@:2}" ;;
  fuzz)
    ensure_dotnet; hold_build_lock; build
    TOLERANT_FUZZ_ITERATIONS="${TOLERANT_FUZZ_ITERATIONS:-5000000}" \
      dotnet test tests/Tolerant.Generators.Tests -c "$configuration" --no-build -nologo \
        --filter "FullyQualifiedName~Tolerant.Generators.Tests.Sql.SqlFuzzTests" --logger "console;verbosity=normal" \
      || fail "the fuzz run found a failure (see above)." ;;
  *)
    fail "unknown command '$command': use test, demo, pack, bench, fuzz or build." ;;
esac
