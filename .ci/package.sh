#!/usr/bin/env bash
# Packs RnnGen, checks the package's layout, then uses it as a newcomer would: a fresh console app outside
# the repository gets RnnGen from the packed folder (its dependencies from the usual feed), annotates a class
# with [Rnn] (tests/PackageSmoke/Program.cs), builds with warnings as errors and runs. Exits non-zero on any failure.
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1

# A version no earlier run has used, so that restore can never pick an older copy out of the package cache;
# that copy is removed again on the way out.
version="0.1.0-ci.$(date +%s)"
work="$(mktemp -d)"
cache="${NUGET_PACKAGES:-$HOME/.nuget/packages}/rnngen/$version"
trap 'rm -rf "$work" "$cache"' EXIT

step() { printf '\n=== %s\n' "$*"; }
fail() { echo "package check failed: $*" >&2; exit 1; }

step "pack RnnGen $version"
dotnet pack src/RnnGen -c Release -o "$work/feed" -p:Version="$version"
nupkg="$work/feed/RnnGen.$version.nupkg"
[ -f "$nupkg" ] || fail "no $nupkg"
[ -f "$work/feed/RnnGen.$version.snupkg" ] || fail "no symbols package (snupkg)"

step "package layout"
listing="$(unzip -Z1 "$nupkg")"
echo "$listing"
for entry in lib/net10.0/RnnGen.dll lib/net10.0/RnnGen.xml analyzers/dotnet/cs/RnnGen.Generator.dll README.md; do
  grep -qx "$entry" <<<"$listing" || fail "$entry is missing"
done
if grep -q '^lib/.*RnnGen\.Generator\.dll$' <<<"$listing"; then
  fail "the generator is packed as a lib reference; it belongs under analyzers/dotnet/cs only"
fi
nuspec="$(unzip -p "$nupkg" RnnGen.nuspec)"
grep -q '<license type="expression">MIT</license>' <<<"$nuspec" || fail "no MIT license expression"
grep -q '<readme>README.md</readme>' <<<"$nuspec" || fail "no readme"
grep -q '<repository type="git" url="[^"]' <<<"$nuspec" || fail "no repository metadata"

step "a fresh console app outside the repository"
app="$work/SmokeApp"
dotnet new console --output "$app" --name SmokeApp --no-restore
# No <clear/>: the user's own feeds (nuget.org by default) still serve RnnGen's dependencies.
cat >"$app/nuget.config" <<XML
<?xml version="1.0" encoding="utf-8"?>
<configuration>
  <packageSources>
    <add key="rnngen-packed" value="$work/feed" />
  </packageSources>
</configuration>
XML
cp "$repo/tests/PackageSmoke/Program.cs" "$app/Program.cs"
cd "$app"
dotnet add package RnnGen --version "$version"
dotnet build -c Release -warnaserror
dotnet run -c Release --no-build

echo
echo "package check passed: RnnGen $version"
