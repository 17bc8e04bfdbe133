namespace RnnGen.Tests.Generated;

/// <summary>
/// No allocation after construction: bytes allocated on this thread by many calls, after warm-up
/// (so tiered JIT and static initialization are done), must be exactly zero.
/// </summary>
public class AllocationTests
{
    private const int Calls = 2_000;

    [Theory]
    [MemberData(nameof(ModelCatalog.Names), MemberType = typeof(ModelCatalog))]
    public void Predict_Backward_Step_PredictBatch_and_BackwardBatch_allocate_nothing(string name)
    {
        IRnnModel model = ModelCatalog.Create(name);
        var input = new float[model.InputLength];
        var batch = new float[3 * model.InputLength];
        var output = new float[model.OutputLength];
        var batchOutput = new float[3 * model.OutputLength];
        var losses = new float[3];
        var step = new float[model.Shape.DenseUnits];
        ModelCatalog.Fill(input, new Random(31), 1.0);
        ModelCatalog.Fill(batch, new Random(32), 1.0);

        // Warm up past tiered compilation (tier-0 code is replaced after 30 calls, in the background,
        // and on-stack replacement can allocate on this thread), then measure.
        for (int i = 0; i < 200; i++)
        {
            RunAll();
        }

        Thread.Sleep(200);
        RunAll();

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < Calls; i++)
        {
            RunAll();
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(0, allocated);

        void RunAll()
        {
            model.Predict(input, output);
            model.Backward(input, output);
            model.Step(input.AsSpan(0, model.Shape.Features), step);
            model.PredictBatch(batch, batchOutput);
            model.BackwardBatch(batch, batchOutput, losses);
            model.ClearGradients();
            model.ResetStates();
        }
    }
}
