using System.Diagnostics;

namespace Streaming;

/// <summary>
/// The latency-sensitive loop: each sensor reading goes through one <c>Step</c>, which advances the LSTM's
/// <c>h</c> and <c>c</c> and runs the Dense head on the new <c>h</c>. The model learned windows of
/// <see cref="SunspotLstm.TimeSteps"/> readings that start from a zero state, so after every such window its
/// output is the forecast of the next reading, and <c>ResetStates</c> starts the next window.
/// </summary>
internal static class SensorLoop
{
    /// <summary>Runs <c>ticks.Length</c> steps, writing each step's duration (Stopwatch ticks) into <paramref name="ticks"/>.</summary>
    public static ForecastScore Run(SunspotLstm model, SimulatedSensor sensor, long[] ticks)
    {
        Span<float> reading = stackalloc float[SunspotLstm.Features];
        Span<float> output = stackalloc float[SunspotLstm.DenseUnits];
        var score = new ForecastScore();
        float forecast = float.NaN;
        model.ResetStates();
        for (int step = 0; step < ticks.Length; step++)
        {
            float previous = reading[0];
            reading[0] = sensor.Next();
            if (!float.IsNaN(forecast))
            {
                score.Add(forecast, previous, reading[0]);
                forecast = float.NaN;
            }

            long start = Stopwatch.GetTimestamp();
            model.Step(reading, output);
            ticks[step] = Stopwatch.GetTimestamp() - start;

            if ((step + 1) % SunspotLstm.TimeSteps == 0)
            {
                forecast = output[0];
                model.ResetStates();
            }
        }

        return score;
    }
}
