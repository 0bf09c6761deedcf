using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Galen.Core.Sources;

namespace Galen.Evidence.Search;

/// <summary>
/// The library's sentence embeddings, one per source, kept as 8-bit integers (a quarter of the memory of floats; the
/// ranking barely moves). Like the search index it is derived data: an append-only file under the data directory,
/// so an embedding run that stops part way keeps what it did and resumes from there; a file made by another model is
/// discarded. Each vector remembers the content of the source it was made from, so a source that changes is
/// embedded again. The file is read through a memory map: the process keeps only each vector's key, kind, year and
/// place in the file, and the vectors themselves stay in the page cache.
/// A small library is searched by an exact scan. A kind of source with at least <see cref="ApproximateFrom"/>
/// vectors also gets a neighbour graph (<see cref="NeighbourGraph"/>, built by <see cref="UpdateGraphs"/>), which
/// proposes the nearest without reading every vector; vectors added since the graph was built are scanned exactly.
/// </summary>
public sealed unsafe class VectorStore : IDisposable
{
    private const int Magic = 0x43455647; // "GVEC"
    private const int FormatVersion = 1;
    private const byte PutRecord = 1;
    private const byte RemoveRecord = 2;
    private const byte CompleteRecord = 3;
    private const int KindCount = 4;

    private readonly string directory;
    private readonly string file;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private readonly Dictionary<ulong, int> slotByGraphKey = [];
    private readonly NeighbourGraph?[] graphs = new NeighbourGraph?[KindCount];
    private string[] keys = [];
    private ulong[] fingerprints = [];
    private byte[] kinds = [];
    private short[] years = [];
    private float[] scales = [];
    private long[] offsets = [];
    private bool[] dead = [];
    private bool[] inGraph = [];
    private int used;
    private int deadCount;
    private MemoryMappedFile? map;
    private MemoryMappedViewAccessor? view;
    private byte* mapped;

    public VectorStore(string directory)
    {
        Directory.CreateDirectory(directory);
        this.directory = directory;
        file = Path.Combine(directory, "vectors.bin");
    }

    /// <summary>The model the vectors were made by, or null before <see cref="Open"/>.</summary>
    public string? ModelId { get; private set; }

    public int Dimensions { get; private set; }

    /// <summary>The library version whose every source had a vector when the last embedding run finished; -1 if none did.</summary>
    public long CompletedVersion { get; private set; } = -1;

    /// <summary>
    /// From this many vectors of one kind on, that kind is searched through a neighbour graph (measured: PERFORMANCE.md;
    /// below it the exact scan is fast enough and exact).
    /// </summary>
    public int ApproximateFrom { get; init; } = DefaultApproximateFrom;

    /// <summary>The shipped <see cref="ApproximateFrom"/>.</summary>
    public const int DefaultApproximateFrom = 200_000;

    /// <summary>How many sources have a vector.</summary>
    public int Count
    {
        get
        {
            gate.EnterReadLock();
            try { return used - deadCount; }
            finally { gate.ExitReadLock(); }
        }
    }

    /// <summary>How many sources with a vector are found through a neighbour graph rather than by the exact scan.</summary>
    public int CountInGraphs
    {
        get
        {
            gate.EnterReadLock();
            try
            {
                var count = 0;
                for (var slot = 0; slot < used; slot++)
                {
                    if (inGraph[slot] && !dead[slot]) count++;
                }
                return count;
            }
            finally { gate.ExitReadLock(); }
        }
    }

    /// <summary>Loads the vectors made by this model; a file made by another model (or damaged beyond its last whole record) starts over.</summary>
    public void Open(string modelId, int dimensions)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        gate.EnterWriteLock();
        try
        {
            CloseGraphs();
            Unmap();
            ResetMemory();
            ModelId = modelId;
            Dimensions = dimensions;
            if (!File.Exists(file) || !Load(modelId, dimensions))
            {
                DeleteGraphs();
                WriteFile([]);
            }
            else if (deadCount > 1000 && deadCount > used / 2)
            {
                // Replaced and removed vectors take space until the file is written afresh.
                Remap();
                WriteFile(LiveSlots());
            }
            Remap();
            AttachGraphs();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Whether the source has a vector made from its current content.</summary>
    public bool IsCurrent(string key, ulong fingerprint)
    {
        gate.EnterReadLock();
        try { return slots.TryGetValue(key, out var slot) && fingerprints[slot] == fingerprint; }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>The keys that have a vector.</summary>
    public IReadOnlyList<string> Keys()
    {
        gate.EnterReadLock();
        try { return [.. slots.Keys]; }
        finally { gate.ExitReadLock(); }
    }

    /// <summary>Adds or replaces vectors, written to the file before this returns.</summary>
    public void Put(IReadOnlyList<EmbeddedSource> items)
    {
        ArgumentNullException.ThrowIfNull(items);
        if (items.Count == 0) return;
        RequireOpen();
        gate.EnterWriteLock();
        try
        {
            using (var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite))
            using (var writer = new BinaryWriter(stream, Encoding.UTF8))
            {
                var buffer = new sbyte[Dimensions];
                foreach (var item in items)
                {
                    if (item.Vector.Length != Dimensions) throw new ArgumentException($"vector of {item.Key} has {item.Vector.Length} dimensions, expected {Dimensions}", nameof(items));
                    var scale = Quantize(item.Vector, buffer);
                    writer.Write(PutRecord);
                    writer.Write(item.Key);
                    writer.Write(item.Fingerprint);
                    writer.Write((byte)item.Kind);
                    writer.Write((short)(item.Year ?? 0));
                    writer.Write(scale);
                    writer.Flush();
                    var offset = stream.Position;
                    writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
                    Store(item.Key, item.Fingerprint, (byte)item.Kind, (short)(item.Year ?? 0), scale, offset);
                }
                writer.Flush();
                stream.Flush(flushToDisk: false);
            }
            Remap();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Drops the vectors of sources no longer in the library.</summary>
    public void Remove(IEnumerable<string> removed)
    {
        ArgumentNullException.ThrowIfNull(removed);
        RequireOpen();
        gate.EnterWriteLock();
        try
        {
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            foreach (var key in removed)
            {
                if (!slots.TryGetValue(key, out var slot)) continue;
                Kill(slot);
                writer.Write(RemoveRecord);
                writer.Write(key);
            }
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Records that every source of this library version has its vector.</summary>
    public void MarkComplete(long libraryVersion)
    {
        RequireOpen();
        gate.EnterWriteLock();
        try
        {
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            writer.Write(CompleteRecord);
            writer.Write(libraryVersion);
            CompletedVersion = libraryVersion;
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>Forgets every vector and every graph (a rebuild starts here).</summary>
    public void Clear()
    {
        RequireOpen();
        gate.EnterWriteLock();
        try
        {
            CloseGraphs();
            DeleteGraphs();
            Unmap();
            ResetMemory();
            WriteFile([]);
            Remap();
        }
        finally
        {
            gate.ExitWriteLock();
        }
    }

    /// <summary>
    /// Brings the neighbour graphs up to date with the vectors: every kind with at least <see cref="ApproximateFrom"/>
    /// vectors gets the vectors its graph lacks (a graph mostly made of replaced vectors is made afresh); a kind below
    /// it loses its graph. The graph is saved as it grows, so a run that stops keeps most of its work. Returns how
    /// many vectors were added to graphs.
    /// </summary>
    public int UpdateGraphs(IProgressSink? progress = null, CancellationToken cancellation = default)
    {
        RequireOpen();
        progress ??= NoProgress.Instance;
        var added = 0;
        // The graphs are rewritten in place, which a mapped view would prevent on some systems: while they are
        // rebuilt, searches scan exactly.
        gate.EnterWriteLock();
        try { CloseGraphs(); }
        finally { gate.ExitWriteLock(); }
        var deletes = new List<string>();
        try
        {
            gate.EnterReadLock();
            try
            {
                for (byte kind = 0; kind < KindCount; kind++)
                {
                    var live = new List<int>();
                    for (var slot = 0; slot < used; slot++)
                    {
                        if (!dead[slot] && kinds[slot] == kind) live.Add(slot);
                    }
                    var path = NeighbourGraph.FileFor(directory, kind);
                    if (live.Count < ApproximateFrom)
                    {
                        if (File.Exists(path)) deletes.Add(path);
                        continue;
                    }
                    added += BuildGraph(kind, path, live, progress, cancellation);
                }
            }
            finally
            {
                gate.ExitReadLock();
            }
        }
        finally
        {
            // Whatever was saved, a stopped run's part included, is searched from here on.
            gate.EnterWriteLock();
            try
            {
                foreach (var path in deletes) NeighbourGraph.Delete(path);
                AttachGraphs();
            }
            finally
            {
                gate.ExitWriteLock();
            }
        }
        return added;
    }

    /// <summary>How many vectors are added to a graph between two saves of it.</summary>
    private const int GraphSaveEvery = 100_000;

    /// <summary>At most how many vectors are added to a graph at a time (the graph makes room once per batch).</summary>
    private const int GraphBatch = 10_000;

    private int BuildGraph(byte kind, string path, List<int> live, IProgressSink progress, CancellationToken cancellation)
    {
        var graph = NeighbourGraph.LoadForUpdate(path, ModelId!, Dimensions);
        var missing = graph is null ? live : [.. live.Where(s => !graph.Contains(GraphKey(s)))];
        var stale = graph is null ? 0 : graph.Size - (live.Count - missing.Count);
        if (graph is not null && stale > graph.Size / 4)
        {
            // Mostly vectors of sources that changed or left: cheaper to search afresh than to carry.
            graph.Dispose();
            graph = null;
            missing = live;
        }
        if (missing.Count == 0)
        {
            graph?.Dispose();
            return 0;
        }
        graph ??= NeighbourGraph.Create(path, Dimensions);
        try
        {
            progress.Start($"Building the neighbour graph of {((SourceKind)kind).ToSlug()}", missing.Count);
            // Added a batch at a time: the graph makes room once per batch instead of once per vector.
            var sinceSave = 0;
            foreach (var batch in missing.Chunk(Math.Clamp(missing.Count / 100, 100, GraphBatch)))
            {
                cancellation.ThrowIfCancellationRequested();
                var vectors = new float[batch.Length][];
                for (var b = 0; b < batch.Length; b++)
                {
                    var stored = Vector(batch[b]);
                    var scale = scales[batch[b]];
                    var vector = vectors[b] = new float[Dimensions];
                    for (var i = 0; i < vector.Length; i++) vector[i] = stored[i] * scale;
                }
                graph.Add([.. batch.Select(GraphKey)], vectors);
                progress.Advance(batch.Length);
                sinceSave += batch.Length;
                if (sinceSave >= GraphSaveEvery)
                {
                    graph.Save(ModelId!, Dimensions);
                    sinceSave = 0;
                }
            }
            graph.Save(ModelId!, Dimensions);
            progress.Finish();
            return missing.Count;
        }
        catch (OperationCanceledException)
        {
            graph.Save(ModelId!, Dimensions);
            throw;
        }
        finally
        {
            graph.Dispose();
        }
    }

    /// <summary>The sources closest to the query vector (unit length), closest first, optionally of one kind and range of years.</summary>
    public IReadOnlyList<(string Key, double Similarity)> Nearest(float[] query, int top, SourceKind? kind = null, int? fromYear = null, int? toYear = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        if (top <= 0) return [];
        gate.EnterReadLock();
        try
        {
            if (used == 0 || query.Length != Dimensions) return [];
            var (q, qScale) = QuantizeQuery(query);
            var wantKind = kind is { } k ? (byte)k : (byte)255;
            var yearRange = fromYear is not null || toYear is not null;
            var best = new PriorityQueue<int, float>(top + 1);
            var scanAll = false;
            for (byte g = 0; g < KindCount; g++)
            {
                if (graphs[g] is not { } graph || (wantKind != 255 && wantKind != g)) continue;
                // A few more than asked for: entries of replaced vectors and other years are passed over.
                var found = 0;
                foreach (var graphKey in graph.Search(query, yearRange ? top * 8 : top + 8 + top / 2))
                {
                    if (!slotByGraphKey.TryGetValue(graphKey, out var slot) || dead[slot] || !inGraph[slot]) continue;
                    if (yearRange && !InYears(years[slot], fromYear, toYear)) continue;
                    Offer(best, top, slot, Dot(Vector(slot), q) * scales[slot]);
                    found++;
                }
                // Too narrow a range of years for the graph's neighbourhood: read every vector instead.
                if (found < top) scanAll = true;
            }
            var parts = used >= ParallelScanFrom ? Math.Max(1, Environment.ProcessorCount) : 1;
            var bests = new PriorityQueue<int, float>[parts];
            // The vectors no graph holds are read one by one; a large library is scanned in parts, one per core.
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            {
                var from = (int)((long)used * part / parts);
                var to = (int)((long)used * (part + 1) / parts);
                bests[part] = Scan(q, top, wantKind, fromYear, toYear, from, to, skipGraphed: !scanAll);
            });
            foreach (var partBest in bests)
            {
                while (partBest.TryDequeue(out var slot, out var score))
                {
                    if (scanAll && inGraph[slot] && best.UnorderedItems.Any(i => i.Element == slot)) continue;
                    Offer(best, top, slot, score);
                }
            }
            var result = new List<(string, double)>(best.Count);
            while (best.TryDequeue(out var slot, out _))
            {
                result.Add((keys[slot], Similarity(slot, q, qScale)));
            }
            result.Reverse();
            return result;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    private static void Offer(PriorityQueue<int, float> best, int top, int slot, float score)
    {
        if (best.Count < top) best.Enqueue(slot, score);
        else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(slot, score);
    }

    /// <summary>From this many vectors on, a scan is split across the cores (measured: PERFORMANCE.md).</summary>
    internal const int ParallelScanFrom = 100_000;

    private PriorityQueue<int, float> Scan(short[] q, int top, byte wantKind, int? fromYear, int? toYear, int from, int to, bool skipGraphed)
    {
        var best = new PriorityQueue<int, float>(top + 1);
        for (var slot = from; slot < to; slot++)
        {
            if (dead[slot] || (skipGraphed && inGraph[slot]) || (wantKind != 255 && kinds[slot] != wantKind)) continue;
            if ((fromYear is not null || toYear is not null) && !InYears(years[slot], fromYear, toYear)) continue;
            // Integer dot products compare within one scale only; each vector has its own, so compare scaled.
            Offer(best, top, slot, Dot(Vector(slot), q) * scales[slot]);
        }
        return best;
    }

    /// <summary>The cosine similarity of the query vector to each given source that has a vector.</summary>
    public IReadOnlyDictionary<string, double> Similarity(float[] query, IEnumerable<string> sourceKeys)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentNullException.ThrowIfNull(sourceKeys);
        var result = new Dictionary<string, double>(StringComparer.Ordinal);
        gate.EnterReadLock();
        try
        {
            if (used == 0 || query.Length != Dimensions) return result;
            var (q, qScale) = QuantizeQuery(query);
            foreach (var key in sourceKeys)
            {
                if (slots.TryGetValue(key, out var slot)) result[key] = Similarity(slot, q, qScale);
            }
            return result;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>A source's vector as stored (8-bit, scaled back), or null when it has none.</summary>
    internal float[]? Dequantized(string key)
    {
        gate.EnterReadLock();
        try
        {
            if (!slots.TryGetValue(key, out var slot)) return null;
            var stored = Vector(slot);
            var vector = new float[Dimensions];
            for (var i = 0; i < vector.Length; i++) vector[i] = stored[i] * scales[slot];
            return vector;
        }
        finally
        {
            gate.ExitReadLock();
        }
    }

    /// <summary>A fingerprint of a source's stored content hash, 8 bytes a source instead of a string.</summary>
    public static ulong Fingerprint(string contentHash)
    {
        ArgumentNullException.ThrowIfNull(contentHash);
        var hash = 14695981039346656037UL;
        foreach (var c in contentHash)
        {
            hash ^= c;
            hash *= 1099511628211UL;
        }
        return hash;
    }

    private static bool InYears(short year, int? from, int? to) =>
        year != 0 && (from is null || year >= from) && (to is null || year <= to);

    private double Similarity(int slot, short[] q, float qScale) =>
        Math.Round(Dot(Vector(slot), q) * (double)scales[slot] * qScale, 4);

    private ReadOnlySpan<sbyte> Vector(int slot) => new(mapped + offsets[slot], Dimensions);

    private ulong GraphKey(int slot) => NeighbourGraph.Key(keys[slot], fingerprints[slot]);

    private static float Quantize(float[] vector, sbyte[] into)
    {
        var max = 0f;
        foreach (var v in vector) max = Math.Max(max, Math.Abs(v));
        var scale = max > 0 ? max / 127f : 1f;
        for (var i = 0; i < vector.Length; i++) into[i] = (sbyte)Math.Clamp(MathF.Round(vector[i] / scale), -127, 127);
        return scale;
    }

    private static (short[] Values, float Scale) QuantizeQuery(float[] query)
    {
        var bytes = new sbyte[query.Length];
        var scale = Quantize(query, bytes);
        var values = new short[query.Length];
        for (var i = 0; i < bytes.Length; i++) values[i] = bytes[i];
        return (values, scale);
    }

    /// <summary>An 8-bit by 16-bit dot product; with AVX2, sixteen products a step.</summary>
    internal static int Dot(ReadOnlySpan<sbyte> a, ReadOnlySpan<short> q)
    {
        var i = 0;
        var sum = 0;
        if (Avx2.IsSupported && a.Length >= 16)
        {
            var acc = Vector256<int>.Zero;
            ref var a0 = ref MemoryMarshal.GetReference(a);
            ref var q0 = ref MemoryMarshal.GetReference(q);
            for (; i + 16 <= a.Length; i += 16)
            {
                var wide = Avx2.ConvertToVector256Int16(Vector128.LoadUnsafe(ref Unsafe.Add(ref a0, i)));
                acc = Avx2.Add(acc, Avx2.MultiplyAddAdjacent(wide, Vector256.LoadUnsafe(ref Unsafe.Add(ref q0, i))));
            }
            sum = Vector256.Sum(acc);
        }
        for (; i < a.Length; i++) sum += a[i] * q[i];
        return sum;
    }

    private void Store(string key, ulong fingerprint, byte kind, short year, float scale, long offset)
    {
        if (slots.TryGetValue(key, out var old)) Kill(old);
        if (used == keys.Length) Grow();
        var slot = used++;
        keys[slot] = key;
        fingerprints[slot] = fingerprint;
        kinds[slot] = kind;
        years[slot] = year;
        scales[slot] = scale;
        offsets[slot] = offset;
        dead[slot] = false;
        inGraph[slot] = false;
        slots[key] = slot;
        slotByGraphKey[NeighbourGraph.Key(key, fingerprint)] = slot;
    }

    private void Kill(int slot)
    {
        slots.Remove(keys[slot]);
        slotByGraphKey.Remove(NeighbourGraph.Key(keys[slot], fingerprints[slot]));
        dead[slot] = true;
        deadCount++;
    }

    private void Grow()
    {
        var size = Math.Max(1024, keys.Length * 2);
        Array.Resize(ref keys, size);
        Array.Resize(ref fingerprints, size);
        Array.Resize(ref kinds, size);
        Array.Resize(ref years, size);
        Array.Resize(ref scales, size);
        Array.Resize(ref offsets, size);
        Array.Resize(ref dead, size);
        Array.Resize(ref inGraph, size);
    }

    private void ResetMemory()
    {
        slots.Clear();
        slotByGraphKey.Clear();
        keys = [];
        fingerprints = [];
        kinds = [];
        years = [];
        scales = [];
        offsets = [];
        dead = [];
        inGraph = [];
        used = 0;
        deadCount = 0;
        CompletedVersion = -1;
    }

    private List<int> LiveSlots() => [.. Enumerable.Range(0, used).Where(s => !dead[s])];

    /// <summary>Opens the saved graphs of this model and marks the vectors each holds.</summary>
    private void AttachGraphs()
    {
        for (byte kind = 0; kind < KindCount; kind++)
        {
            var live = 0;
            for (var slot = 0; slot < used; slot++)
            {
                if (!dead[slot] && kinds[slot] == kind) live++;
            }
            // A kind below the threshold is scanned exactly, whatever graph an earlier, larger library left.
            if (live < ApproximateFrom) continue;
            var graph = NeighbourGraph.View(NeighbourGraph.FileFor(directory, kind), ModelId!, Dimensions);
            if (graph is null) continue;
            graphs[kind] = graph;
            for (var slot = 0; slot < used; slot++)
            {
                if (!dead[slot] && kinds[slot] == kind) inGraph[slot] = graph.Contains(GraphKey(slot));
            }
        }
    }

    private void CloseGraphs()
    {
        for (var kind = 0; kind < KindCount; kind++)
        {
            graphs[kind]?.Dispose();
            graphs[kind] = null;
        }
        Array.Clear(inGraph);
    }

    private void DeleteGraphs()
    {
        for (byte kind = 0; kind < KindCount; kind++) NeighbourGraph.Delete(NeighbourGraph.FileFor(directory, kind));
    }

    /// <summary>Maps the vector file for reading, after it was written to.</summary>
    private void Remap()
    {
        Unmap();
        var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        if (stream.Length == 0)
        {
            stream.Dispose();
            return;
        }
        map = MemoryMappedFile.CreateFromFile(stream, null, 0, MemoryMappedFileAccess.Read, HandleInheritability.None, leaveOpen: false);
        view = map.CreateViewAccessor(0, 0, MemoryMappedFileAccess.Read);
        byte* pointer = null;
        view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
        mapped = pointer + view.PointerOffset;
    }

    private void Unmap()
    {
        if (view is not null)
        {
            view.SafeMemoryMappedViewHandle.ReleasePointer();
            view.Dispose();
            view = null;
        }
        map?.Dispose();
        map = null;
        mapped = null;
    }

    /// <summary>Reads the file. False when it was made by another model or is not a vector file.</summary>
    private bool Load(string modelId, int dimensions)
    {
        long good;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.ReadWrite, 1 << 16))
        using (var reader = new BinaryReader(stream, Encoding.UTF8))
        {
            try
            {
                if (reader.ReadInt32() != Magic || reader.ReadInt32() != FormatVersion) return false;
                if (reader.ReadString() != modelId || reader.ReadInt32() != dimensions) return false;
            }
            catch (EndOfStreamException)
            {
                return false;
            }
            good = stream.Position;
            var length = stream.Length;
            try
            {
                while (stream.Position < length)
                {
                    switch (reader.ReadByte())
                    {
                        case PutRecord:
                            var key = reader.ReadString();
                            var fingerprint = reader.ReadUInt64();
                            var kind = reader.ReadByte();
                            var year = reader.ReadInt16();
                            var scale = reader.ReadSingle();
                            var offset = stream.Position;
                            if (offset + dimensions > length) throw new EndOfStreamException();
                            // The vector itself is read through the memory map when it is needed.
                            stream.Seek(dimensions, SeekOrigin.Current);
                            Store(key, fingerprint, kind, year, scale, offset);
                            break;
                        case RemoveRecord:
                            if (slots.TryGetValue(reader.ReadString(), out var slot)) Kill(slot);
                            break;
                        case CompleteRecord:
                            CompletedVersion = reader.ReadInt64();
                            break;
                        default:
                            throw new EndOfStreamException();
                    }
                    good = stream.Position;
                }
                return true;
            }
            catch (EndOfStreamException)
            {
                // A run stopped mid-record: what came before it stands.
            }
        }
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write, FileShare.ReadWrite))
        {
            stream.SetLength(good);
        }
        return true;
    }

    /// <summary>Writes the file afresh with the given slots (read through the current map), which then become the only ones.</summary>
    private void WriteFile(List<int> live)
    {
        var temp = file + ".tmp";
        var newOffsets = new long[live.Count];
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(ModelId!);
            writer.Write(Dimensions);
            for (var i = 0; i < live.Count; i++)
            {
                var slot = live[i];
                writer.Write(PutRecord);
                writer.Write(keys[slot]);
                writer.Write(fingerprints[slot]);
                writer.Write(kinds[slot]);
                writer.Write(years[slot]);
                writer.Write(scales[slot]);
                writer.Flush();
                newOffsets[i] = stream.Position;
                writer.Write(MemoryMarshal.AsBytes(Vector(slot)));
            }
            if (CompletedVersion >= 0)
            {
                writer.Write(CompleteRecord);
                writer.Write(CompletedVersion);
            }
        }
        Unmap();
        File.Move(temp, file, overwrite: true);
        if (live.Count != used)
        {
            // Compacting: the slots are laid out densely again, at their places in the new file.
            var (k, f, kd, y, s) = (keys, fingerprints, kinds, years, scales);
            var completed = CompletedVersion;
            ResetMemory();
            CompletedVersion = completed;
            for (var i = 0; i < live.Count; i++) Store(k[live[i]], f[live[i]], kd[live[i]], y[live[i]], s[live[i]], newOffsets[i]);
        }
        else
        {
            for (var i = 0; i < live.Count; i++) offsets[live[i]] = newOffsets[i];
        }
    }

    public void Dispose()
    {
        CloseGraphs();
        Unmap();
        gate.Dispose();
    }

    private void RequireOpen()
    {
        if (ModelId is null) throw new InvalidOperationException("the vector store is not open");
    }
}

/// <summary>A source's vector with what the store keeps beside it.</summary>
public sealed record EmbeddedSource(string Key, ulong Fingerprint, SourceKind Kind, int? Year, float[] Vector);
