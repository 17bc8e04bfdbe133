using BenchmarkDotNet.Running;
using RnnGen.Benchmarks;
using RnnGen.Benchmarks.Verification;

// Never time implementations that disagree: the check runs first, and alone with --verify.
bool verifyOnly = args.Contains("--verify");
if (!EquivalenceCheck.Run(Console.Out))
{
    Console.Error.WriteLine("The implementations disagree; no benchmark was run.");
    return 1;
}

if (verifyOnly)
{
    return 0;
}

(var config, string[] arguments) = SuiteConfig.For(args);
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(arguments, config);
return 0;
