using RnnGen.Data;
using RnnGen.Training;

namespace RnnGen.Tests.Training;

/// <summary>TerminateOnNaN stops on a value that is not finite, never on a finite batch whose float sum would overflow.</summary>
public class FiniteBatchTests
{
    // A linear T1 F1 H3 D1 model with x = 2⁵⁸, kernel 2⁴, dense kernel 1, target 0: each hᵢ = 2⁶² and the error e = 3·2⁶²,
    // all exact in float. Loss e² = 9·2¹²⁴ ≈ 1.914e38 and each dense-kernel gradient 2e·hᵢ = 6·2¹²⁴ ≈ 1.276e38 are finite,
    // but three of them sum to 18·2¹²⁴ ≈ 3.83e38 > float.MaxValue ≈ 3.403e38.
    private const float Input = 288230376151711744f; // 2^58

    internal static readonly float Loss = 9f * MathF.Pow(2f, 124);

    internal static RuntimeSizedRnn HugeLinearModel()
    {
        var model = new RuntimeSizedRnn(1, 1, 3, 1, Activation.Linear, Activation.Linear);
        model.Parameters.Clear();
        model.Kernel.Fill(16f);
        model.DenseKernel.Fill(1f);
        return model;
    }

    internal static WindowedDataset Samples(int count) => new(Enumerable.Repeat(Input, count).ToArray(), new float[count], 1, 1);

    [Fact]
    public void Finite_gradients_whose_float_sum_overflows_do_not_stop_training()
    {
        RuntimeSizedRnn model = HugeLinearModel();
        var optimizer = new RecordingOptimizer();

        History history = new Trainer(model, optimizer).Fit(Samples(2), new FitOptions { Epochs = 2, BatchSize = 1, Shuffle = false });

        Assert.False(history.TerminatedOnNaN, history.StopReason);
        Assert.Null(history.StopReason);
        Assert.Equal([Loss, Loss], history.Loss);
        Assert.Equal(4, optimizer.Steps.Count);
        Assert.Equal(6f * MathF.Pow(2f, 124), optimizer.Steps[0][^2]); // the dense kernel's last element, exactly
    }

    [Fact]
    public void A_batch_whose_summed_gradient_is_infinite_still_stops_training()
    {
        // Three samples in one batch: each dense-kernel gradient adds up to 18·2¹²⁴, which is +∞ in float.
        RuntimeSizedRnn model = HugeLinearModel();
        float[] before = model.Parameters.ToArray();

        History history = new Trainer(model, new RecordingOptimizer()).Fit(Samples(3), new FitOptions { BatchSize = 3 });

        Assert.True(history.TerminatedOnNaN);
        Assert.Equal(before, model.Parameters.ToArray());
    }
}
