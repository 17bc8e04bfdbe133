using System.Numerics;
using System.Runtime.Intrinsics;
using Xunit.Abstractions;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// Reports which register widths this run accelerates, so each CI run (default, DOTNET_EnableAVX512=0,
/// DOTNET_EnableAVX2=0) shows in its results which kernel paths it tested.
/// </summary>
public class AcceleratedWidthsTests(ITestOutputHelper output)
{
    [Fact]
    public void Accelerated_widths_are_reported_and_nested()
    {
        output.WriteLine(
            $"Vector512: {Vector512.IsHardwareAccelerated}, Vector256: {Vector256.IsHardwareAccelerated}, " +
            $"Vector128: {Vector128.IsHardwareAccelerated}, Vector<float>: {Vector<float>.Count} lanes " +
            $"(DOTNET_EnableAVX512={Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") ?? "unset"}, " +
            $"DOTNET_EnableAVX2={Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") ?? "unset"})");

        Assert.True(!Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated, "Vector512 without Vector256");
        Assert.True(!Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated, "Vector256 without Vector128");
        Assert.True(Vector<float>.Count * sizeof(float) <= (Vector512.IsHardwareAccelerated ? 64 : Vector256.IsHardwareAccelerated ? 32 : 16));
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX512=0 should turn Vector512 off");
        }

        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
        {
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableAVX2=0 should turn Vector256 off");
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX2=0 should turn Vector512 off");
        }
    }
}
