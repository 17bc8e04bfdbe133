using System.Collections.Generic;
using System.Collections.Immutable;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using RnnGen.Generator.Diagnostics;
using RnnGen.Generator.Model;

namespace RnnGen.Generator.Parsing;

/// <summary>
/// Reads a model's layers: the layer attributes in source order, or the <c>[Rnn]</c> shorthand as
/// the SimpleRNN + Dense pair it stands for; then checks the stack as Keras would.
/// </summary>
internal static class LayerReader
{
    public const string SimpleRnnAttributeName = "RnnGen.SimpleRnnAttribute";
    public const string DenseAttributeName = "RnnGen.DenseAttribute";
    public const string LstmAttributeName = "RnnGen.LstmAttribute";
    public const string GruAttributeName = "RnnGen.GruAttribute";

    /// <summary>Every layer attribute, for the orphan-layer check.</summary>
    public static readonly string[] AttributeNames = [SimpleRnnAttributeName, DenseAttributeName, LstmAttributeName, GruAttributeName];

    private static readonly string[] ShorthandProperties = ["HiddenUnits", "DenseUnits", "HiddenActivation", "DenseActivation", "ReturnSequences"];

    /// <summary>What one layer attribute said.</summary>
    /// <remarks>
    /// <paramref name="RecurrentActivation"/> is the gates' (LSTM, GRU), <paramref name="UnitForgetBias"/> LSTM's and
    /// <paramref name="ResetAfter"/> GRU's; each is false or Sigmoid where the kind has no such option.
    /// </remarks>
    public readonly record struct Layer(
        LayerKind Kind,
        int Units,
        Activation Activation,
        bool UseBias,
        bool ReturnSequences,
        bool GoBackwards,
        Activation RecurrentActivation = Activation.Sigmoid,
        bool UnitForgetBias = false,
        bool ResetAfter = false,
        bool Bidirectional = false,
        MergeMode MergeMode = MergeMode.Concat);

    public static ImmutableArray<Layer> Read(
        INamedTypeSymbol type,
        TypeDeclarationSyntax declaration,
        AttributeArguments rnn,
        ImmutableArray<DiagnosticInfo>.Builder diagnostics,
        CancellationToken cancellationToken)
    {
        var layerAttributes = new List<(AttributeData Data, AttributeArguments Arguments, LayerKind Kind)>();
        foreach (AttributeData attribute in type.GetAttributes())
        {
            LayerKind? kind = KindOf(attribute);
            if (kind is null)
            {
                continue;
            }

            var arguments = AttributeArguments.Read(attribute, cancellationToken);
            if (arguments.Syntax is null || arguments.Syntax.SyntaxTree != declaration.SyntaxTree || !declaration.Span.Contains(arguments.Syntax.Span))
            {
                diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.LayersOnSeveralDeclarations, arguments.AttributeLocation, ShortName(kind.Value), type.Name));
                continue;
            }

            layerAttributes.Add((attribute, arguments, kind.Value));
        }

        if (layerAttributes.Count == 0)
        {
            return Shorthand(rnn, diagnostics);
        }

        foreach (string property in ShorthandProperties)
        {
            if (rnn.Has(property))
            {
                diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.ShorthandWithLayers, rnn.LocationOf(property), property));
            }
        }

        // Source order is the order of the layers, as in Keras' Sequential([...]).
        layerAttributes.Sort(static (a, b) => a.Arguments.Syntax!.SpanStart.CompareTo(b.Arguments.Syntax!.SpanStart));
        var layers = ImmutableArray.CreateBuilder<Layer>(layerAttributes.Count);
        foreach (var (_, arguments, kind) in layerAttributes)
        {
            layers.Add(ReadLayer(kind, arguments, diagnostics));
        }

        CheckStack(type, layers, layerAttributes.Select(static a => a.Arguments).ToList(), diagnostics);
        return layers.ToImmutable();
    }

    /// <summary>Every weight's floats, counted in 64 bits: a refused stack may hold more than an int counts.</summary>
    public static long ParameterCount(ImmutableArray<Layer> layers, int features)
    {
        StackLayout.Place(features, Placement(layers), out long parameterCount);
        return parameterCount;
    }

    /// <summary>The layers with their Keras names, input sizes, weights and state offsets (which fit an int within RNNG008's limit).</summary>
    public static EquatableArray<LayerSpec> LayOut(ImmutableArray<Layer> layers, int features, LayerBackend backend)
    {
        PlacedLayer[] placed = StackLayout.Place(features, Placement(layers), out _);
        var specs = ImmutableArray.CreateBuilder<LayerSpec>(layers.Length);
        for (int l = 0; l < layers.Length; l++)
        {
            Layer layer = layers[l];
            PlacedLayer place = placed[l];
            var weights = place.Weights.Select(static w => new WeightSpec(w.Shape.Name, w.Offset, w.Shape.Rows, w.Shape.Columns, w.Shape.IsVector)).ToImmutableArray();
            specs.Add(new LayerSpec(
                layer.Kind,
                l,
                place.Name,
                place.InputSize,
                layer.Units,
                layer.Activation,
                layer.UseBias,
                layer.ReturnSequences,
                layer.GoBackwards,
                layer.RecurrentActivation,
                layer.UnitForgetBias,
                layer.ResetAfter,
                place.InputIsSequence,
                place.OutputIsSequence,
                place.StateOffset,
                new EquatableArray<WeightSpec>(weights),
                backend)
            {
                Bidirectional = layer.Bidirectional,
                MergeMode = layer.MergeMode,
                InnerName = place.InnerName,
            });
        }

        return new EquatableArray<LayerSpec>(specs.ToImmutable());
    }

    private static List<StackEntry> Placement(ImmutableArray<Layer> layers) =>
        layers.Select(static layer => new StackEntry(layer.Kind, layer.Units, layer.UseBias, layer.ReturnSequences, layer.ResetAfter, layer.Bidirectional, layer.MergeMode)).ToList();

    /// <summary>Whether <paramref name="attribute"/> is a layer attribute, and which.</summary>
    public static LayerKind? KindOf(AttributeData attribute) => attribute.AttributeClass?.ToDisplayString() switch
    {
        SimpleRnnAttributeName => LayerKind.SimpleRnn,
        DenseAttributeName => LayerKind.Dense,
        LstmAttributeName => LayerKind.Lstm,
        GruAttributeName => LayerKind.Gru,
        _ => null,
    };

    /// <summary>The attribute's name in C#: <c>SimpleRnn</c>, <c>Dense</c>, <c>Lstm</c>, <c>Gru</c>.</summary>
    public static string ShortName(LayerKind kind) => kind switch
    {
        LayerKind.Dense => "Dense",
        LayerKind.Lstm => "Lstm",
        LayerKind.Gru => "Gru",
        _ => "SimpleRnn",
    };

    /// <summary><c>[Rnn(HiddenUnits = h, ...)]</c> means <c>[SimpleRnn(h, ...)] [Dense(DenseUnits, ...)]</c>.</summary>
    private static ImmutableArray<Layer> Shorthand(AttributeArguments rnn, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        int hiddenUnits = ModelParser.RequireDimension(rnn, "HiddenUnits", example: "3", diagnostics);
        int denseUnits = ModelParser.OptionalDimension(rnn, "DenseUnits", defaultValue: 1, diagnostics);
        Activation hiddenActivation = ModelParser.ReadActivation(rnn, "HiddenActivation", Activation.Tanh, diagnostics);
        Activation denseActivation = ModelParser.ReadActivation(rnn, "DenseActivation", Activation.Linear, diagnostics);
        bool returnSequences = rnn.Bool("ReturnSequences");
        return ImmutableArray.Create(
            new Layer(LayerKind.SimpleRnn, hiddenUnits, hiddenActivation, UseBias: true, returnSequences, GoBackwards: false),
            new Layer(LayerKind.Dense, denseUnits, denseActivation, UseBias: true, ReturnSequences: false, GoBackwards: false));
    }

    private static Layer ReadLayer(LayerKind kind, AttributeArguments arguments, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        int units = arguments.FirstConstructorInt ?? 0;
        if (units is < 1 or > ModelParser.MaxDimension)
        {
            diagnostics.Add(ModelParser.Diagnostic(
                DiagnosticDescriptors.DimensionOutOfRange,
                arguments.FirstConstructorArgumentLocation,
                $"{ShortName(kind)} units",
                units.ToString(CultureInfo.InvariantCulture),
                ModelParser.MaxDimension.ToString(CultureInfo.InvariantCulture)));
        }

        bool recurrent = LayerWeights.IsRecurrent(kind);
        bool gated = kind is LayerKind.Lstm or LayerKind.Gru;
        Activation activation = ModelParser.ReadActivation(arguments, "Activation", recurrent ? Activation.Tanh : Activation.Linear, diagnostics);
        Activation recurrentActivation = gated
            ? ModelParser.ReadActivation(arguments, "RecurrentActivation", Activation.Sigmoid, diagnostics)
            : Activation.Sigmoid;
        bool bidirectional = recurrent && arguments.Bool("Bidirectional");
        MergeMode mergeMode = recurrent ? ReadMergeMode(arguments, bidirectional, diagnostics) : MergeMode.Concat;

        return new Layer(
            kind,
            units,
            activation,
            arguments.Bool("UseBias", defaultValue: true),
            recurrent && arguments.Bool("ReturnSequences"),
            recurrent && arguments.Bool("GoBackwards"),
            recurrentActivation,
            UnitForgetBias: kind == LayerKind.Lstm && arguments.Bool("UnitForgetBias", defaultValue: true),
            ResetAfter: kind == LayerKind.Gru && arguments.Bool("ResetAfter", defaultValue: true),
            Bidirectional: bidirectional,
            MergeMode: mergeMode);
    }

    /// <summary>
    /// The merge mode of a bidirectional layer; RNNG021 on one given to a layer that is not bidirectional
    /// (Keras' merge_mode is the wrapper's: it would be silently ignored), or outside the enum.
    /// </summary>
    private static MergeMode ReadMergeMode(AttributeArguments arguments, bool bidirectional, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!arguments.Has("MergeMode"))
        {
            return MergeMode.Concat;
        }

        int value = arguments.Int("MergeMode", defaultValue: (int)MergeMode.Concat);
        if (!bidirectional)
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.OptionDoesNotApply, arguments.LocationOf("MergeMode"), "MergeMode", "a layer with Bidirectional = true; add that, or remove MergeMode"));
            return MergeMode.Concat;
        }

        if (!System.Enum.IsDefined(typeof(MergeMode), value))
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.OptionDoesNotApply, arguments.LocationOf("MergeMode"), $"MergeMode {value.ToString(CultureInfo.InvariantCulture)}", "a member of MergeMode: Concat, Sum, Mul or Ave"));
            return MergeMode.Concat;
        }

        return (MergeMode)value;
    }

    private static void CheckStack(INamedTypeSymbol type, ImmutableArray<Layer>.Builder layers, List<AttributeArguments> attributes, ImmutableArray<DiagnosticInfo>.Builder diagnostics)
    {
        if (!layers.Any(static layer => LayerWeights.IsRecurrent(layer.Kind)))
        {
            diagnostics.Add(ModelParser.Diagnostic(DiagnosticDescriptors.NoRecurrentLayer, attributes[0].AttributeLocation, type.Name));
            return;
        }

        int? pending = null;
        for (int l = 0; l < layers.Count; l++)
        {
            if (!LayerWeights.IsRecurrent(layers[l].Kind))
            {
                continue;
            }

            if (pending is int inner)
            {
                diagnostics.Add(ModelParser.Diagnostic(
                    DiagnosticDescriptors.InnerLayerMustReturnSequences,
                    attributes[inner].AttributeLocation,
                    Describe(layers[inner], inner),
                    Describe(layers[l], l)));
            }

            pending = layers[l].ReturnSequences ? null : l;
        }
    }

    private static string Describe(Layer layer, int index) =>
        $"[{ShortName(layer.Kind)}({layer.Units.ToString(CultureInfo.InvariantCulture)})] (layer {index.ToString(CultureInfo.InvariantCulture)})";
}
