namespace Streaming;

/// <summary>
/// A sensor that produces one reading per call, already scaled to (0, 1) as the model's training data was:
/// a 132-reading cycle (the sun's 11 years, in months) whose peaks drift, with noise. Allocation-free.
/// </summary>
internal sealed class SimulatedSensor(int seed)
{
    private const double CycleLength = 132;
    private const double DriftLength = 1200;

    private readonly Random _random = new(seed);
    private long _reading;

    public float Next()
    {
        double t = _reading++;
        double peak = 0.45 + 0.2 * Math.Sin(2 * Math.PI * t / DriftLength);
        double cycle = Math.Pow(Math.Sin(Math.PI * t / CycleLength), 2);
        double noise = 1 + 0.2 * (_random.NextDouble() * 2 - 1);
        return (float)(peak * cycle * noise);
    }
}
