using Galen.Cli;
using Galen.Cli.Commands;

Console.OutputEncoding = System.Text.Encoding.UTF8;
return await GalenCommand.RunAsync(args, Console.Out, Console.Error);
