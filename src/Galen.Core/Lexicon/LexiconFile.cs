using System.Collections.Concurrent;
using System.Text;
using System.Text.RegularExpressions;

namespace Galen.Core;

/// <summary>A malformed entry in a word-list file: the message names the file and the line.</summary>
public sealed class LexiconFormatException(string fileName, int line, string problem)
    : FormatException($"Lexicon/{fileName} line {line}: {problem}")
{
    public string FileName { get; } = fileName;

    public int Line { get; } = line;
}

/// <summary>
/// One word-list file of <c>src/Galen.Core/Lexicon/</c> (an embedded resource): named lists of cue words and
/// phrases that the grading and analysis stages compile into their patterns.
/// </summary>
/// <remarks>
/// The format: <c># comment</c> lines and blank lines are skipped; <c>[name]</c> starts a list (a line that is
/// one bracket, <c>[...]</c>, is always a header); every other line is one entry of the current list. An entry
/// is a word or phrase written as a regular-expression fragment: a single space stands for any run of white
/// space (<c>\s+</c>), <c>{name}</c> stands for another list of the same file, and the rest is .NET
/// regular-expression syntax (<c>benefits?</c>, <c>improv\w*</c>, <c>(?:a|an)</c>). A list is used as the
/// alternation of its entries in file order, the first entry tried first.
/// </remarks>
internal sealed partial class LexiconFile
{
    private static readonly ConcurrentDictionary<string, LexiconFile> Loaded = new(StringComparer.Ordinal);

    private readonly Dictionary<string, List<(string Text, int Line)>> lists;
    private readonly Dictionary<string, int> headerLines;
    private readonly Dictionary<string, string> expanded = new(StringComparer.Ordinal);
    private readonly HashSet<string> used = new(StringComparer.Ordinal);

    private LexiconFile(string fileName, Dictionary<string, List<(string, int)>> lists, Dictionary<string, int> headerLines)
    {
        FileName = fileName;
        this.lists = lists;
        this.headerLines = headerLines;
    }

    public string FileName { get; }

    /// <summary>The names of the lists in the file.</summary>
    public IReadOnlyCollection<string> ListNames => lists.Keys;

    /// <summary>The embedded file <c>Lexicon/<paramref name="fileName"/></c>, read and checked once per process.</summary>
    public static LexiconFile Load(string fileName) => Loaded.GetOrAdd(fileName, Read);

    /// <summary>The embedded file read afresh (tests that must not mark the loaded file's lists as used).</summary>
    internal static LexiconFile Read(string fileName) => Parse(fileName, ReadResource(fileName));

    /// <summary>Reads and checks a word-list file; a malformed line throws <see cref="LexiconFormatException"/>.</summary>
    internal static LexiconFile Parse(string fileName, IEnumerable<string> lines)
    {
        var lists = new Dictionary<string, List<(string, int)>>(StringComparer.Ordinal);
        var headers = new Dictionary<string, int>(StringComparer.Ordinal);
        List<(string Text, int Line)>? current = null;
        var number = 0;
        foreach (var line in lines)
        {
            number++;
            if (line.Length == 0 || line[0] == '#' || string.IsNullOrWhiteSpace(line))
            {
                continue;
            }
            if (line[0] == '[' && line[^1] == ']' && line.IndexOf(']') == line.Length - 1)
            {
                var name = ListHeader().Match(line);
                if (!name.Success)
                {
                    throw new LexiconFormatException(fileName, number, $"a list header is [name] with lower-case letters, digits and hyphens, not '{line}'");
                }
                var key = name.Groups[1].Value;
                if (headers.TryGetValue(key, out var earlier))
                {
                    throw new LexiconFormatException(fileName, number, $"the list [{key}] was already started on line {earlier}");
                }
                headers[key] = number;
                current = [];
                lists[key] = current;
                continue;
            }
            if (current is null)
            {
                throw new LexiconFormatException(fileName, number, $"'{line}' comes before any [list] header");
            }
            CheckShape(fileName, number, line);
            foreach (var (text, at) in current)
            {
                if (text == line)
                {
                    throw new LexiconFormatException(fileName, number, $"'{line}' repeats line {at} of the same list");
                }
            }
            current.Add((line, number));
        }
        foreach (var (key, entries) in lists)
        {
            if (entries.Count == 0)
            {
                throw new LexiconFormatException(fileName, headers[key], $"the list [{key}] has no entries");
            }
        }
        var file = new LexiconFile(fileName, lists, headers);
        foreach (var key in lists.Keys)
        {
            file.CheckList(key);
        }
        return file;
    }

    /// <summary>The entries of a list as written, in file order (for lists of plain words).</summary>
    public IReadOnlyList<string> Words(string list)
    {
        MarkUsed(list);
        return Entries(list).Select(e => e.Text).ToList();
    }

    /// <summary>
    /// A pattern with each <c>{name}</c> replaced by the named list as a non-capturing alternation
    /// (<c>(?:first|second|...)</c>).
    /// </summary>
    public string Pattern(string template) =>
        Placeholder().Replace(template, m =>
        {
            var name = m.Groups[1].Value;
            if (!lists.ContainsKey(name))
            {
                throw new InvalidOperationException($"Lexicon/{FileName} has no list [{name}] (asked for by the pattern {template})");
            }
            MarkUsed(name);
            return Expand(name, []);
        });

    /// <summary>The compiled regular expression of <see cref="Pattern"/>.</summary>
    public Regex Regex(string template, RegexOptions options) => new(Pattern(template), options | RegexOptions.Compiled);

    /// <summary>One entry as the pattern it stands for (spaces as white space, references expanded).</summary>
    internal string EntryPattern(string entry) => ExpandEntry(entry, 0, []);

    /// <summary>Lists that no pattern or word set has asked for (a test keeps this empty).</summary>
    internal IReadOnlyList<string> Unused() => lists.Keys.Where(k => !used.Contains(k)).ToList();

    /// <summary>A list asked for, and the lists its entries refer to.</summary>
    private void MarkUsed(string list)
    {
        if (!used.Add(list) || !lists.TryGetValue(list, out var entries))
        {
            return;
        }
        foreach (var (text, _) in entries)
        {
            foreach (Match m in Placeholder().Matches(text))
            {
                MarkUsed(m.Groups[1].Value);
            }
        }
    }

    private List<(string Text, int Line)> Entries(string list) =>
        lists.TryGetValue(list, out var entries)
            ? entries
            : throw new InvalidOperationException($"Lexicon/{FileName} has no list [{list}]");

    private string Expand(string list, HashSet<string> within)
    {
        if (expanded.TryGetValue(list, out var done))
        {
            return done;
        }
        if (!within.Add(list))
        {
            throw new LexiconFormatException(FileName, headerLines[list], $"the list [{list}] refers back to itself through {{name}} references");
        }
        var sb = new StringBuilder("(?:");
        var first = true;
        foreach (var (text, line) in lists[list])
        {
            if (!first)
            {
                sb.Append('|');
            }
            first = false;
            sb.Append(ExpandEntry(text, line, within));
        }
        sb.Append(')');
        within.Remove(list);
        var result = sb.ToString();
        expanded[list] = result;
        return result;
    }

    private string ExpandEntry(string text, int line, HashSet<string> within) =>
        Placeholder().Replace(text.Replace(" ", @"\s+", StringComparison.Ordinal), m =>
        {
            var name = m.Groups[1].Value;
            if (!lists.ContainsKey(name))
            {
                throw new LexiconFormatException(FileName, line, $"{{{name}}} names no list of this file");
            }
            return Expand(name, within);
        });

    /// <summary>Checks that a list compiles; when it does not, finds the entry that breaks it.</summary>
    private void CheckList(string list)
    {
        var pattern = Expand(list, []);
        try
        {
            _ = new Regex(pattern, RegexOptions.CultureInvariant);
            return;
        }
        catch (ArgumentException)
        {
            // Find the entry to blame below.
        }
        foreach (var (text, line) in lists[list])
        {
            try
            {
                _ = new Regex("(?:" + ExpandEntry(text, line, []) + ")", RegexOptions.CultureInvariant);
            }
            catch (ArgumentException e)
            {
                throw new LexiconFormatException(FileName, line, $"'{text}' is not a valid pattern ({e.Message})");
            }
        }
        throw new LexiconFormatException(FileName, headerLines[list], $"the list [{list}] does not compile");
    }

    /// <summary>One entry a line: no stray white space, brackets that close, no '|' outside brackets.</summary>
    private static void CheckShape(string fileName, int number, string line)
    {
        if (line[0] == ' ' || line[^1] == ' ' || line.Contains("  ", StringComparison.Ordinal) || line.Contains('\t', StringComparison.Ordinal))
        {
            throw new LexiconFormatException(fileName, number, $"'{line}' has white space other than single spaces between words");
        }
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                inClass = c != ']';
                continue;
            }
            switch (c)
            {
                case '[':
                    inClass = true;
                    break;
                case '(':
                    depth++;
                    break;
                case ')':
                    if (--depth < 0)
                    {
                        throw new LexiconFormatException(fileName, number, $"'{line}' closes a bracket it did not open");
                    }
                    break;
                case '|' when depth == 0:
                    throw new LexiconFormatException(fileName, number, $"'{line}' holds '|' outside brackets: write one entry a line");
            }
        }
        if (depth != 0 || inClass)
        {
            throw new LexiconFormatException(fileName, number, $"'{line}' opens a bracket it does not close");
        }
    }

    private static List<string> ReadResource(string fileName)
    {
        var assembly = typeof(LexiconFile).Assembly;
        var resource = "Galen.Core.Lexicon." + fileName;
        using var stream = assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"Missing embedded word-list file Lexicon/{fileName}");
        using var reader = new StreamReader(stream);
        var lines = new List<string>();
        while (reader.ReadLine() is { } line)
        {
            lines.Add(line);
        }
        return lines;
    }

    [GeneratedRegex(@"^\[([a-z][a-z0-9-]*)\]$")]
    private static partial Regex ListHeader();

    [GeneratedRegex(@"\{([a-z][a-z0-9-]*)\}")]
    private static partial Regex Placeholder();
}
