// Benchmarks and the scale harness; never part of `dotnet test`.
//   dotnet run -c Release --project bench/Galen.Benchmarks -- bdn [BenchmarkDotNet args]
//   dotnet run -c Release --project bench/Galen.Benchmarks -- generate --sources N --out DIR
//   dotnet run -c Release --project bench/Galen.Benchmarks -- scale import|search|stages|medquad --sources N [--work DIR]
//   dotnet run -c Release --project bench/Galen.Benchmarks -- load --url URL [--seconds 10] [--connections 16]
//   dotnet run -c Release --project bench/Galen.Benchmarks -- ask --url URL [--count 50]
using BenchmarkDotNet.Running;
using Galen.Benchmarks;

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(PubMedParserBenchmark).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "generate") return CorpusGenerator.Run(args[1..]);
if (args.Length > 0 && args[0] == "scale") return ScaleHarness.Run(args[1..]);
if (args.Length > 0 && args[0] == "load") return WebLoad.Run(args[1..]);
if (args.Length > 0 && args[0] == "ask") return WebLoad.Ask(args[1..]);
Console.Error.WriteLine("usage: Galen.Benchmarks bdn|generate|scale|load|ask ...");
return 2;
