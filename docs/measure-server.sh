#!/bin/bash
# Times: (1) `fazhi load data/reports` into an empty store; (2) `fazhi serve` on that loaded store
# until the first SPARQL query is answered (polling every 100 ms).
set -e
cd "$(dirname "$0")/.."
DB=$(mktemp -d)/kg-db
t0=$(date +%s.%N)
java -jar target/fazhi.jar load data/reports --db $DB 2>/dev/null
t1=$(date +%s.%N)
echo "load from scratch: $(echo "$t1 - $t0" | bc) s"
t0=$(date +%s.%N)
java -jar target/fazhi.jar serve --db $DB --port 3077 > /tmp/measure-serve.log 2>&1 &
PID=$!
until curl -sf -o /dev/null -G http://localhost:3077/kg/sparql --data-urlencode 'query=ASK {?s ?p ?o}'; do sleep 0.1; done
t1=$(date +%s.%N)
echo "serve to first answered query: $(echo "$t1 - $t0" | bc) s"
grep "report(s)" /tmp/measure-serve.log
# second serve on the same port: a clear error and non-zero exit
set +e
java -jar target/fazhi.jar serve --db $DB --port 3077 > /tmp/measure-locked.log 2>&1; echo "second serve exit=$? : $(grep fazhi: /tmp/measure-locked.log | tail -1)"
kill -TERM $PID; wait $PID; echo "serve exit after SIGTERM (same shutdown hook as Ctrl-C)=$?"; tail -1 /tmp/measure-serve.log
