#!/usr/bin/env bash
# Quality regression over the development sets in ../shared/bench: extract each set with the lede CLI as a
# user would, score it with the benchmark's own scorer, and fail when a set's shingle F1 drops below its
# floor in floors.txt. Reads the benchmark; never writes into it.
#
# usage: run_quality.sh PATH/TO/lede [SET...]     (default: every set named in floors.txt)
# env:   LEDE_BENCH       the benchmark folder (default: ../shared/bench beside the repository)
#        LEDE_BENCH_DATA  where the sets are unpacked (default: ~/.cache/lede-bench; kept between runs)
#        LEDE_THREADS     worker threads for lede (default: 2)
set -euo pipefail

lede=${1:?usage: run_quality.sh PATH/TO/lede [SET...]}
shift
lede=$(cd "$(dirname "$lede")" && pwd)/$(basename "$lede")
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
bench=${LEDE_BENCH:-$root/../shared/bench}
floors=$here/floors.txt
threads=${LEDE_THREADS:-2}

[ -x "$lede" ] || { echo "run_quality: $lede is not an executable" >&2; exit 2; }
[ -f "$bench/score" ] || { echo "run_quality: no benchmark at $bench (set LEDE_BENCH)" >&2; exit 2; }

floor_of() { awk -v s="$1" '$1 == s { print $2; found = 1 } END { if (!found) print "" }' "$floors"; }

if [ $# -gt 0 ]; then
  sets=("$@")
else
  mapfile -t sets < <(awk 'NF >= 2 && $1 !~ /^#/ { print $1 }' "$floors")
fi

data=$("$bench/unpack" "${LEDE_BENCH_DATA:-${HOME:-/tmp}/.cache/lede-bench}" | tail -n 1)
work=$(mktemp -d "${TMPDIR:-/tmp}/lede-quality.XXXXXX")
trap 'rm -rf "$work"' EXIT

status=0
rows=()
for set in "${sets[@]}"; do
  floor=$(floor_of "$set")
  if [ -z "$floor" ]; then
    echo "run_quality: no floor for $set in $floors" >&2
    status=1
    continue
  fi
  if [ ! -d "$data/$set" ]; then
    echo "run_quality: no set $set in $data" >&2
    status=1
    continue
  fi
  pages=$(find "$data/$set" -maxdepth 1 -name '*.html' | wc -l)
  start=$(date +%s.%N)
  # lede exits 1 when some page failed (scored as empty below); anything else is a broken run.
  rc=0
  "$lede" extract "$data/$set" --format json --output "$work/$set" --threads "$threads" 2> "$work/$set.err" || rc=$?
  end=$(date +%s.%N)
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 1 ]; then
    echo "run_quality: lede exited $rc on $set:" >&2
    tail -n 20 "$work/$set.err" >&2
    status=1
    rows+=("$set|$pages|-|-|$floor|-|-|CRASH")
    continue
  fi
  failed=$(grep -c '^lede: ' "$work/$set.err" || true)
  python3 "$bench/score" "$data/$set" "$work/$set" --json "$work/$set.score.json" > "$work/$set.score.txt"
  read -r f1 bow < <(python3 -c 'import json, sys
r = json.load(open(sys.argv[1]))
print("%.3f %.3f" % (r["shingle"]["f1"], r["bow"]["f1"]))' "$work/$set.score.json")
  rate=$(awk -v n="$pages" -v a="$start" -v b="$end" 'BEGIN { d = b - a; printf "%.0f", (d > 0 ? n / d : 0) }')
  verdict=ok
  if awk -v f="$f1" -v m="$floor" 'BEGIN { exit !(f + 0 < m + 0) }'; then
    verdict=BELOW
    status=1
  fi
  rows+=("$set|$pages|$failed|$f1|$floor|$bow|$rate|$verdict")
done

printf '\n%-12s %6s %7s %8s %7s %7s %8s  %s\n' set pages failed shingle floor bow pages/s result
for row in "${rows[@]}"; do
  IFS='|' read -r set pages failed f1 floor bow rate verdict <<< "$row"
  printf '%-12s %6s %7s %8s %7s %7s %8s  %s\n' "$set" "$pages" "$failed" "$f1" "$floor" "$bow" "$rate" "$verdict"
done
if [ "$status" -eq 0 ]; then
  echo "quality: every set at or above its floor (shingle F1, ${threads} threads)"
else
  echo "quality: FAILED: a set is below its floor or did not run"
fi
exit "$status"
