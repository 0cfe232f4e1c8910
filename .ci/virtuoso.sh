#!/usr/bin/env bash
# A private Virtuoso for the tests of `fazhi load --target` and `fazhi query run --endpoint`.
#
#   .ci/virtuoso.sh install        installs Debian's virtuoso-opensource (7.2.5) when it is missing;
#                                  the system service is never started, and never asks anything
#   .ci/virtuoso.sh start DIR      starts a private instance with its own virtuoso.ini and database
#                                  in DIR, on free loopback ports; prints HTTP_PORT=… SQL_PORT=…
#                                  (also written to DIR/ports) once its SPARQL endpoint answers;
#                                  anonymous SPARQL Update and Graph Store writes are granted
#   .ci/virtuoso.sh stop DIR       stops that instance (its pid is in DIR/virtuoso.pid)
#
# Idempotent, non-interactive, reads no stdin. The instance listens on 127.0.0.1 only and its
# anonymous write access is for tests: never point it at anything that matters.
set -euo pipefail

VIRTUOSO_BIN=${VIRTUOSO_BIN:-/usr/bin/virtuoso-t}
ISQL_BIN=${ISQL_BIN:-/usr/bin/isql-vt}
HOSTING=/usr/lib/x86_64-linux-gnu/virtuoso-opensource-7/hosting
[ -d "$HOSTING" ] || HOSTING=$(dirname "$(dpkg -L virtuoso-opensource-7-bin 2>/dev/null | grep '/hosting/' | head -1)" 2>/dev/null || echo /nonexistent)

die() { echo "virtuoso.sh: $*" >&2; exit 1; }

install_virtuoso() {
    if [ -x "$VIRTUOSO_BIN" ] && [ -x "$ISQL_BIN" ]; then return 0; fi
    [ "$(id -u)" = 0 ] || die "virtuoso-opensource is not installed and installing it needs root"
    export DEBIAN_FRONTEND=noninteractive
    # The package's postinst starts the system service to set the dba password: keep any service
    # from starting (a policy-rc.d saying 101, removed afterwards if it was ours), and give it no
    # password, so the system instance stays disabled (RUN=no). The tests use a private instance.
    local policy=/usr/sbin/policy-rc.d ours=0
    if [ ! -e "$policy" ]; then
        printf '#!/bin/sh\nexit 101\n' > "$policy" && chmod +x "$policy" && ours=1
    fi
    printf '%s\n' \
        'virtuoso-opensource-7 virtuoso-opensource-7/dba-password password ' \
        'virtuoso-opensource-7 virtuoso-opensource-7/dba-password-again password ' \
        'virtuoso-opensource-7 virtuoso-opensource-7/register-odbc-dsn boolean false' \
        | debconf-set-selections
    local rc=0
    { apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null </dev/null \
        || { apt-get update -qq </dev/null && apt-get install -y -qq --no-install-recommends virtuoso-opensource >/dev/null </dev/null; }; } || rc=$?
    [ "$ours" = 1 ] && rm -f "$policy"
    [ "$rc" = 0 ] || die "apt-get install virtuoso-opensource failed ($rc)"
    [ -x "$VIRTUOSO_BIN" ] || die "installed, but $VIRTUOSO_BIN is missing"
}

free_port() {
    # a port nobody listens on, between 20000 and 60000
    local p
    for _ in $(seq 1 200); do
        p=$(( 20000 + RANDOM % 40000 ))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
    done
    die "no free port"
}

isql() { # isql PORT SQL...
    local port=$1; shift
    "$ISQL_BIN" "127.0.0.1:$port" dba dba "EXEC=$*" </dev/null
}

start_virtuoso() {
    local dir=${1:?start DIR}
    [ -x "$VIRTUOSO_BIN" ] || die "$VIRTUOSO_BIN not found (run: $0 install)"
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    if [ -f "$dir/virtuoso.pid" ] && kill -0 "$(cat "$dir/virtuoso.pid")" 2>/dev/null && [ -f "$dir/ports" ]; then
        cat "$dir/ports"; return 0
    fi
    local http sql
    http=$(free_port); sql=$(free_port)
    while [ "$sql" = "$http" ]; do sql=$(free_port); done
    cat > "$dir/virtuoso.ini" <<EOF
[Database]
DatabaseFile = $dir/virtuoso.db
ErrorLogFile = $dir/virtuoso.log
LockFile = $dir/virtuoso.lck
TransactionFile = $dir/virtuoso.trx
xa_persistent_file = $dir/virtuoso.pxa
ErrorLogLevel = 7
FileExtend = 200
MaxCheckpointRemap = 2000
Striping = 0
TempStorage = TempDatabase

[TempDatabase]
DatabaseFile = $dir/virtuoso-temp.db
TransactionFile = $dir/virtuoso-temp.trx
MaxCheckpointRemap = 2000
Striping = 0

[Parameters]
ServerPort = 127.0.0.1:$sql
LiteMode = 0
DisableUnixSocket = 1
DisableTcpSocket = 0
ServerThreads = 10
CheckpointInterval = 60
O_DIRECT = 0
CaseMode = 2
MaxStaticCursorRows = 5000
CheckpointAuditTrail = 0
AllowOSCalls = 0
SchedulerInterval = 10
DirsAllowed = ., $dir
ThreadCleanupInterval = 0
ThreadThreshold = 10
ResourcesCleanupInterval = 0
FreeTextBatchSize = 100000
SingleCPU = 0
VADInstallDir = /usr/share/virtuoso-opensource-7/vad/
PrefixResultNames = 0
RdfFreeTextRulesSize = 100
IndexTreeMaps = 64
MaxMemPoolSize = 200000000
MacSpotlight = 0
MaxQueryMem = 512M
VectorSize = 1000
MaxVectorSize = 1000000
AdjustVectorSize = 0
ThreadsPerQuery = 2
AsyncQueueMaxThreads = 4
NumberOfBuffers = 85000
MaxDirtyBuffers = 65000

[HTTPServer]
ServerPort = 127.0.0.1:$http
ServerRoot = $dir/vsp
MaxClientConnections = 10
DavRoot = DAV
EnabledDavVSP = 0
HTTPProxyEnabled = 0
TempASPXDir = 0
DefaultMailServer = localhost:25
MaxKeepAlives = 10
KeepAliveTimeout = 10
MaxCachedProxyConnections = 10
ProxyConnectionCacheTimeout = 15
HTTPThreadSize = 280000
HttpPrintWarningsInOutput = 0
Charset = UTF-8
MaintenancePage = atomic.html
EnabledGzipContent = 1

[AutoRepair]
BadParentLinks = 0

[Client]
SQL_PREFETCH_ROWS = 100
SQL_PREFETCH_BYTES = 16000
SQL_QUERY_TIMEOUT = 0
SQL_TXN_TIMEOUT = 0

[VDB]
ArrayOptimization = 0
NumArrayParameters = 10
VDBDisconnectTimeout = 1000
KeepConnectionInError = 0
UseGlobalPool = 1

[Replication]
ServerName = fazhi-test
ServerEnable = 1
QueueMax = 50000

[Zero Config]
ServerName = fazhi-test

[Mono]

[URIQA]
DynamicLocal = 0
DefaultHost = 127.0.0.1:$http

[SPARQL]
ResultSetMaxRows = 1000000
MaxQueryCostEstimationTime = 0
MaxQueryExecutionTime = 0
DefaultQuery = select distinct ?Concept where {[] a ?Concept} LIMIT 100
DeferInferenceRulesInit = 0

[Plugins]
LoadPath = $HOSTING
EOF
    mkdir -p "$dir/vsp"
    rm -f "$dir/virtuoso.lck"
    # +foreground: no daemon fork, so $! is the server; setsid so it outlives this script; no stdin,
    # and no descriptor of ours (a caller reading our output would otherwise wait for it to exit).
    cd "$dir"
    setsid "$VIRTUOSO_BIN" +configfile "$dir/virtuoso.ini" +foreground >"$dir/stdout.log" 2>&1 </dev/null &
    local pid=$!
    echo "$pid" > "$dir/virtuoso.pid"
    # wait for the SQL port (a new database takes a few seconds to create)
    local ok=0
    for _ in $(seq 1 240); do
        kill -0 "$pid" 2>/dev/null || { tail -20 "$dir/virtuoso.log" "$dir/stdout.log" >&2 2>/dev/null; die "virtuoso exited while starting"; }
        if isql "$sql" "status();" >/dev/null 2>&1; then ok=1; break; fi
        sleep 0.5
    done
    [ "$ok" = 1 ] || { kill "$pid" 2>/dev/null; die "virtuoso did not answer on $sql within 120 s"; }
    # the server's own pid (setsid may have forked): Virtuoso writes it to its lock file
    pid=$(sed -n 's/^VIRT_PID=//p' "$dir/virtuoso.lck" 2>/dev/null || true)
    [ -n "$pid" ] && echo "$pid" > "$dir/virtuoso.pid"
    # Anonymous SPARQL Update (/sparql) and Graph Store Protocol writes (/sparql-graph-crud) run
    # as the SQL user SPARQL, mapped from the web user "nobody".
    isql "$sql" "GRANT SPARQL_UPDATE TO \"SPARQL\";" >/dev/null
    isql "$sql" "GRANT EXECUTE ON DB.DBA.SPARQL_INSERT_DICT_CONTENT TO \"SPARQL\";" >/dev/null
    isql "$sql" "GRANT EXECUTE ON DB.DBA.SPARQL_DELETE_DICT_CONTENT TO \"SPARQL\";" >/dev/null
    isql "$sql" "GRANT EXECUTE ON DB.DBA.SPARQL_MODIFY_BY_DICT_CONTENTS TO \"SPARQL\";" >/dev/null
    isql "$sql" "GRANT EXECUTE ON DB.DBA.RDF_GRAPH_GROUP_INS TO \"SPARQL\";" >/dev/null 2>&1 || true
    isql "$sql" "GRANT EXECUTE ON DB.DBA.TTLP TO \"SPARQL\";" >/dev/null 2>&1 || true
    isql "$sql" "GRANT EXECUTE ON DB.DBA.L_O_LOOK TO \"SPARQL\";" >/dev/null 2>&1 || true
    isql "$sql" "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('nobody', 7);" >/dev/null
    isql "$sql" "DB.DBA.RDF_DEFAULT_USER_PERMS_SET ('SPARQL', 7);" >/dev/null 2>&1 || true
    # wait for HTTP
    ok=0
    for _ in $(seq 1 60); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$http") 2>/dev/null; then ok=1; break; fi
        sleep 0.5
    done
    [ "$ok" = 1 ] || { kill "$pid" 2>/dev/null; die "virtuoso's HTTP port $http did not open"; }
    printf 'HTTP_PORT=%s\nSQL_PORT=%s\n' "$http" "$sql" | tee "$dir/ports"
}

stop_virtuoso() {
    local dir=${1:?stop DIR}
    [ -d "$dir" ] || return 0
    dir=$(cd "$dir" && pwd)
    local pid=""
    [ -f "$dir/virtuoso.lck" ] && pid=$(sed -n 's/^VIRT_PID=//p' "$dir/virtuoso.lck")
    [ -z "$pid" ] && [ -f "$dir/virtuoso.pid" ] && pid=$(cat "$dir/virtuoso.pid")
    [ -n "$pid" ] || return 0
    # only a virtuoso-t whose command line names this instance's ini
    grep -q "$dir/virtuoso.ini" "/proc/$pid/cmdline" 2>/dev/null || { rm -f "$dir/virtuoso.pid" "$dir/ports"; return 0; }
    if kill -0 "$pid" 2>/dev/null; then
        kill -TERM "$pid" 2>/dev/null || true
        for _ in $(seq 1 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.25; done
        kill -KILL "$pid" 2>/dev/null || true
    fi
    rm -f "$dir/virtuoso.pid" "$dir/ports"
}

case "${1:-}" in
    install) install_virtuoso ;;
    start) start_virtuoso "${2:-}" ;;
    stop) stop_virtuoso "${2:-}" ;;
    *) die "usage: $0 install | start DIR | stop DIR" ;;
esac
