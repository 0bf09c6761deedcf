using Cloud.Unum.USearch;

namespace Galen.Evidence.Search;

/// <summary>
/// An approximate nearest-neighbour index (HNSW, USearch) over the vectors of one kind of source, 8-bit like the
/// vector file. Derived data: made from the vector file, saved beside it, and read back as a memory-mapped view, so
/// a large library's graph sits in the page cache instead of the process's heap. Entries are keyed by
/// <see cref="Key"/> (the source key and the content its vector was made from), which stays the same when the
/// vector file is rewritten; an entry whose source changed or left simply no longer matches a live vector.
/// </summary>
internal sealed class NeighbourGraph : IDisposable
{
    /// <summary>Links per node; USearch's default, and what the recall figures in PERFORMANCE.md were measured with.</summary>
    private const ulong Connectivity = 16;

    /// <summary>Candidates weighed when a vector is added.</summary>
    private const ulong ExpansionAdd = 128;

    /// <summary>Candidates weighed when searching.</summary>
    private const ulong ExpansionSearch = 128;

    private readonly USearchIndex index;

    private NeighbourGraph(string path, USearchIndex index)
    {
        Path = path;
        this.index = index;
    }

    public string Path { get; }

    public long Size => (long)index.Size();

    /// <summary>The file of a kind's graph in the vector directory.</summary>
    public static string FileFor(string directory, byte kind) => System.IO.Path.Combine(directory, $"graph-{kind}.usearch");

    /// <summary>The graph entry of a source's vector: a hash of its key and content, never the value USearch reserves.</summary>
    public static ulong Key(string sourceKey, ulong fingerprint)
    {
        var hash = 14695981039346656037UL;
        foreach (var c in sourceKey)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        hash ^= fingerprint + 0x9E3779B97F4A7C15UL + (hash << 6) + (hash >> 2);
        return hash & 0x7FFF_FFFF_FFFF_FFFFUL;
    }

    /// <summary>A new, empty graph to add to.</summary>
    public static NeighbourGraph Create(string path, int dimensions) =>
        new(path, new USearchIndex(MetricKind.Cos, ScalarKind.Int8, (ulong)dimensions, Connectivity, ExpansionAdd, ExpansionSearch));

    /// <summary>The saved graph for a model, loaded to add to; null when there is none, it is another model's or it cannot be read.</summary>
    public static NeighbourGraph? LoadForUpdate(string path, string modelId, int dimensions) => Open(path, modelId, dimensions, view: false);

    /// <summary>The saved graph for a model, memory-mapped for searching; null when there is none, it is another model's or it cannot be read.</summary>
    public static NeighbourGraph? View(string path, string modelId, int dimensions) => Open(path, modelId, dimensions, view: true);

    private static NeighbourGraph? Open(string path, string modelId, int dimensions, bool view)
    {
        if (!File.Exists(path) || !File.Exists(ModelFile(path)) || File.ReadAllText(ModelFile(path)) != Stamp(modelId, dimensions)) return null;
        try
        {
            var index = new USearchIndex(path, view);
            if ((int)index.Dimensions() != dimensions)
            {
                index.Dispose();
                return null;
            }
            return new NeighbourGraph(path, index);
        }
        catch (USearchException)
        {
            return null;
        }
    }

    public bool Contains(ulong key) => index.Contains(key);

    public void Add(ulong[] keys, float[][] vectors) => index.Add(keys, vectors);

    /// <summary>The entries nearest the query (unit length), nearest first.</summary>
    public ulong[] Search(float[] query, int count)
    {
        index.Search(query, count, out var keys, out _);
        return keys;
    }

    /// <summary>Writes the graph and the model it was made by; a reader never sees half a file.</summary>
    public void Save(string modelId, int dimensions)
    {
        var temp = Path + ".tmp";
        index.Save(temp);
        File.Move(temp, Path, overwrite: true);
        File.WriteAllText(ModelFile(Path), Stamp(modelId, dimensions));
    }

    /// <summary>Removes a graph's files.</summary>
    public static void Delete(string path)
    {
        File.Delete(path);
        File.Delete(ModelFile(path));
        File.Delete(path + ".tmp");
    }

    private static string ModelFile(string path) => path + ".model";

    private static string Stamp(string modelId, int dimensions) => $"{modelId}\n{dimensions}\n";

    public void Dispose() => index.Dispose();
}
