#!/usr/bin/env bash
# Publishes samples/Deploying with NativeAOT, for baseline x64 (the default target: no AVX2, no FMA) and
# for this CPU (IlcInstructionSet=native), refuses any publish warning (trimming or AOT analysis), and
# runs both: each prints its construction, first-call and warm Predict times, and exits non-zero if its
# prediction differs from the float64 recomputation. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

publish() {
  local name="$1"
  shift
  printf '\n=== NativeAOT, %s\n' "$name"
  dotnet publish samples/Deploying -c Release -r linux-x64 -p:NativeAot=true "$@" -o "$out/$name" 2>&1 | tee "$out/$name.log"
  if grep -q ': warning ' "$out/$name.log"; then
    echo "the NativeAOT publish ($name) warned" >&2
    exit 1
  fi
  "$out/$name/Deploying"
}

publish default
publish native -p:IlcInstructionSet=native
