namespace RnnGen.Tests.Generated;

/// <summary>
/// <c>default(T)</c> of a struct model has no weights: every member says so with an
/// InvalidOperationException naming the constructors, never a NullReferenceException.
/// </summary>
public class DefaultStructTests
{
    private const string Message = "default(VectorizedSequenceStatefulRnn) is not a model: construct it with new VectorizedSequenceStatefulRnn() or new VectorizedSequenceStatefulRnn(seed).";

    public static TheoryData<string> Members => new()
    {
        "Parameters", "Kernel", "RecurrentKernel", "Bias", "DenseKernel", "DenseBias", "Gradients", "State",
        "ClearGradients", "ResetStates", "Predict", "PredictBatch", "Step", "Backward", "Summary",
    };

    [Theory]
    [MemberData(nameof(Members))]
    public void Every_member_of_a_default_struct_model_throws_a_clear_error(string member)
    {
        VectorizedSequenceStatefulRnn model = default;
        var input = new float[VectorizedSequenceStatefulRnn.InputLength];
        var output = new float[VectorizedSequenceStatefulRnn.OutputLength];
        var step = new float[VectorizedSequenceStatefulRnn.DenseUnits];
        Action use = member switch
        {
            "Parameters" => () => _ = model.Parameters.Length,
            "Kernel" => () => _ = model.Kernel.Length,
            "RecurrentKernel" => () => _ = model.RecurrentKernel.Length,
            "Bias" => () => _ = model.Bias.Length,
            "DenseKernel" => () => _ = model.DenseKernel.Length,
            "DenseBias" => () => _ = model.DenseBias.Length,
            "Gradients" => () => _ = model.Gradients.Length,
            "State" => () => _ = model.State.Length,
            "ClearGradients" => model.ClearGradients,
            "ResetStates" => model.ResetStates,
            "Predict" => () => model.Predict(input, output),
            "PredictBatch" => () => model.PredictBatch(input, output),
            "Step" => () => model.Step(input.AsSpan(0, VectorizedSequenceStatefulRnn.Features), step),
            "Backward" => () => model.Backward(input, output),
            _ => () => model.Summary(),
        };

        var error = Assert.Throws<InvalidOperationException>(use);
        Assert.Equal(Message, error.Message);
    }

    [Fact]
    public void A_constructed_struct_model_works()
    {
        var model = new VectorizedSequenceStatefulRnn(seed: 1);
        var output = new float[VectorizedSequenceStatefulRnn.OutputLength];

        model.Predict(new float[VectorizedSequenceStatefulRnn.InputLength], output);

        Assert.Equal(VectorizedSequenceStatefulRnn.ParameterCount, model.Parameters.Length);
        Assert.All(output, static value => Assert.True(float.IsFinite(value)));
    }
}
