using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace RnnGen.Generator.Parsing;

/// <summary>
/// The named arguments of one <c>[Rnn(...)]</c>, with the source location of each, so a
/// diagnostic can point at the offending argument rather than at the whole attribute.
/// </summary>
internal sealed class AttributeArguments
{
    private readonly AttributeData _attribute;
    private readonly AttributeSyntax? _syntax;

    private AttributeArguments(AttributeData attribute, AttributeSyntax? syntax)
    {
        _attribute = attribute;
        _syntax = syntax;
    }

    public static AttributeArguments Read(AttributeData attribute, CancellationToken cancellationToken) =>
        new(attribute, attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken) as AttributeSyntax);

    public Location? AttributeLocation => _syntax?.GetLocation();

    /// <summary>The attribute's syntax, or null for an attribute from metadata.</summary>
    public AttributeSyntax? Syntax => _syntax;

    /// <summary>The first constructor argument as an int (a layer's units), or null when it is not one.</summary>
    public int? FirstConstructorInt =>
        _attribute.ConstructorArguments.Length > 0 && _attribute.ConstructorArguments[0].Value is int value ? value : null;

    /// <summary>The first positional argument's location, or the attribute's.</summary>
    public Location? FirstConstructorArgumentLocation =>
        _syntax?.ArgumentList is { Arguments.Count: > 0 } list && list.Arguments[0].NameEquals is null
            ? list.Arguments[0].GetLocation()
            : AttributeLocation;

    /// <summary>A bool argument, or <paramref name="defaultValue"/> when it is not given.</summary>
    public bool Bool(string name, bool defaultValue) =>
        TryGet(name, out TypedConstant value) && value.Value is bool flag ? flag : defaultValue;

    public bool Has(string name) => TryGet(name, out _);

    public int Int(string name, int defaultValue) =>
        TryGet(name, out TypedConstant value) && value.Value is int number ? number : defaultValue;

    public bool Bool(string name) => TryGet(name, out TypedConstant value) && value.Value is true;

    /// <summary>The <c>Name = value</c> argument's location, or the attribute's when it is absent.</summary>
    public Location? LocationOf(string name)
    {
        if (_syntax?.ArgumentList is { } list)
        {
            foreach (AttributeArgumentSyntax argument in list.Arguments)
            {
                if (argument.NameEquals?.Name.Identifier.ValueText == name)
                {
                    return argument.GetLocation();
                }
            }
        }

        return AttributeLocation;
    }

    private bool TryGet(string name, out TypedConstant value)
    {
        foreach (var argument in _attribute.NamedArguments)
        {
            if (argument.Key == name)
            {
                value = argument.Value;
                return true;
            }
        }

        value = default;
        return false;
    }
}
