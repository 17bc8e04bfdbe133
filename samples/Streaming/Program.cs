using System.CommandLine;
using Streaming;

var weights = new Option<FileInfo?>("--weights")
{
    HelpName = "FILE",
    Description = "Trained weights saved by samples/Sunspots --layer lstm --save-weights (LSTM(3) + Dense(1, tanh) over 12 steps). Default: random weights.",
};
var steps = new Option<int>("--steps")
{
    Description = $"Sensor readings to stream and time, at most {StreamingRun.MaxSteps} (each step's time is kept: 8 bytes a step).",
    DefaultValueFactory = _ => 100_000,
};
steps.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() is < 1 or > StreamingRun.MaxSteps)
    {
        result.AddError($"--steps must be between 1 and {StreamingRun.MaxSteps}: each step's time is kept (8 bytes a step) for the percentiles.");
    }
});
var seed = new Option<int>("--seed")
{
    Description = "Seed of the random weights and of the sensor's noise.",
    DefaultValueFactory = _ => 1,
};

var command = new RootCommand(
    "RnnGen in a latency-sensitive loop: a simulated sensor fed one time step at a time through an LSTM's Step, with per-step "
    + "latency (p50, p99, max) and the bytes allocated (expected: 0). Exits with 1 if the loop allocates.")
{
    weights,
    steps,
    seed,
};
command.SetAction(parsed => StreamingRun.Run(parsed.GetValue(weights), parsed.GetValue(steps), parsed.GetValue(seed)));
return command.Parse(args).Invoke();
