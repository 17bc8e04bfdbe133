using RnnGen.Generator.Model;

namespace RnnGen.Generator.Tests;

/// <summary>The generator reads attribute values as integers: its mirrors must match the runtime's enums and bounds.</summary>
public class ModelMirrorTests
{
    [Fact]
    public void ActivationKind_mirrors_RnnGen_Activation()
    {
        Assert.Equal(Enum.GetNames<Activation>(), Enum.GetNames<ActivationKind>());
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            Assert.Equal((int)activation, (int)Enum.Parse<ActivationKind>(activation.ToString()));
        }
    }

    [Fact]
    public void CellKind_and_bounds_mirror_the_runtime()
    {
        Assert.Equal((int)RnnGen.CellKind.SimpleRnn, (int)Model.CellKind.SimpleRnn);
        Assert.Equal(RnnAttribute.MaxDimension, Parsing.ModelParser.MaxDimension);
    }
}
