using System.Collections.Immutable;
using System.Reflection;
using Microsoft.CodeAnalysis;
using RnnGen.Generator.Emit;
using RnnGen.Generator.Emit.Stack;
using RnnGen.Generator.Model;
using RnnGen.Generator.Tests.Infrastructure;

namespace RnnGen.Generator.Tests;

using Activation = RnnGen.Generator.Model.Activation;
using LayerKind = RnnGen.Generator.Model.LayerKind;

/// <summary>
/// The gate operations every backend writes for LSTM and GRU (<see cref="IGateBackend"/>), compiled and
/// run: blocks of a gated affine map with either bias row, their products, multiply-add, GRU's
/// interpolation and the complement product give what they say, on the loops and the unrolled backend, and (forward only) the register backend.
/// </summary>
public class GateOperationTests
{
    private const int In = 2, U = 3, G = 2;

    // parameters: kernel [2, 6] at 0, bias [2, 6] (two rows, as GRU reset_after) at 12; floats: x at 0, gates at 8, results from 16.
    private static readonly WeightSpec Kernel = new(LayerWeights.Kernel, 0, In, G * U, IsVector: false);
    private static readonly WeightSpec Bias = new(LayerWeights.Bias, In * G * U, 2, G * U, IsVector: false);

    public static TheoryData<string> Backends => new() { "loops", "unrolled", "register" };

    private static IGateBackend Of(string backend) => backend switch
    {
        "loops" => LoopsBackend.Instance,
        "unrolled" => ScalarBackend.Unrolled,
        _ => RegisterBackend.Instance,
    };

    private static string Body(IGateBackend ops)
    {
        var layer = new LayerSpec(
            LayerKind.Gru, 0, "gru", In, U, Activation.Tanh, UseBias: true, ReturnSequences: false, GoBackwards: false,
            Activation.Sigmoid, UnitForgetBias: false, ResetAfter: true, InputIsSequence: true, OutputIsSequence: false, StateOffset: 0,
            new EquatableArray<WeightSpec>(ImmutableArray.Create(Kernel, Bias)), LayerBackend.Loops);
        var writer = new SourceWriter();
        ops.DeclareWeights(writer, layer);
        Vec x = ops.Read(writer, "x", new Place("floats", "0", In));
        GatedVec gates = ops.GateAffine(writer, "a", G, Bias, biasRow: 1, new Place("floats", "8", G * U));
        ops.AddGateProducts(writer, x, Kernel, gates);
        Vec first = gates.Blocks[0], second = gates.Blocks[1];
        ops.Store(writer, first, new Place("floats", "16", U));
        ops.Store(writer, second, new Place("floats", "19", U));

        Vec product = ops.Declare(writer, "p", new Place("floats", "22", U));
        ops.Multiply(writer, first, second, product);
        ops.Store(writer, product, new Place("floats", "22", U));

        Vec sum = ops.Copy(writer, "s", second, new Place("floats", "25", U));
        ops.MultiplyAdd(writer, first, product, sum); // s = second + first ⊙ first ⊙ second
        ops.Store(writer, sum, new Place("floats", "25", U));

        Vec mixed = ops.Copy(writer, "m", second, new Place("floats", "28", U));
        ops.Interpolate(writer, first, product, mixed); // m = first ⊙ product + (1 − first) ⊙ second
        ops.Store(writer, mixed, new Place("floats", "28", U));

        Vec blockSum = ops.Copy(writer, "q", first, new Place("floats", "37", U));
        ops.AddBlockProduct(writer, x, Kernel, 1, blockSum); // q = first + x·kernel[:, U .. 2U]
        ops.Store(writer, blockSum, new Place("floats", "37", U));
        if (ops is not IGateGradientBackend gradients)
        {
            // The register backend is forward only: its layers' BPTT is unrolled.
            return writer.ToString();
        }

        Vec complement = gradients.Declare(writer, "c", new Place("floats", "31", U));
        gradients.MultiplyByComplement(writer, first, second, complement); // c = (1 − first) ⊙ second
        ops.Store(writer, complement, new Place("floats", "31", U));

        Vec difference = ops.Declare(writer, "d", new Place("floats", "34", U));
        gradients.Subtract(writer, first, second, difference);
        ops.Store(writer, difference, new Place("floats", "34", U));

        Vec back = ops.Copy(writer, "r", x, new Place("floats", "40", In));
        gradients.AddBlockTransposedProduct(writer, Kernel, 1, first, back); // r = x + first·kernel[:, U .. 2U]ᵀ
        ops.Store(writer, back, new Place("floats", "40", In));
        return writer.ToString();
    }

    private static float[] Run(string backend, float[] parameters, float[] floats)
    {
        string source = $$"""
            using System;
            using System.Numerics.Tensors;
            using System.Runtime.Intrinsics;
            using RnnGen.Kernels;

            public static class GateOps
            {
                public static void Run(float[] parameterArray, float[] floatArray)
                {
                    ReadOnlySpan<float> parameters = parameterArray;
                    Span<float> floats = floatArray;
            {{Body(Of(backend))}}
                }
            }
            """;
        Compilation compilation = GeneratorHarness.Compile(source)
            .WithOptions(new Microsoft.CodeAnalysis.CSharp.CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, optimizationLevel: OptimizationLevel.Release));
        using var image = new MemoryStream();
        var emitted = compilation.Emit(image);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics) + "\n" + source);
        Assembly assembly = Assembly.Load(image.ToArray());
        assembly.GetType("GateOps")!.GetMethod("Run")!.Invoke(null, [parameters, floats]);
        return floats;
    }

    [Theory]
    [MemberData(nameof(Backends))]
    public void Gate_operations_compute_what_they_say(string backend)
    {
        var random = new Random(7);
        float[] parameters = Enumerable.Range(0, In * G * U + 2 * G * U).Select(_ => (float)(random.NextDouble() - 0.5)).ToArray();
        float[] floats = new float[44];
        floats[0] = 0.7f;
        floats[1] = -0.4f;

        float[] result = Run(backend, parameters, floats);

        for (int k = 0; k < U; k++)
        {
            // Block g, unit k: column g·U + k of x·kernel + bias row 1.
            float Gate(int g) => floats[0] * parameters[g * U + k] + floats[1] * parameters[G * U + g * U + k] + parameters[Bias.Offset + G * U + g * U + k];
            float a = Gate(0), b = Gate(1);
            Assert.Equal(a, result[16 + k], 5);
            Assert.Equal(b, result[19 + k], 5);
            Assert.Equal(a * b, result[22 + k], 5);
            Assert.Equal(b + a * a * b, result[25 + k], 5);
            Assert.Equal(a * (a * b) + (1 - a) * b, result[28 + k], 5);
            Assert.Equal(a + floats[0] * parameters[U + k] + floats[1] * parameters[G * U + U + k], result[37 + k], 5);
            if (backend != "register")
            {
                Assert.Equal((1 - a) * b, result[31 + k], 5);
                Assert.Equal(a - b, result[34 + k], 5);
            }
        }

        for (int i = 0; i < (backend == "register" ? 0 : In); i++)
        {
            float expected = floats[i];
            for (int k = 0; k < U; k++)
            {
                expected += result[16 + k] * parameters[i * G * U + U + k];
            }

            Assert.Equal(expected, result[40 + i], 5);
        }
    }
}
