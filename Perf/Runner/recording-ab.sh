#!/usr/bin/env bash
# Interleaved A/B timing of the runner's recording and progress overhead on the driven 4096-cell
# compat pool (scenarios/driven-pool.json without its other recordings): A = no recordings,
# B = every spike recorded (raster.npy), C = no recordings with a heartbeat every 0.1 s.
# Each round runs A, B, C once, in that order, so slow phases of a shared machine hit all three.
# The run loop's own rate (the "done:" line's ticks/s, which excludes start-up) is compared.
# Usage: [GROWNET_DLL=path/grownet.dll] Perf/Runner/recording-ab.sh [ROUNDS] [TICKS]
set -euo pipefail
cd "$(dirname "$0")/../.."
rounds=${1:-5}
ticks=${2:-4000}
dll=${GROWNET_DLL:-Cli/bin/Release/net10.0/grownet.dll}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
base='"version": 1, "run": { "ticks": '$ticks', "seed": 42, "threads": 1 },
  "populations": { "cortex": { "family": "pool", "cells": 4096, "generator": "compat", "density": 0.02 } },
  "inputs": { "drive": { "target": "cortex/current[0..200]", "value": 10000 } }'
echo "{ $base, \"output\": { \"dir\": \"$work/a\", \"heartbeatSeconds\": 100000 } }" > "$work/a.json"
echo "{ $base, \"output\": { \"dir\": \"$work/b\", \"heartbeatSeconds\": 100000 }, \"recordings\": { \"raster\": { \"what\": \"spikes\", \"population\": \"cortex\" } } }" > "$work/b.json"
echo "{ $base, \"output\": { \"dir\": \"$work/c\", \"heartbeatSeconds\": 0.1 } }" > "$work/c.json"
rate() { dotnet "$dll" run "$1" | sed -n 's/^done: .*, \([0-9]*\) ticks\/s.*/\1/p'; }
printf 'round\tA_none\tB_spikes\tC_heartbeat\n'
for r in $(seq 1 "$rounds"); do
  printf '%s\t%s\t%s\t%s\n' "$r" "$(rate "$work/a.json")" "$(rate "$work/b.json")" "$(rate "$work/c.json")"
done
echo "spikes recorded per run: $(( ($(stat -c %s "$work/b/raster.npy") - 128) / 8 ))"
