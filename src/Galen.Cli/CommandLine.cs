namespace Galen.Cli;

/// <summary>Bad usage or bad input: exit code 2.</summary>
public sealed class UsageException(string message) : Exception(message);

public static class ExitCodes
{
    public const int Done = 0;
    public const int Failed = 1;
    public const int BadInput = 2;
}

/// <summary>
/// Parsed arguments: positional words and options. Options may repeat (--after) and take a value
/// unless declared as flags.
/// </summary>
public sealed class ParsedArgs
{
    private static readonly HashSet<string> Flags = new(StringComparer.Ordinal) { "--json", "--help", "-h", "--quiet", "--details", "--explore" };

    public List<string> Positional { get; } = [];
    public Dictionary<string, List<string>> Options { get; } = new(StringComparer.Ordinal);

    public static ParsedArgs Parse(IEnumerable<string> args)
    {
        var parsed = new ParsedArgs();
        using var e = args.GetEnumerator();
        var onlyPositional = false;
        while (e.MoveNext())
        {
            var arg = e.Current;
            if (!onlyPositional && arg == "--") { onlyPositional = true; continue; }
            if (!onlyPositional && arg.StartsWith("--", StringComparison.Ordinal) && arg.Length > 2 || arg == "-h")
            {
                var eq = arg.IndexOf('=');
                string name;
                string? value = null;
                if (eq > 0) { name = arg[..eq]; value = arg[(eq + 1)..]; }
                else name = arg;
                if (value is null && !Flags.Contains(name))
                {
                    if (!e.MoveNext()) throw new UsageException($"option {name} needs a value");
                    value = e.Current;
                }
                if (!parsed.Options.TryGetValue(name, out var list)) parsed.Options[name] = list = [];
                list.Add(value ?? "true");
                continue;
            }
            parsed.Positional.Add(arg);
        }
        return parsed;
    }

    public bool Has(string name) => Options.ContainsKey(name);

    public string? Get(string name) => Options.TryGetValue(name, out var v) ? v[^1] : null;

    public IReadOnlyList<string> All(string name) => Options.TryGetValue(name, out var v) ? v : [];

    public int GetInt(string name, int fallback, int min, int max)
    {
        var raw = Get(name);
        if (raw is null) return fallback;
        if (!int.TryParse(raw, out var n) || n < min || n > max) throw new UsageException($"{name} must be a whole number from {min} to {max}, got '{raw}'");
        return n;
    }

    /// <summary>Rejects options the command does not know, so a typo is an error rather than ignored.</summary>
    public void Allow(params string[] names)
    {
        var allowed = new HashSet<string>(names, StringComparer.Ordinal) { "--data", "--database", "--quiet" };
        foreach (var key in Options.Keys)
        {
            if (!allowed.Contains(key)) throw new UsageException($"unknown option {key}");
        }
    }
}
