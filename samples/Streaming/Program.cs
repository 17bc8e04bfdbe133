using System.CommandLine;
using Streaming;

var weights = new Option<FileInfo?>("--weights")
{
    HelpName = "FILE",
    Description = "Trained weights saved by samples/Sunspots --save-weights (its default 12-step, 3-unit shape). Default: random weights.",
};
var steps = new Option<int>("--steps")
{
    Description = "Sensor readings to stream and time.",
    DefaultValueFactory = _ => 100_000,
};
steps.Validators.Add(result =>
{
    if (result.GetValueOrDefault<int>() < 1)
    {
        result.AddError("--steps must be at least 1.");
    }
});
var seed = new Option<int>("--seed")
{
    Description = "Seed of the random weights and of the sensor's noise.",
    DefaultValueFactory = _ => 1,
};

var command = new RootCommand(
    "RnnGen in a latency-sensitive loop: a simulated sensor fed one time step at a time through Step, with per-step "
    + "latency (p50, p99, max) and the bytes allocated (expected: 0). Exits with 1 if the loop allocates.")
{
    weights,
    steps,
    seed,
};
command.SetAction(parsed => StreamingRun.Run(parsed.GetValue(weights), parsed.GetValue(steps), parsed.GetValue(seed)));
return command.Parse(args).Invoke();
