using BenchmarkDotNet.Attributes;
using RnnGen.Benchmarks.Measurement;
using RnnGen.Benchmarks.Models;
using RnnGen.Benchmarks.Training;
using RnnGen.Data;
using RnnGen.Training;

namespace RnnGen.Benchmarks.Benchmarks;

/// <summary>
/// The tutorial's whole training as a user writes it (issue 5's target: 20 epochs of 187 samples,
/// batch 1, under 2 ms): <c>new Trainer(model, new Adam()).Fit(train, new FitOptions { Epochs = 20,
/// BatchSize = 1, Seed = 1, Shuffle = true })</c>, on windows cut by <see cref="Windowing.GetXY"/>.
/// The Ratio baseline is the same training written by hand on the same model (same shuffled order,
/// <c>ClearGradients</c>, <c>Backward</c>, Adam step per sample), so the Ratio is the Trainer's own cost.
/// </summary>
/// <remarks>
/// Every call starts from the same initial weights with a new optimizer, so each call does the same
/// work and the weights do not drift from call to call. Both methods include what a user's call
/// allocates (the optimizer's moments; for Fit also its History, trainer buffers and options), reported
/// by the memory diagnoser per call.
/// </remarks>
[MemoryDiagnoser]
[CategoriesColumn]
[ModelShape(typeof(TutorialRnn))]
public class TutorialFitBenchmarks
{
    /// <summary>Monthly values: <c>(2256 - 1) / 12 = 187</c> non-overlapping windows, the tutorial's training set.</summary>
    private const int SeriesLength = 2256;

    private const int ShuffleSeed = 1;

    private readonly TutorialRnn model = new(seed: 7);
    private float[] initialParameters = [];
    private int[] order = [];
    private WindowedDataset train = null!;

    [GlobalSetup]
    public void SetUp()
    {
        train = Windowing.GetXY(SyntheticSequences.Series(SeriesLength, seed: 3), TutorialRnn.TimeSteps);
        if (train.Count != FlopCount.EpochSamples)
        {
            throw new InvalidOperationException($"Expected {FlopCount.EpochSamples} training windows, got {train.Count}.");
        }

        initialParameters = model.Parameters.ToArray();
        order = new int[train.Count];
    }

    /// <summary>The user-facing loop; returns the last epoch's loss.</summary>
    [Benchmark, BenchmarkCategory(OperationKinds.Fit)]
    public float Generated_Fit()
    {
        initialParameters.CopyTo(model.Parameters);
        History history = new Trainer(model, new Adam()).Fit(
            train,
            new FitOptions { Epochs = FlopCount.FitEpochs, BatchSize = 1, Seed = ShuffleSeed, Shuffle = true });
        return history.Loss[^1];
    }

    /// <summary>The same training by hand (what <c>Trainer.Fit</c> does with batch 1, minus its checks); returns the last epoch's loss.</summary>
    [Benchmark(Baseline = true), BenchmarkCategory(OperationKinds.Fit)]
    public float Generated_FitByHand()
    {
        initialParameters.CopyTo(model.Parameters);
        var adam = new Adam();
        var random = new Random(ShuffleSeed);
        for (int i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        double lossSum = 0;
        for (int epoch = 0; epoch < FlopCount.FitEpochs; epoch++)
        {
            random.Shuffle(order);
            lossSum = 0;
            foreach (int sample in order)
            {
                model.ClearGradients();
                lossSum += model.Backward(train.Input(sample), train.Target(sample));
                adam.Step(model.Parameters, model.Gradients);
            }
        }

        return (float)(lossSum / order.Length);
    }
}
