// The Program.cs of the fresh console app that .ci/package.sh creates outside the repository: it gets RnnGen
// only from the packed NuGet package, so it compiles only if the package's generator ran, and it trains only
// if the package's runtime works. Exits with 1 if training did not lower the error.
using RnnGen;
using RnnGen.Data;
using RnnGen.Evaluation;
using RnnGen.Training;

var model = new SmokeRnn(seed: 1);
Console.WriteLine(model.Summary());

// Twenty years of a 17-month cycle, cut as the Keras tutorial does: 12 values in, the next one out.
float[] series = new float[240];
for (int month = 0; month < series.Length; month++)
{
    series[month] = 0.5f + 0.4f * MathF.Sin(2 * MathF.PI * month / 17);
}

WindowedDataset data = Windowing.GetXY(series, SmokeRnn.TimeSteps);
double before = model.Evaluate(data).Rmse;
new Trainer(model, new Adam(learningRate: 0.01f)).Fit(data, new FitOptions { Epochs = 50, BatchSize = 1, Seed = 1 });
double after = model.Evaluate(data).Rmse;

Span<float> prediction = stackalloc float[SmokeRnn.OutputLength];
model.Predict(data.Input(0), prediction);
Console.WriteLine($"RMSE before training {before:F4}, after {after:F4}; prediction for month 12: {prediction[0]:F4} (actual {series[12]:F4})");
return after < before ? 0 : 1;

/// <summary>The tutorial's shape: SimpleRNN(3, tanh) over 12 steps, then Dense(1, tanh).</summary>
[Rnn(TimeSteps = 12, HiddenUnits = 3, DenseActivation = Activation.Tanh)]
public partial class SmokeRnn { }
