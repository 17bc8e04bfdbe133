namespace RnnGen.Benchmarks.Measurement;

/// <summary>Names the generated model whose shape a benchmark class measures, so columns can count its work.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ModelShapeAttribute(Type modelType) : Attribute
{
    /// <summary>A generated type implementing <see cref="IRnnModel"/> with a <c>(int seed)</c> constructor.</summary>
    public Type ModelType { get; } = modelType;

    /// <summary>The layout, read from a throwaway instance (Layout is an instance member of <see cref="IRnnModel"/>).</summary>
    public ModelLayout Layout => ((IRnnModel)Activator.CreateInstance(ModelType, 0)!).Layout;
}
