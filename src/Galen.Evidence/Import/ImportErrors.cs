namespace Galen.Evidence.Import;

/// <summary>Bad input: names the file and, where known, the line. Maps to exit code 2.</summary>
public sealed class ImportFormatException(string file, int? line, string message, Exception? inner = null)
    : Exception(line is int l ? $"{file}:{l}: {message}" : $"{file}: {message}", inner)
{
    public string File { get; } = file;
    public int? Line { get; } = line;
    public string Reason { get; } = message;
}

/// <summary>What one import command did, for the summary line and for tests.</summary>
public sealed class ImportReport
{
    public int Files { get; set; }
    public int Added { get; set; }
    public int Updated { get; set; }
    public int Unchanged { get; set; }
    public int Deleted { get; set; }
    public int Skipped { get; set; }
    public Dictionary<string, int> SkippedReasons { get; } = new(StringComparer.Ordinal);
    public List<ImportFormatException> Errors { get; } = [];

    public void Skip(string reason, int count = 1)
    {
        Skipped += count;
        SkippedReasons[reason] = SkippedReasons.GetValueOrDefault(reason) + count;
    }

    public int Imported => Added + Updated;

    public override string ToString()
    {
        var skipped = SkippedReasons.Count == 0 ? "" :
            " (" + string.Join(", ", SkippedReasons.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Value} {kv.Key}")) + ")";
        return $"{Files} files: {Added} added, {Updated} updated, {Unchanged} unchanged, {Deleted} deleted, {Skipped} skipped{skipped}, {Errors.Count} files rejected";
    }
}

/// <summary>A unit of import: the sources of one file (or one group of small files) and the keys it deletes.</summary>
public sealed record ImportUnit(string Origin, IReadOnlyList<Galen.Core.Sources.SourceRecord> Records, IReadOnlyList<string> Deletions);
