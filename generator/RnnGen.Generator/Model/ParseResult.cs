namespace RnnGen.Generator.Model;

/// <summary>
/// What parsing one annotated type yields: a spec to emit, or none, and the diagnostics to report.
/// An invalid attribute yields diagnostics and no spec, so the user sees only those.
/// </summary>
internal sealed record ParseResult(ModelSpec? Spec, EquatableArray<DiagnosticInfo> Diagnostics);
