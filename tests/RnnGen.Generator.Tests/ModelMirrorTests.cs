namespace RnnGen.Generator.Tests;

/// <summary>
/// The generator reads attribute values as integers. Activation, LayerKind and the weight layout
/// are one source file linked into both assemblies; these tests prove the link and the bounds.
/// </summary>
public class ModelMirrorTests
{
    [Fact]
    public void The_generator_compiles_the_runtimes_Activation()
    {
        Assert.Equal(Enum.GetNames<Activation>(), Enum.GetNames<Model.Activation>());
        foreach (Activation activation in Enum.GetValues<Activation>())
        {
            Assert.Equal((int)activation, (int)Enum.Parse<Model.Activation>(activation.ToString()));
        }
    }

    [Fact]
    public void The_generator_compiles_the_runtimes_LayerKind()
    {
        Assert.Equal(Enum.GetNames<LayerKind>(), Enum.GetNames<Model.LayerKind>());
        foreach (LayerKind kind in Enum.GetValues<LayerKind>())
        {
            Assert.Equal((int)kind, (int)Enum.Parse<Model.LayerKind>(kind.ToString()));
        }
    }

    [Fact]
    public void Bounds_mirror_the_runtime() =>
        Assert.Equal(RnnAttribute.MaxDimension, Parsing.ModelParser.MaxDimension);
}
