#!/bin/sh
# Builds bench/parsers/parser_bench (standalone; not part of lede's CMake build). lede itself needs neither
# gumbo nor libxml2: they are only the candidates it is measured against.
# Usage: bench/parsers/build.sh [OUT]   (default OUT: build-parsers/parser_bench under the repo)
set -eu
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
out=${1:-$root/build-parsers/parser_bench}
if ! pkg-config --exists gumbo libxml-2.0; then
  echo "gumbo or libxml2 not found: apt-get install -y libgumbo-dev libxml2-dev" >&2
  exit 1
fi
mkdir -p "$(dirname "$out")"
g++ -std=c++20 -O2 -DNDEBUG -I"$root/src" \
  "$here/parser_bench.cc" "$root"/src/parse/*.cc \
  $(pkg-config --cflags --libs libxml-2.0 gumbo) -o "$out"
echo "$out"
