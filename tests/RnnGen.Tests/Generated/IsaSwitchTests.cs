using System.Runtime.Intrinsics;

namespace RnnGen.Tests.Generated;

/// <summary>
/// CI runs the numerical tests again with AVX-512 and with AVX2 switched off, so every emitted SIMD
/// path is exercised. This proves the switches really took effect in that run.
/// </summary>
public class IsaSwitchTests
{
    [Fact]
    public void The_runtime_ISA_switches_of_this_run_are_in_effect()
    {
        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX512") == "0")
        {
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX512=0, yet Vector512 is accelerated");
        }

        if (Environment.GetEnvironmentVariable("DOTNET_EnableAVX2") == "0")
        {
            Assert.False(Vector256.IsHardwareAccelerated, "DOTNET_EnableAVX2=0, yet Vector256 is accelerated");
            Assert.False(Vector512.IsHardwareAccelerated, "DOTNET_EnableAVX2=0, yet Vector512 is accelerated");
        }

        // Wider implies narrower: a run never tests a 512-bit path without the 256-bit one below it.
        Assert.True(!Vector512.IsHardwareAccelerated || Vector256.IsHardwareAccelerated);
        Assert.True(!Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated);
    }
}
