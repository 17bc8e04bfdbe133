using RnnGen.Persistence;
using RnnGen.Tests.Generated;
using RnnGen.Tests.Persistence.Fixtures;

namespace RnnGen.Tests.Persistence;

/// <summary>Version-1 files, as the version-1 code wrote them (Fixtures/), load into the equivalent model and are refused as before.</summary>
public class WeightFileVersionOneTests
{
    public static TheoryData<string, Func<IRnnModel>> FilesAndEquivalentModels => new()
    {
        { "v1-tutorial.rnnw", () => new SunspotRnn(seed: 1) },
        { "v1-tutorial.rnnw", () => new TutorialAsLayers(seed: 1) },
        { "v1-sequence-stateful.rnnw", () => new SmallSequenceStatefulRnn(seed: 1) },
        { "v1-sequence-stateful.rnnw", () => new SequenceStatefulAsLayers(seed: 1) },
    };

    [Theory]
    [MemberData(nameof(FilesAndEquivalentModels))]
    public void A_version_1_file_loads_into_the_equivalent_model_bit_for_bit(string file, Func<IRnnModel> create)
    {
        IRnnModel model = create();

        WeightFile.Load(model, V1Fixtures.Path(file));

        Assert.Equal(V1Fixtures.Parameters(V1Fixtures.Bytes(file)), model.Parameters.ToArray());
    }

    [Fact]
    public void A_version_1_file_saved_again_is_version_2_and_loads_the_same_weights()
    {
        var model = new TutorialAsLayers();
        WeightFile.Load(model, V1Fixtures.Path("v1-tutorial.rnnw"));
        var again = new SunspotRnn();

        WeightFile.Deserialize(again, WeightFile.Serialize(model));

        Assert.Equal(model.Parameters.ToArray(), again.Parameters.ToArray());
        Assert.Equal(2, WeightFile.Serialize(model)[8]);
    }

    [Fact]
    public void A_version_1_file_of_another_shape_is_refused_naming_each_difference()
    {
        var model = new SequenceStatefulAsLayers(seed: 1);
        float[] before = model.Parameters.ToArray();

        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(model, V1Fixtures.Bytes("v1-tutorial.rnnw"), "v1-tutorial.rnnw"));

        Assert.Equal(
            "v1-tutorial.rnnw holds weights of SimpleRNN(3, tanh) → Dense(1, tanh) over 12 steps × 1 feature (19 parameters), "
            + "but this model is SimpleRNN(4, sigmoid, return_sequences) → Dense(3, relu) over 5 steps × 2 features, stateful (43 parameters): "
            + "time steps: expected 5, found 12; features: expected 2, found 1; stateful: expected true, found false; "
            + "layer 0 (simple_rnn): expected SimpleRNN(4, sigmoid, return_sequences), found SimpleRNN(3, tanh); "
            + "layer 1 (dense): expected Dense(3, relu), found Dense(1, tanh).",
            e.Message);
        Assert.Equal(before, model.Parameters.ToArray());
    }

    [Fact]
    public void A_version_1_file_is_refused_by_a_stack()
    {
        var e = Assert.Throws<InvalidDataException>(() => WeightFile.Deserialize(new SmallStack(), V1Fixtures.Bytes("v1-tutorial.rnnw"), "v1"));
        Assert.Contains("layer 2 (dense): expected Dense(1, linear), found no layer", e.Message);
    }

    [Fact]
    public void Truncating_a_version_1_file_at_every_byte_offset_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryTruncation(new SmallSequenceStatefulRnn(seed: 1), V1Fixtures.Bytes("v1-sequence-stateful.rnnw"), "v1.rnnw");

    [Fact]
    public void Every_single_flipped_bit_of_a_version_1_file_is_refused_and_leaves_the_model_unchanged() =>
        Refusals.EveryBitFlip(new SunspotRnn(seed: 1), V1Fixtures.Bytes("v1-tutorial.rnnw"));
}
