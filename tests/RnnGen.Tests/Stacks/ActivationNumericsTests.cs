namespace RnnGen.Tests.Stacks;

/// <summary>
/// PredictBatch in SIMD lanes for the <see cref="ActivationModels"/> whose every layer is written
/// out: the lanes run each activation through <c>VectorMath</c>'s 512, 256 and 128-bit forms. (The
/// float64 reference, Step, PredictBatch and allocation checks of every activation model are
/// <see cref="StackNumericsTests"/>' theories: <see cref="StackModels"/> lists these models.)
/// </summary>
public class ActivationNumericsTests
{
    // Two groups of the widest lanes, then a remainder that narrower lanes and single sequences share.
    private const int LaneCount = 2 * 16 + 13;

    public static TheoryData<string> LaneNames => ActivationModels.LaneNames;

    [Theory]
    [MemberData(nameof(LaneNames))]
    public void PredictBatch_in_lanes_matches_Predict_and_allocates_nothing(string name)
    {
        IRnnModel model = ActivationModels.Create(name);
        var inputs = new float[LaneCount * model.InputLength];
        ReferenceOf.Fill(inputs, new Random(23), 1.5);
        var batch = new float[LaneCount * model.OutputLength];

        model.PredictBatch(inputs, batch);

        var one = new float[model.OutputLength];
        for (int n = 0; n < LaneCount; n++)
        {
            model.Predict(inputs.AsSpan(n * model.InputLength, model.InputLength), one);
            for (int k = 0; k < one.Length; k++)
            {
                Assert.Equal(one[k], batch[n * model.OutputLength + k], 1e-5f);
            }
        }

        for (int i = 0; i < 200; i++)
        {
            model.PredictBatch(inputs, batch);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            model.PredictBatch(inputs, batch);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
