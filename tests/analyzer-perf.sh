#!/usr/bin/env bash
# Measures what Tolerant's analyzers and generator cost a build. Generates, under /tmp, a library with 2,000 raw-SQL
# call sites (Npgsql and Dapper sinks; guarded, unguarded and [RequiresColumns] code; five [SqlTable] types, three with
# optional columns and one optional table) that references the built Tolerant runtime, with Tolerant.Generators.dll
# and Tolerant.CodeFixes.dll as analyzers (as the package carries them), then rebuilds it with -p:ReportAnalyzer=true
# and prints the compiler's per-analyzer and per-generator times next to the build's wall time. Each measured build is paired with one where every TOL diagnostic is set to
# 'none' (the compiler then does not run the analyzers at all), so the wall-time difference is measured too.
#
#   tests/analyzer-perf.sh                 build Tolerant (Release), generate, measure 3 pairs
#   SITES=500 RUNS=1 tests/analyzer-perf.sh
#   NO_TOLERANT_BUILD=1 tests/analyzer-perf.sh   use the DLLs already in src/*/bin/Release
#   GUARDED=1 tests/analyzer-perf.sh       every call site guarded: the project builds without a warning
#
# Builds hold /tmp/tolerant-build.lock (builds share obj/ folders and 2 cores); before measuring it waits up to
# 10 minutes for the 1-minute load average to fall below $MAX_LOAD, and reports the load it measured under.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
sites="${SITES:-2000}"
runs="${RUNS:-3}"
max_load="${MAX_LOAD:-1.5}"
work="${PERF_DIR:-/tmp/tolerant-analyzer-perf}"
lock="${TMPDIR:-/tmp}/tolerant-build.lock"
runtime_dll="$root/src/Tolerant/bin/Release/net10.0/Tolerant.dll"
generator_dll="$root/src/Tolerant.Generators/bin/Release/netstandard2.0/Tolerant.Generators.dll"
codefixes_dll="$root/src/Tolerant.CodeFixes/bin/Release/netstandard2.0/Tolerant.CodeFixes.dll"
per_file=50
# GUARDED=1: the five warning shapes get the guard they lack, so the project builds without a warning — the state a
# project that treats warnings as errors is always in. Same call sites, same SQL, same analysis.
if [ -n "${GUARDED:-}" ]; then
  g0='        if (!_sessions.Has(UserSession.Columns.IsActive)) { return 0; }'
  g4a='_customers.Has(Customer.Columns.LoyaltyTier) ? '; g4b=' : Task.FromResult(0)'
  g7a='_orders.Has(Order.Columns.DiscountCode) ? '; g7b=' : Task.FromResult<IEnumerable<string>>([])'
  g9='        if (!_orders.Has(Order.Columns.ShippedAt)) { return 0; }'
  g10='        if (!_audit.TableExists) { return; }'
else
  g0=''; g4a=''; g4b=''; g7a=''; g7b=''; g9=''; g10=''
fi

fail() { printf 'analyzer-perf: %s\n' "$*" >&2; exit 1; }
command -v dotnet >/dev/null || fail "dotnet is not on PATH."
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

version_of() { # a version pinned in Directory.Packages.props, so the perf project uses what the repo uses
  sed -n "s/.*PackageVersion Include=\"$1\" Version=\"\([^\"]*\)\".*/\1/p" "$root/Directory.Packages.props" | head -n 1
}
npgsql_version="$(version_of Npgsql)"
dapper_version="$(version_of Dapper)"
logging_version="$(version_of Microsoft.Extensions.Logging.Abstractions)"

if [ -z "${NO_TOLERANT_BUILD:-}" ]; then
  echo "analyzer-perf: building the Tolerant runtime and generator (Release)..."
  flock -o "$lock" dotnet build "$root/src/Tolerant" -c Release -nologo -v:q -clp:NoSummary >/dev/null \
    || fail "building src/Tolerant failed."
fi
for dll in "$runtime_dll" "$generator_dll" "$codefixes_dll"; do
  [ -f "$dll" ] || fail "missing $dll: build src/Tolerant -c Release first."
done

# ---------------------------------------------------------------------------------------------------------------------
# The project
# ---------------------------------------------------------------------------------------------------------------------
rm -rf "$work"
mkdir -p "$work/src/Queries"

cat >"$work/src/PerfApp.csproj" <<EOF
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <Nullable>enable</Nullable>
    <ImplicitUsings>disable</ImplicitUsings>
    <LangVersion>latest</LangVersion>
    <!-- As on these machines: no compiler server, so every build starts csc afresh. -->
    <UseSharedCompilation>false</UseSharedCompilation>
    <!-- The unguarded call sites warn on purpose. -->
    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>
    <GenerateDocumentationFile>false</GenerateDocumentationFile>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Npgsql" Version="$npgsql_version" />
    <PackageReference Include="Dapper" Version="$dapper_version" />
    <PackageReference Include="Microsoft.Extensions.Logging.Abstractions" Version="$logging_version" />
    <Reference Include="Tolerant" HintPath="$runtime_dll" />
    <!-- What the package's analyzers/dotnet/cs folder holds: the generator and analyzers, and the code fixes. -->
    <Analyzer Include="$generator_dll" />
    <Analyzer Include="$codefixes_dll" />
  </ItemGroup>
  <!-- The comparison build: every TOL diagnostic off, so the compiler skips Tolerant's analyzers (the generator still runs). -->
  <ItemGroup Condition="'\$(TolerantAnalyzersOff)' == 'true'">
    <GlobalAnalyzerConfigFiles Include="tolerant-off.globalconfig" />
  </ItemGroup>
</Project>
EOF

{
  echo "is_global = true"
  for id in $(seq -f 'TOL%04g' 0 16) TOL1001 TOL1002 TOL1003; do echo "dotnet_diagnostic.$id.severity = none"; done
} >"$work/src/tolerant-off.globalconfig"

cat >"$work/src/Model.cs" <<'EOF'
using System;
using Tolerant;

namespace PerfApp;

[SqlTable("shared.user_sessions")]
public sealed partial record UserSession
{
    [SqlKey] public Guid Id { get; init; }
    public Guid UserId { get; init; }
    [SqlColumn("ip")] public string? IpAddress { get; init; }
    public DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? ExpiresAt { get; init; }
    [OptionalColumn(Since = "015", Default = "true")] public bool IsActive { get; init; } = true;
    [OptionalColumn(Since = "015")] public DateTimeOffset? UpdatedAt { get; init; }
    [OptionalColumn(Since = "015")] public DateTimeOffset? LogoutAt { get; init; }
}

[SqlTable("shop.customers")]
public sealed partial record Customer
{
    [SqlKey] public Guid Id { get; init; }
    public string Name { get; init; } = "";
    public string Email { get; init; } = "";
    [OptionalColumn(Since = "021", Default = "'standard'")] public string LoyaltyTier { get; init; } = "standard";
}

[SqlTable("shop.orders")]
public sealed partial record Order
{
    [SqlKey] public long Id { get; init; }
    public Guid CustomerId { get; init; }
    public decimal Total { get; init; }
    public DateTimeOffset PlacedAt { get; init; }
    [OptionalColumn(Since = "020")] public string? DiscountCode { get; init; }
    [OptionalColumn(Since = "022")] public DateTimeOffset? ShippedAt { get; init; }
}

[SqlTable("billing.invoices")]
public sealed partial record Invoice
{
    [SqlKey] public long Id { get; init; }
    public long OrderId { get; init; }
    public decimal Amount { get; init; }
    public DateTimeOffset IssuedAt { get; init; }
}

[SqlTable("audit.events", Optional = true)]
public sealed partial record AuditEvent
{
    [SqlKey] public long Id { get; init; }
    public string Kind { get; init; } = "";
    public DateTimeOffset At { get; init; }
}
EOF

# One call site per method; twelve shapes in turn. Each SQL text is distinct (/* qN */, LIMIT N), as in a real code
# base, so the analyzer's per-text cache does not flatter it. Shapes 0, 4, 7, 9 and 10 warn; the others are guarded
# or name required columns only.
site() {
  local i=$1
  case $((i % 12)) in
    0) cat <<EOF
    public async Task<long> Q${i}Async(Guid user, CancellationToken ct)
    {
${g0}
        await using var command = _db.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE is_active AND user_id = @user /* q${i} */");
        command.Parameters.AddWithValue("user", user);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
EOF
    ;;
    1) cat <<EOF
    public async Task<long> Q${i}Async(CancellationToken ct)
    {
        if (_sessions.Has(UserSession.Columns.LogoutAt))
        {
            await using var command = _db.CreateCommand("SELECT count(*) FROM shared.user_sessions WHERE logout_at > now() - interval '1 day' /* q${i} */");
            return (long)(await command.ExecuteScalarAsync(ct))!;
        }

        return 0;
    }
EOF
    ;;
    2) cat <<EOF
    public async Task<List<long>> Q${i}Async(string code, CancellationToken ct)
    {
        if (!_orders.Has(Order.Columns.DiscountCode))
        {
            return [];
        }

        await using var command = new NpgsqlCommand("SELECT o.id FROM shop.orders o WHERE o.discount_code = @code ORDER BY o.placed_at DESC LIMIT ${i}", _connection);
        command.Parameters.AddWithValue("code", code);
        var ids = new List<long>();
        await using var reader = await command.ExecuteReaderAsync(ct);
        while (await reader.ReadAsync(ct))
        {
            ids.Add(reader.GetInt64(0));
        }

        return ids;
    }
EOF
    ;;
    3) cat <<EOF
    public Task<IEnumerable<Invoice>> Q${i}Async(long orderId) =>
        _connection.QueryAsync<Invoice>("SELECT id, order_id AS OrderId, amount, issued_at AS IssuedAt FROM billing.invoices WHERE order_id = @orderId /* q${i} */", new { orderId });
EOF
    ;;
    4) cat <<EOF
    public Task<int> Q${i}Async(Guid id, string tier) =>
        ${g4a}_connection.ExecuteAsync("UPDATE shop.customers SET loyalty_tier = @tier WHERE id = @id /* q${i} */", new { tier, id })${g4b};
EOF
    ;;
    5) cat <<EOF
    public async Task<string?> Q${i}Async(string email, CancellationToken ct)
    {
        _customers.Require(Customer.Columns.LoyaltyTier);
        await using var command = _connection.CreateCommand();
        command.CommandText = "SELECT loyalty_tier FROM shop.customers WHERE email = @email /* q${i} */";
        command.Parameters.AddWithValue("email", email);
        return (string?)await command.ExecuteScalarAsync(ct);
    }
EOF
    ;;
    6) cat <<EOF
    public async Task<IEnumerable<long>> Q${i}Async()
    {
        if (_sessions.Has(UserSession.Columns.IsActive) && _orders.Has(Order.Columns.ShippedAt))
        {
            return await _connection.QueryAsync<long>(
                "SELECT o.id FROM shop.orders o JOIN shared.user_sessions s ON s.user_id = o.customer_id WHERE s.is_active AND o.shipped_at IS NULL /* q${i} */");
        }

        return [];
    }
EOF
    ;;
    7) cat <<EOF
    public Task<IEnumerable<string>> Q${i}Async() =>
        ${g7a}_connection.QueryAsync<string>(
            """
            WITH recent AS (SELECT customer_id, max(placed_at) AS last FROM shop.orders GROUP BY customer_id)
            SELECT c.name FROM shop.customers c JOIN recent r ON r.customer_id = c.id
            WHERE c.id IN (SELECT customer_id FROM shop.orders WHERE discount_code IS NOT NULL)
            LIMIT ${i}
            """)${g7b};
EOF
    ;;
    8) cat <<EOF
    [RequiresColumns(typeof(UserSession), nameof(UserSession.UpdatedAt))]
    private Task<int> Touch${i}Async(Guid id) =>
        _connection.ExecuteAsync("UPDATE shared.user_sessions SET updated_at = now() WHERE id = @id /* q${i} */", new { id });

    public async Task Q${i}Async(Guid id)
    {
        if (_sessions.Has(UserSession.Columns.UpdatedAt))
        {
            await Touch${i}Async(id);
        }
    }
EOF
    ;;
    9) cat <<EOF
    public async Task<long> Q${i}Async(DateTimeOffset since, int limit, CancellationToken ct)
    {
${g9}
        await using var command = _db.CreateCommand(
            "SELECT count(*) FROM (SELECT id FROM shop.orders WHERE placed_at > @since " +
            \$"AND shipped_at IS NOT NULL LIMIT {limit}) recent /* q${i} */");
        command.Parameters.AddWithValue("since", since);
        return (long)(await command.ExecuteScalarAsync(ct))!;
    }
EOF
    ;;
    10) cat <<EOF
    public async Task Q${i}Async(string kind)
    {
${g10}
        await _connection.ExecuteAsync("INSERT INTO audit.events (kind, at) VALUES (@kind, now()) /* q${i} */", new { kind });
        if (_audit.TableExists)
        {
            await _connection.ExecuteAsync("DELETE FROM audit.events WHERE at < now() - interval '90 days' /* q${i} */");
        }
    }
EOF
    ;;
    11) cat <<EOF
    public Task<int> Q${i}Async(UserSession row)
    {
        if (!_sessions.IsComplete)
        {
            return Task.FromResult(0);
        }

        return _connection.ExecuteAsync(
            "INSERT INTO shared.user_sessions (id, user_id, ip, created_at, expires_at, is_active, updated_at, logout_at) " +
            "VALUES (@Id, @UserId, @IpAddress, @CreatedAt, @ExpiresAt, @IsActive, @UpdatedAt, @LogoutAt) /* q${i} */",
            row);
    }
EOF
    ;;
  esac
}

files=$(( (sites + per_file - 1) / per_file ))
for ((f = 0; f < files; f++)); do
  {
    cat <<EOF
using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Npgsql;
using Tolerant;

namespace PerfApp.Queries;

public sealed class Queries${f}(
    NpgsqlDataSource db,
    NpgsqlConnection connection,
    TableCapabilities<UserSession> sessions,
    TableCapabilities<Order> orders,
    TableCapabilities<Customer> customers,
    TableCapabilities<AuditEvent> audit)
{
    private readonly NpgsqlDataSource _db = db;
    private readonly NpgsqlConnection _connection = connection;
    private readonly TableCapabilities<UserSession> _sessions = sessions;
    private readonly TableCapabilities<Order> _orders = orders;
    private readonly TableCapabilities<Customer> _customers = customers;
    private readonly TableCapabilities<AuditEvent> _audit = audit;
EOF
    for ((i = f * per_file; i < (f + 1) * per_file && i < sites; i++)); do
      echo
      site "$i"
    done
    echo "}"
  } >"$work/src/Queries/Queries$f.cs"
done
echo "analyzer-perf: generated $sites call sites in $files files under $work/src"

# ---------------------------------------------------------------------------------------------------------------------
# Measuring
# ---------------------------------------------------------------------------------------------------------------------
load1() { cut -d' ' -f1 /proc/loadavg; }
waited=0
until awk -v l="$(load1)" -v m="$max_load" 'BEGIN { exit !(l < m) }'; do
  if [ "$waited" -ge 600 ]; then
    echo "analyzer-perf: load still $(load1) after 10 minutes; measuring anyway (figures will be noisier)."
    break
  fi
  [ "$waited" -eq 0 ] && echo "analyzer-perf: waiting for the 1-minute load ($(load1)) to fall below $max_load..."
  sleep 15
  waited=$((waited + 15))
done

# The lock is held on descriptor 9 until the measurements end; every dotnet below closes it (9>&-), so a build node
# that outlives its build cannot keep the lock after this script is done.
exec 9>"$lock"
flock 9
start_load="$(load1)"
dotnet restore "$work/src/PerfApp.csproj" -nologo -v:q --disable-build-servers >/dev/null 9>&- || fail "restore failed."
# A first build warms the SDK and the disk cache; it is not counted.
dotnet build "$work/src/PerfApp.csproj" -c Release --no-restore -nologo -v:q -clp:NoSummary --disable-build-servers >/dev/null 2>&1 9>&- \
  || fail "the warm-up build failed."

seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f\n", (b - a) / 1e9 }'; }

# One build: its wall seconds and CPU seconds (user + system of the build and the compiler it starts: no build servers,
# so csc is a child that exits with the build), then the log, where ReportAnalyzer's tables are in the Csc task's output.
# On a shared machine the CPU seconds are the steadier figure: other work stretches wall time, not CPU time.
measure() {
  local name=$1; shift
  local log="$work/$name.log" t0 t1 cpu
  t0=$(date +%s%N)
  cpu=$( { TIMEFORMAT='%U %S'; time dotnet build "$work/src/PerfApp.csproj" -c Release --no-restore --no-incremental -nologo \
    --disable-build-servers -p:ReportAnalyzer=true -v:detailed -clp:PerformanceSummary "$@" >"$log" 2>&1 9>&-; } 2>&1 ) \
    || { tail -n 30 "$log"; fail "build $name failed."; }
  t1=$(date +%s%N)
  seconds "$t0" "$t1" >"$work/$name.wall"
  awk '{ printf "%.2f\n", $1 + $2 }' <<<"$cpu" >"$work/$name.cpu"
}

for ((r = 1; r <= runs; r++)); do
  measure "on-$r"
  measure "off-$r" -p:TolerantAnalyzersOff=true
done
end_load="$(load1)"
exec 9>&-

# ---------------------------------------------------------------------------------------------------------------------
# Report
# ---------------------------------------------------------------------------------------------------------------------
# "Total analyzer execution time: 1.234 seconds." and rows "   0.812   65   Name" under it.
total_of() { sed -n "s/.*Total $1 execution time: \([0-9.]*\) seconds.*/\1/p" "$2" | head -n 1; }
row_of() { # seconds for the first row naming $1
  awk -v name="$1" 'index($0, name) && $1 ~ /^[0-9.<]+$/ { gsub("<", "", $1); print $1; exit }' "$2"
}
csc_ms() { sed -n 's/^ *\([0-9]*\) ms  Csc .*/\1/p' "$1" | head -n 1; }
median() { sort -n | awk '{ v[NR] = $1 } END { if (NR == 0) print "n/a"; else if (NR % 2) print v[(NR + 1) / 2]; else printf "%.3f\n", (v[NR / 2] + v[NR / 2 + 1]) / 2 }'; }
warnings() { # each distinct file(line,col): TOLxxxx once, though the log repeats warnings in its summary
  grep -o '/[^ >]*\.cs([0-9,]*): warning TOL[0-9]*' "$1" | sort -u | awk '{ n[$3]++ } END { for (id in n) printf "%s %d; ", id, n[id] }'
}

printf '\n%-6s %8s %8s %8s %11s %9s %9s %12s %13s\n' run "wall s" "CPU s" "csc s" "analyzers s" "RawSql s" "Model s" "generators s" "TolerantGen s"
for ((r = 1; r <= runs; r++)); do
  for mode in on off; do
    log="$work/$mode-$r.log"
    ms=$(csc_ms "$log"); ms=${ms:-0}
    printf '%-6s %8s %8s %8s %11s %9s %9s %12s %13s\n' "$mode-$r" "$(cat "$work/$mode-$r.wall")" "$(cat "$work/$mode-$r.cpu")" \
      "$(awk -v m="$ms" 'BEGIN { printf "%.2f", m / 1000 }')" \
      "$(total_of analyzer "$log")" \
      "$(row_of Tolerant.Generators.Analyzers.RawSqlAnalyzer "$log")" \
      "$(row_of Tolerant.Generators.Analyzers.TableModelAnalyzer "$log")" \
      "$(total_of generator "$log")" \
      "$(row_of Tolerant.Generators.TolerantGenerator "$log")"
  done
done

wall_on=$(for ((r = 1; r <= runs; r++)); do cat "$work/on-$r.wall"; done | median)
wall_off=$(for ((r = 1; r <= runs; r++)); do cat "$work/off-$r.wall"; done | median)
cpu_on=$(for ((r = 1; r <= runs; r++)); do cat "$work/on-$r.cpu"; done | median)
cpu_off=$(for ((r = 1; r <= runs; r++)); do cat "$work/off-$r.cpu"; done | median)
# Paired differences (each 'on' build against the 'off' build right after it) are steadier than a difference of medians.
cpu_delta=$(for ((r = 1; r <= runs; r++)); do awk -v a="$(cat "$work/on-$r.cpu")" -v b="$(cat "$work/off-$r.cpu")" 'BEGIN { printf "%.2f\n", a - b }'; done | median)
wall_delta=$(for ((r = 1; r <= runs; r++)); do awk -v a="$(cat "$work/on-$r.wall")" -v b="$(cat "$work/off-$r.wall")" 'BEGIN { printf "%.2f\n", a - b }'; done | median)
raw=$(for ((r = 1; r <= runs; r++)); do row_of Tolerant.Generators.Analyzers.RawSqlAnalyzer "$work/on-$r.log"; done | median)
model=$(for ((r = 1; r <= runs; r++)); do row_of Tolerant.Generators.Analyzers.TableModelAnalyzer "$work/on-$r.log"; done | median)
gen=$(for ((r = 1; r <= runs; r++)); do row_of Tolerant.Generators.TolerantGenerator "$work/on-$r.log"; done | median)
csc_on=$(for ((r = 1; r <= runs; r++)); do csc_ms "$work/on-$r.log"; done | median)
echo
echo "median build, Tolerant analyzers on:  ${wall_on} s wall, ${cpu_on} s CPU"
echo "median build, Tolerant analyzers off: ${wall_off} s wall, ${cpu_off} s CPU"
echo "median RawSqlAnalyzer: ${raw} s; TableModelAnalyzer: ${model} s; TolerantGenerator: ${gen} s"
awk -v raw="$raw" -v model="$model" -v gen="$gen" -v wall="$wall_on" -v off="$wall_off" -v csc="$csc_on" 'BEGIN {
  printf "Tolerant analyzers, compiler-reported: %.1f%% of the build'"'"'s wall time, %.1f%% of csc\n", 100 * (raw + model) / wall, 100 * (raw + model) / (csc / 1000)
  printf "Tolerant generator, compiler-reported: %.1f%% of the build'"'"'s wall time\n", 100 * gen / wall
}'
awk -v cd="$cpu_delta" -v wd="$wall_delta" -v cpu="$cpu_on" -v wall="$wall_on" 'BEGIN {
  printf "Tolerant analyzers, on minus off (median of paired runs): %.2f s CPU (%.1f%% of the build'"'"'s CPU), %.2f s wall (%.1f%%)\n", cd, 100 * cd / cpu, wd, 100 * wd / wall
}'
echo "diagnostics (run on-1): $(warnings "$work/on-1.log")"
echo "load average: $start_load at the start, $end_load at the end; $(nproc) cores; $(uname -srm)"
echo "logs: $work/*.log"
