using System.Collections.Concurrent;
using System.Globalization;
using System.Reflection;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace RnnGen.Benchmarks.Measurement;

/// <summary>
/// A column of work per second beside the time: GFLOP/s from <see cref="FlopCount"/> and the class's
/// <see cref="ModelShapeAttribute"/>, or GB/s from a method's <see cref="StreamedBytesAttribute"/>
/// (for Predict: the recurrent kernels' bytes read, <c>Σ T · U · W · 4</c>; for Step, one step's <c>Σ U · W · 4</c>).
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public static readonly ThroughputColumn GigaFlops = new(isBandwidth: false);
    public static readonly ThroughputColumn GigaBytes = new(isBandwidth: true);

    // Reading a shape builds a model (Keras initializers included): once per benchmark class is enough.
    private static readonly ConcurrentDictionary<Type, ModelLayout?> Layouts = new();

    private readonly bool isBandwidth;

    private ThroughputColumn(bool isBandwidth) => this.isBandwidth = isBandwidth;

    public string Id => ColumnName;

    public string ColumnName => isBandwidth ? "GB/s" : "GFLOP/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => isBandwidth ? 1 : 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => isBandwidth
        ? "Bytes read per operation / mean time (Predict: recurrent kernels, Σ T·U·W·4 bytes, W = gates·U; Step: Σ U·W·4; floors: the buffer)"
        : "Floating-point operations per operation (formulas in FlopCount) / mean time";

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, SummaryStyle.Default);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        double? meanNanoseconds = summary[benchmarkCase]?.ResultStatistics?.Mean;
        double? work = isBandwidth ? BytesOf(benchmarkCase) : FlopsOf(benchmarkCase);
        if (meanNanoseconds is not > 0 || work is null)
        {
            return "-";
        }

        // Work per nanosecond is work per second in units of 10⁹.
        return (work.Value / meanNanoseconds.Value).ToString("0.00", CultureInfo.InvariantCulture);
    }

    public override string ToString() => ColumnName;

    private static double? FlopsOf(BenchmarkCase benchmarkCase) =>
        LayoutOf(benchmarkCase) is { } layout ? FlopCount.Of(KindOf(benchmarkCase), layout) : null;

    private static double? BytesOf(BenchmarkCase benchmarkCase)
    {
        if (benchmarkCase.Descriptor.WorkloadMethod.GetCustomAttribute<StreamedBytesAttribute>() is { } streamed)
        {
            return streamed.Bytes;
        }

        string kind = KindOf(benchmarkCase);
        if (kind is not (OperationKinds.Predict or OperationKinds.Step) || LayoutOf(benchmarkCase) is not { } layout)
        {
            return null;
        }

        return kind == OperationKinds.Step ? FlopCount.RecurrentKernelBytesPerStep(layout) : FlopCount.RecurrentKernelBytes(layout);
    }

    private static ModelLayout? LayoutOf(BenchmarkCase benchmarkCase) =>
        Layouts.GetOrAdd(benchmarkCase.Descriptor.Type, type => type.GetCustomAttribute<ModelShapeAttribute>()?.Layout);

    private static string KindOf(BenchmarkCase benchmarkCase) =>
        benchmarkCase.Descriptor.Categories.FirstOrDefault() ?? "";
}
