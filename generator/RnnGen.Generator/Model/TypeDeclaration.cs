namespace RnnGen.Generator.Model;

/// <summary>
/// One <c>partial</c> declaration to re-open: the annotated type or one of its containing types.
/// </summary>
/// <param name="Keyword">The declaration keyword(s): <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c>.</param>
/// <param name="Name">The name with its type parameter list, e.g. <c>Outer&lt;T&gt;</c>.</param>
internal sealed record TypeDeclaration(string Keyword, string Name);
