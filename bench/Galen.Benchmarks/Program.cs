// Benchmarks and the scale harness; never part of `dotnet test`.
//   dotnet run -c Release --project bench/Galen.Benchmarks -- bdn [BenchmarkDotNet args]
//   dotnet run -c Release --project bench/Galen.Benchmarks -- generate --sources N --out DIR
//   dotnet run -c Release --project bench/Galen.Benchmarks -- scale --sources N [--work DIR] [--queries 500]
using BenchmarkDotNet.Running;
using Galen.Benchmarks;

if (args.Length > 0 && args[0] == "bdn")
{
    BenchmarkSwitcher.FromAssembly(typeof(PubMedParserBenchmark).Assembly).Run(args[1..]);
    return 0;
}
if (args.Length > 0 && args[0] == "generate") return CorpusGenerator.Run(args[1..]);
if (args.Length > 0 && args[0] == "scale") return ScaleHarness.Run(args[1..]);
Console.Error.WriteLine("usage: Galen.Benchmarks bdn|generate|scale ...");
return 2;
