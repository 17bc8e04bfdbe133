using System.Numerics.Tensors;
using RnnGen.Kernels;

namespace RnnGen.Tests.Kernels;

/// <summary>
/// The one-call LSTM cell gives the bits of the separate calls it replaces in generated code
/// (sigmoid and tanh of the blocks, then the products and sums), for every unit count around each
/// register width (so the last, overlapping register and the scalar path are both covered), in place
/// or not; CI runs this again with AVX-512, AVX2 and AVX off.
/// </summary>
public class GateKernelsTests
{
    public static TheoryData<int> UnitCounts => new() { 1, 2, 3, 4, 5, 7, 8, 9, 12, 15, 16, 17, 24, 31, 32, 33, 64, 65 };

    [Theory]
    [MemberData(nameof(UnitCounts))]
    public void LstmSigmoidTanh_equals_the_separate_operations_bit_for_bit(int units)
    {
        var random = new Random(units);
        float[] z = Values(random, 4 * units, 6f);
        float[] previous = Values(random, units, 2f);

        float[] expectedGates = z.ToArray();
        float[] expectedCell = new float[units];
        float[] expectedActivation = new float[units];
        float[] expectedOutput = new float[units];
        Span<float> g = expectedGates;
        Activations.Sigmoid(g[..(2 * units)]);
        Activations.Tanh(g.Slice(2 * units, units));
        Activations.Sigmoid(g.Slice(3 * units, units));
        TensorPrimitives.Multiply(g.Slice(units, units), previous, expectedCell);
        TensorPrimitives.MultiplyAdd(g[..units], g.Slice(2 * units, units), expectedCell, expectedCell);
        expectedCell.CopyTo(expectedActivation, 0);
        Activations.Tanh(expectedActivation);
        TensorPrimitives.Multiply(g.Slice(3 * units, units), expectedActivation, expectedOutput);

        float[] gates = z.ToArray();
        float[] cell = new float[units];
        float[] activation = new float[units];
        float[] output = new float[units];
        GateKernels.LstmSigmoidTanh(gates, previous, cell, activation, output);

        Assert.Equal(expectedGates, gates);
        Assert.Equal(expectedCell, cell);
        Assert.Equal(expectedActivation, activation);
        Assert.Equal(expectedOutput, output);

        // In place, as Step runs it: the cell span is the previous cell.
        float[] inPlaceGates = z.ToArray();
        float[] inPlaceCell = previous.ToArray();
        GateKernels.LstmSigmoidTanh(inPlaceGates, inPlaceCell, inPlaceCell, activation, output);
        Assert.Equal(expectedGates, inPlaceGates);
        Assert.Equal(expectedCell, inPlaceCell);
        Assert.Equal(expectedOutput, output);
    }

    [Theory]
    [MemberData(nameof(UnitCounts))]
    public void GruSigmoidTanh_equals_the_separate_operations_bit_for_bit(int units)
    {
        var random = new Random(100 + units);
        float[] z = Values(random, 3 * units, 4f);
        float[] projection = Values(random, 3 * units, 4f);
        float[] previous = Values(random, units, 1f);

        float[] expectedGates = z.ToArray();
        float[] expectedOutput = new float[units];
        Span<float> g = expectedGates;
        TensorPrimitives.Add(g[..(2 * units)], projection.AsSpan(0, 2 * units), g[..(2 * units)]);
        Activations.Sigmoid(g[..(2 * units)]);
        TensorPrimitives.MultiplyAdd(g.Slice(units, units), projection.AsSpan(2 * units, units), g.Slice(2 * units, units), g.Slice(2 * units, units));
        Activations.Tanh(g.Slice(2 * units, units));
        TensorPrimitives.Lerp(g.Slice(2 * units, units), previous, g[..units], expectedOutput);

        float[] gates = z.ToArray();
        float[] output = new float[units];
        GateKernels.GruSigmoidTanh(gates, projection, previous, output);

        Assert.Equal(expectedGates, gates);
        Assert.Equal(expectedOutput, output);

        // In place, as Step runs it: the output is h_{t-1}'s span.
        float[] inPlaceGates = z.ToArray();
        float[] state = previous.ToArray();
        GateKernels.GruSigmoidTanh(inPlaceGates, projection, state, state);
        Assert.Equal(expectedGates, inPlaceGates);
        Assert.Equal(expectedOutput, state);
    }

    [Fact]
    public void GruSigmoidTanh_refuses_a_projection_that_is_not_three_blocks_of_the_output()
    {
        var error = Assert.Throws<ArgumentException>(() => GateKernels.GruSigmoidTanh(new float[12], new float[11], new float[4], new float[4]));
        Assert.Equal("projection", error.ParamName);
        Assert.Contains("12", error.Message);
    }

    [Fact]
    public void LstmSigmoidTanh_refuses_gates_that_are_not_four_blocks_of_the_cell()
    {
        var error = Assert.Throws<ArgumentException>(() => GateKernels.LstmSigmoidTanh(new float[15], new float[4], new float[4], new float[4], new float[4]));
        Assert.Equal("gates", error.ParamName);
        Assert.Contains("16", error.Message);
        Assert.Contains("15", error.Message);
    }

    [Fact]
    public void LstmSigmoidTanh_refuses_a_short_output()
    {
        var error = Assert.Throws<ArgumentException>(() => GateKernels.LstmSigmoidTanh(new float[16], new float[4], new float[4], new float[4], new float[3]));
        Assert.Equal("output", error.ParamName);
    }

    private static float[] Values(Random random, int count, float scale)
    {
        var values = new float[count];
        for (int i = 0; i < count; i++)
        {
            values[i] = (float)((random.NextDouble() * 2 - 1) * scale);
        }

        return values;
    }
}
