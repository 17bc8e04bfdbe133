using System.CommandLine;
using Sunspots.Cli;

return await SunspotsCommand.Create().Parse(args).InvokeAsync();
