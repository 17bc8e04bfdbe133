namespace RnnGen.Tests.Stacks;

/// <summary>
/// PredictBatch of a model whose every layer is written out runs whole groups of sequences side by
/// side, one per SIMD lane (16, 8 or 4 at a time), and the rest one by one: the same outputs as
/// Predict (to float rounding: lanes fuse multiply-adds differently), and no allocation.
/// </summary>
public class LanesBatchTests
{
    // Two groups of the widest lanes and a remainder that narrower lanes and single sequences share, so every path runs.
    private const int Count = 2 * 16 + 13;

    public static TheoryData<string> Names => StackModels.LaneNames;

    [Theory]
    [MemberData(nameof(Names))]
    public void PredictBatch_in_lanes_matches_Predict_sequence_by_sequence(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var inputs = new float[Count * model.InputLength];
        ReferenceOf.Fill(inputs, new Random(21), 1.0);
        var batch = new float[Count * model.OutputLength];

        model.PredictBatch(inputs, batch);

        var one = new float[model.OutputLength];
        for (int n = 0; n < Count; n++)
        {
            model.Predict(inputs.AsSpan(n * model.InputLength, model.InputLength), one);
            for (int k = 0; k < one.Length; k++)
            {
                Assert.Equal(one[k], batch[n * model.OutputLength + k], 1e-5f);
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void PredictBatch_in_lanes_allocates_nothing(string name)
    {
        IRnnModel model = StackModels.Create(name);
        var inputs = new float[Count * model.InputLength];
        ReferenceOf.Fill(inputs, new Random(22), 1.0);
        var outputs = new float[Count * model.OutputLength];
        for (int i = 0; i < 200; i++)
        {
            model.PredictBatch(inputs, outputs);
        }

        Thread.Sleep(200);
        model.PredictBatch(inputs, outputs);
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 300; i++)
        {
            model.PredictBatch(inputs, outputs);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
