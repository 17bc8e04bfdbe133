namespace RnnGen.Generator;

/// <summary>Names of the pipeline's steps, so tests can check that each one caches.</summary>
internal static class TrackingNames
{
    public const string ParseResults = nameof(ParseResults);
    public const string Diagnostics = nameof(Diagnostics);
    public const string Specs = nameof(Specs);
    public const string HintNameCollisions = nameof(HintNameCollisions);
    public const string NamedSpecs = nameof(NamedSpecs);
    public const string OrphanLayers = nameof(OrphanLayers);
}
