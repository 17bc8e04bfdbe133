#!/usr/bin/env bash
# Regenerates OnnxSubset.g.cs from onnx_subset.proto with protoc from Google.Protobuf.Tools, the
# version of the Google.Protobuf runtime the benchmarks reference (Directory.Packages.props), so the
# generated code and the runtime match. The tools package is restored into a scratch project outside
# the repository: the build itself needs no protoc.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
version="$(sed -n 's/.*PackageVersion Include="Google.Protobuf" Version="\([^"]*\)".*/\1/p' "$here/../../../Directory.Packages.props")"
scratch="$(mktemp -d)"
trap 'rm -rf "$scratch"' EXIT

cat >"$scratch/tools.csproj" <<PROJECT
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup>
    <TargetFramework>net10.0</TargetFramework>
    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>
  </PropertyGroup>
  <ItemGroup>
    <PackageReference Include="Google.Protobuf.Tools" Version="$version" />
  </ItemGroup>
</Project>
PROJECT
dotnet restore "$scratch/tools.csproj" --packages "$scratch/packages" >/dev/null

case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) platform=linux_x64 ;;
  Linux-aarch64) platform=linux_aarch64 ;;
  Darwin-*) platform=macosx_x64 ;;
  *) echo "no protoc in Google.Protobuf.Tools for $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
protoc="$scratch/packages/google.protobuf.tools/$version/tools/$platform/protoc"
chmod +x "$protoc"

# internal_access: the messages stay internal to the benchmarks, as every other type there is.
"$protoc" --proto_path="$here" --csharp_out="$here" \
  --csharp_opt=file_extension=.g.cs,internal_access onnx_subset.proto
echo "wrote $here/OnnxSubset.g.cs with $("$protoc" --version)"
