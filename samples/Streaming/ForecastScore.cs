namespace Streaming;

/// <summary>
/// Running squared errors of the model's forecasts and of the naive forecast "the next reading equals the
/// last one", which tells whether the model has learned anything. Mutable and allocation-free by design.
/// </summary>
internal struct ForecastScore
{
    private double _modelSquares;
    private double _naiveSquares;

    public int Count { readonly get; private set; }

    public readonly double ModelRmse => Math.Sqrt(_modelSquares / Count);

    public readonly double NaiveRmse => Math.Sqrt(_naiveSquares / Count);

    public void Add(float forecast, float lastReading, float actual)
    {
        _modelSquares += (forecast - actual) * (double)(forecast - actual);
        _naiveSquares += (lastReading - actual) * (double)(lastReading - actual);
        Count++;
    }
}
