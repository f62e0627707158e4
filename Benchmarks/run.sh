#!/bin/sh
# CardGuide benchmark: builds the release binaries (static Swift standard library) and runs
# cardguide-bench, which prints a table and writes every figure to .build/bench-results.json.
#
#   Benchmarks/run.sh                 # the full run (about 3 minutes after the build)
#   Benchmarks/run.sh --quick         # a smoke test with fewer repetitions
#   SCRATCH=.build-bench Benchmarks/run.sh   # build somewhere other than .build
#
# Any arguments are passed to cardguide-bench (--help lists them). When dialog and whiptail
# are missing and apt-get is available, they are installed first, so that their figures
# stand beside CardGuide's; without them those columns stay empty.
set -eu

cd "$(dirname "$0")/.."
ROOT=$(pwd)
SCRATCH=${SCRATCH:-.build}

if ! command -v dialog >/dev/null 2>&1 || ! command -v whiptail >/dev/null 2>&1; then
    if command -v apt-get >/dev/null 2>&1; then
        echo "== installing dialog and whiptail (for the reference figures)"
        SUDO=""
        if [ "$(id -u)" != 0 ] && command -v sudo >/dev/null 2>&1; then SUDO="sudo"; fi
        $SUDO apt-get install -y dialog whiptail >/dev/null 2>&1 \
            || { $SUDO apt-get update >/dev/null 2>&1 && $SUDO apt-get install -y dialog whiptail >/dev/null 2>&1; } \
            || echo "   (could not install them: their columns stay empty)"
    fi
fi

build() {
    # SwiftPM 6.3 sometimes refuses a rebuild in an existing build folder with "unknown build
    # description"; removing its cached build plan (not the objects) and trying again helps.
    if ! swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product "$1"; then
        rm -f "$SCRATCH/release.yaml"
        swift build -c release --static-swift-stdlib --scratch-path "$SCRATCH" --product "$1"
    fi
}

echo "== building cardguide and cardguide-bench (release, --static-swift-stdlib)"
build cardguide
build cardguide-bench

BIN=$(swift build -c release --scratch-path "$SCRATCH" --show-bin-path)
mkdir -p "$ROOT/.build"
echo "== running"
exec "$BIN/cardguide-bench" --app "$BIN/cardguide" --json "$ROOT/.build/bench-results.json" "$@"
