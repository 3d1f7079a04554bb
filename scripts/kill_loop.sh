#!/usr/bin/env bash
# Kills `entgraph build` with SIGKILL at random moments and checks that the output
# directory always holds a complete output set: the old one or the new one, never a new
# graph.dot beside an old graph.json, and no temporary files other than the killed run's
# own `.entgraph-<pid>-*.tmp` (which the next run removes; a final complete run must leave
# none at all). A run killed in the few system calls between the renames of its set leaves
# a journal (`.entgraph-<pid>.journal`); the next run finishes the set from it before doing
# anything else, and that finished set is what is checked.
#
# Usage: scripts/kill_loop.sh [RUNS]   (default 30)
#   ENTGRAPH=path/to/entgraph   the binary (default: $CARGO_TARGET_DIR or target, release)
#   CORPUS=...  GAZETTEER=...   inputs (default: the 100 MB bench corpus and the 200-alias
#                               gazetteer; make them with
#                               python3 scripts/bench/make_inputs.py --sizes 100 --gazetteers 200)
# Exits 1 on the first broken set.
set -euo pipefail

cd "$(dirname "$0")/.."
RUNS=${1:-30}
ENTGRAPH=${ENTGRAPH:-${CARGO_TARGET_DIR:-target}/release/entgraph}
CORPUS=${CORPUS:-target/bench-inputs/corpus-100MB.jsonl}
GAZETTEER=${GAZETTEER:-target/bench-inputs/gaz-200}
for f in "$ENTGRAPH" "$CORPUS" "$GAZETTEER"; do
    [ -e "$f" ] || { echo "kill_loop: $f not found (see the usage at the top)" >&2; exit 2; }
done

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
out=$work/out

# Two distinct complete sets: A (sentence window) and B (paragraph window).
opts_a=(--window sentence)
opts_b=(--window paragraph)
run() { # run DIR OPTS...: one build of the corpus into DIR
    local dir=$1; shift
    "$ENTGRAPH" build "$CORPUS" -g "$GAZETTEER" --no-default-gazetteers -q -o "$dir" "$@"
}
set_sum() { # the sha256 of graph.dot and graph.json of DIR, on one line
    (cd "$1" && sha256sum graph.dot graph.json 2>/dev/null | awk '{printf "%s ", $1}')
}
start=$(date +%s.%N)
run "$work/a" "${opts_a[@]}"
end=$(date +%s.%N)
run "$work/b" "${opts_b[@]}"
sum_a=$(set_sum "$work/a")
sum_b=$(set_sum "$work/b")
[ "$sum_a" != "$sum_b" ] || { echo "kill_loop: the two sets are the same" >&2; exit 2; }
duration=$(echo "$end - $start" | bc -l)
echo "one run takes ${duration}s; set A: $sum_a"
echo "                           set B: $sum_b"

cp -r "$work/a" "$out"
current=a
old=0 new=0 left_temps=0 journaled=0
for i in $(seq 1 "$RUNS"); do
    if [ "$current" = a ]; then next=b; opts=("${opts_b[@]}"); else next=a; opts=("${opts_a[@]}"); fi
    # Half the kills anywhere in the run, half in its last third, where the files are written.
    if (( i % 2 )); then frac=$(echo "$RANDOM / 32767 * 1.05" | bc -l)
    else frac=$(echo "0.67 + $RANDOM / 32767 * 0.4" | bc -l); fi
    delay=$(echo "$duration * $frac" | bc -l)
    run "$out" "${opts[@]}" &
    pid=$!
    sleep "$delay"
    kill -9 "$pid" 2>/dev/null || true
    wait "$pid" 2>/dev/null || true
    got=$(set_sum "$out")
    was=sum_$current will=sum_$next
    finished=""
    if [ "$got" != "${!was}" ] && [ "$got" != "${!will}" ] && ls -A "$out" | grep -q '^\.entgraph-.*\.journal$'; then
        # Killed between the renames: the journal it left lets the next run finish the
        # set. A run that fails at once (a missing input) recovers the directory first.
        "$ENTGRAPH" build "$work/missing.txt" -q -o "$out" 2>/dev/null && { echo "kill_loop: the recovery run should fail" >&2; exit 2; }
        got=$(set_sum "$out")
        finished=" (killed between its renames; finished from its journal by the next run)"
        journaled=$((journaled + 1))
    fi
    if [ "$got" = "${!was}" ]; then verdict=old; old=$((old + 1))
    elif [ "$got" = "${!will}" ]; then verdict=new; new=$((new + 1)); current=$next
    else
        echo "run $i (killed at ${delay}s): BROKEN SET: $got"; ls -la "$out"; exit 1
    fi
    # Any temporary must be the killed run's own (later runs remove it) and nothing else.
    temps=$(cd "$out" && ls -A | grep -v -x -e graph.dot -e graph.json || true)
    for t in $temps; do
        case "$t" in
            .entgraph-"$pid"-*.tmp) ;;
            .entgraph-*.tmp) ;; # from a run killed before it could clean up; checked below
            .entgraph-*.journal) ;; # killed after its renames, before removing it; the next run does
            *) echo "run $i: unexpected file $t in the output directory"; exit 1 ;;
        esac
    done
    [ -z "$temps" ] || left_temps=$((left_temps + 1))
    note=""
    [ -z "$temps" ] || note=" (and the killed run's temporaries: $(echo $temps))"
    printf 'run %2d: killed at %6.2fs: %s set%s%s\n' "$i" "$delay" "$verdict" "$finished" "$note"
done
# A complete run removes every temporary of the killed runs.
run "$out" "${opts_a[@]}"
rest=$(cd "$out" && ls -A | grep -v -x -e graph.dot -e graph.json || true)
[ -z "$rest" ] || { echo "temporaries left after a complete run: $rest"; exit 1; }
[ "$(set_sum "$out")" = "$sum_a" ] || { echo "the complete run did not write set A"; exit 1; }
echo "$RUNS kills: $old left the old set, $new the new set, none a mixed or partial set;"
echo "$left_temps left the killed run's temporaries, all removed by the next complete run;"
echo "$journaled were killed between the renames of the set and finished from the journal"
