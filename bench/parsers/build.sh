#!/bin/sh
# Builds bench/parsers/parser_bench (standalone; not part of lede's CMake build).
# Usage: bench/parsers/build.sh [OUT]   (default OUT: build-parsers/parser_bench under the repo)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build-parsers/parser_bench}
if ! pkg-config --exists gumbo; then
  echo "gumbo not found: apt-get install -y libgumbo-dev" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
g++ -std=c++20 -O2 -DNDEBUG -I"$root/src" \
  "$here/parser_bench.cc" "$root"/src/parse/*.cc \
  $(pkg-config --cflags --libs libxml-2.0 gumbo) -o "$out"
echo "$out"
