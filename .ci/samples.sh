#!/usr/bin/env bash
# Runs every sample as CI: the Walkthrough in full (it exits non-zero if the model and the tutorial's hand
# computation differ), Sunspots on the shared data file for 2 epochs with its plots and weights written to a
# temporary folder (the tutorial's SimpleRNN, then --layer lstm and --layer gru), and Streaming (an LSTM) on a
# short stream with the LSTM's weights. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
data="$(git rev-parse --show-toplevel)/../shared/data/monthly-sunspots.csv"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT

step() { printf '\n=== %s\n' "$*"; }
require_file() { [ -s "$1" ] || { echo "expected $1 to be written" >&2; exit 1; }; }

[ -f "$data" ] || { echo "no sunspots data at $data" >&2; exit 1; }

step "build the samples"
for sample in Walkthrough Sunspots Streaming; do
  dotnet build "samples/$sample" -c Release
done

step "Walkthrough"
dotnet run --project samples/Walkthrough -c Release --no-build -- --diagram "$out/demo_model.dot"
require_file "$out/demo_model.dot"

step "Sunspots, 2 epochs on $data"
dotnet run --project samples/Sunspots -c Release --no-build -- \
  --data "$data" --epochs 2 --plot "$out/sunspots.png" --save-weights "$out/sunspots.weights"
require_file "$out/sunspots.png"
require_file "$out/sunspots-loss.png"
require_file "$out/sunspots.weights"

step "Sunspots --layer lstm, 2 epochs on $data"
dotnet run --project samples/Sunspots -c Release --no-build -- \
  --data "$data" --layer lstm --epochs 2 --plot "$out/sunspots-lstm.png" --save-weights "$out/sunspots-lstm.weights"
require_file "$out/sunspots-lstm.png"
require_file "$out/sunspots-lstm-loss.png"
require_file "$out/sunspots-lstm.weights"

step "Sunspots --layer gru, 2 epochs on $data"
dotnet run --project samples/Sunspots -c Release --no-build -- --data "$data" --layer gru --epochs 2 --plot "$out/sunspots-gru.png"
require_file "$out/sunspots-gru.png"
require_file "$out/sunspots-gru-loss.png"

step "Streaming, a short stream with the LSTM weights Sunspots saved"
dotnet run --project samples/Streaming -c Release --no-build -- --weights "$out/sunspots-lstm.weights" --steps 5000

echo
echo "all samples ran"
