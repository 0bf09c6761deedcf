using System.Diagnostics;
using Galen.Evidence;

namespace Galen.Cli;

/// <summary>A progress bar on standard error; silent when standard error is not a terminal.</summary>
public sealed class ConsoleProgress : IProgressSink
{
    private readonly bool enabled;
    private readonly Stopwatch clock = new();
    private string label = "";
    private long? total;
    private long done;
    private long lastDrawTicks;

    public ConsoleProgress(bool quiet = false) => enabled = !quiet && !Console.IsErrorRedirected;

    public void Start(string text, long? totalAmount)
    {
        label = text;
        total = totalAmount;
        done = 0;
        clock.Restart();
        Draw(force: true);
    }

    public void Advance(long amount)
    {
        done += amount;
        Draw(force: false);
    }

    public void Finish()
    {
        if (!enabled) return;
        Draw(force: true);
        Console.Error.WriteLine();
    }

    private void Draw(bool force)
    {
        if (!enabled) return;
        var now = clock.ElapsedTicks;
        if (!force && now - lastDrawTicks < Stopwatch.Frequency / 10) return;
        lastDrawTicks = now;
        const int width = 30;
        string bar;
        if (total is > 0)
        {
            var fraction = Math.Clamp((double)done / total.Value, 0, 1);
            var filled = (int)(fraction * width);
            bar = $"[{new string('#', filled)}{new string('.', width - filled)}] {fraction,4:P0}";
        }
        else
        {
            bar = $"{done:N0}";
        }
        Console.Error.Write($"\r{label,-22} {bar}  {clock.Elapsed:mm\\:ss}   ");
    }
}
