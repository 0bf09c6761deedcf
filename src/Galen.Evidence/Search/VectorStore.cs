using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Text;
using Galen.Core.Sources;

namespace Galen.Evidence.Search;

/// <summary>
/// The library's sentence embeddings, one per source, kept as 8-bit integers (a quarter of the memory of floats; the
/// ranking barely moves) and searched by an exact scan. Like the search index it is derived data: an append-only file
/// under the data directory, so an embedding run that stops part way keeps what it did and resumes from there; a file
/// made by another model is discarded. Each vector remembers the content of the source it was made from, so a source
/// that changes is embedded again.
/// </summary>
public sealed class VectorStore : IDisposable
{
    private const int Magic = 0x43455647; // "GVEC"
    private const int FormatVersion = 1;
    private const byte PutRecord = 1;
    private const byte RemoveRecord = 2;
    private const byte CompleteRecord = 3;

    private readonly string file;
    private readonly ReaderWriterLockSlim gate = new(LockRecursionPolicy.NoRecursion);
    private readonly Dictionary<string, int> slots = new(StringComparer.Ordinal);
    private string[] keys = [];
    private ulong[] fingerprints = [];
    private byte[] kinds = [];
    private short[] years = [];
    private float[] scales = [];
    private sbyte[] data = [];
    private bool[] dead = [];
    private int used;
    private int deadCount;

    public VectorStore(string directory)
    {
        Directory.CreateDirectory(directory);
        file = Path.Combine(directory, "vectors.bin");
    }

    /// <summary>The model the vectors were made by, or null before <see cref="Open"/>.</summary>
    public string? ModelId { get; private set; }

    public int Dimensions { get; private set; }

    /// <summary>The library version whose every source had a vector when the last embedding run finished; -1 if none did.</summary>
    public long CompletedVersion { get; private set; } = -1;

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

    /// <summary>Loads the vectors made by this model; a file made by another model (or damaged beyond its last whole record) starts over.</summary>
    public void Open(string modelId, int dimensions)
    {
        ArgumentException.ThrowIfNullOrEmpty(modelId);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimensions, 1);
        gate.EnterWriteLock();
        try
        {
            ResetMemory();
            ModelId = modelId;
            Dimensions = dimensions;
            if (!File.Exists(file) || !Load(modelId, dimensions))
            {
                WriteFile([]);
            }
            else if (deadCount > 1000 && deadCount > used / 2)
            {
                // Replaced and removed vectors take space until the file is written afresh.
                WriteFile(LiveSlots());
            }
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
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
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
                writer.Write(MemoryMarshal.AsBytes(buffer.AsSpan()));
                Store(item.Key, item.Fingerprint, (byte)item.Kind, (short)(item.Year ?? 0), scale, buffer);
            }
            writer.Flush();
            stream.Flush(flushToDisk: false);
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
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
            using var writer = new BinaryWriter(stream, Encoding.UTF8);
            foreach (var key in removed)
            {
                if (!slots.Remove(key, out var slot)) continue;
                dead[slot] = true;
                deadCount++;
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
            using var stream = new FileStream(file, FileMode.Append, FileAccess.Write, FileShare.Read);
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

    /// <summary>Forgets every vector (a rebuild starts here).</summary>
    public void Clear()
    {
        RequireOpen();
        gate.EnterWriteLock();
        try
        {
            ResetMemory();
            WriteFile([]);
        }
        finally
        {
            gate.ExitWriteLock();
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
            // A large library is scanned in parts, one per core, each keeping its own best; the parts are then merged.
            var parts = used >= ParallelScanFrom ? Math.Max(1, Environment.ProcessorCount) : 1;
            var bests = new PriorityQueue<int, float>[parts];
            Parallel.For(0, parts, new ParallelOptions { MaxDegreeOfParallelism = parts }, part =>
            {
                var from = (int)((long)used * part / parts);
                var to = (int)((long)used * (part + 1) / parts);
                bests[part] = Scan(q, top, wantKind, fromYear, toYear, from, to);
            });
            var best = new PriorityQueue<int, float>(top + 1);
            foreach (var partBest in bests)
            {
                while (partBest.TryDequeue(out var slot, out var score))
                {
                    if (best.Count < top) best.Enqueue(slot, score);
                    else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(slot, score);
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

    /// <summary>From this many vectors on, a scan is split across the cores (measured: PERFORMANCE.md).</summary>
    internal const int ParallelScanFrom = 100_000;

    private PriorityQueue<int, float> Scan(short[] q, int top, byte wantKind, int? fromYear, int? toYear, int from, int to)
    {
        var best = new PriorityQueue<int, float>(top + 1);
        var dims = Dimensions;
        for (var slot = from; slot < to; slot++)
        {
            if (dead[slot] || (wantKind != 255 && kinds[slot] != wantKind)) continue;
            if ((fromYear is not null || toYear is not null) && !InYears(years[slot], fromYear, toYear)) continue;
            // Integer dot products compare within one scale only; each vector has its own, so compare scaled.
            var score = Dot(data.AsSpan(slot * dims, dims), q) * scales[slot];
            if (best.Count < top) best.Enqueue(slot, score);
            else if (best.TryPeek(out _, out var worst) && score > worst) best.EnqueueDequeue(slot, score);
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
        Math.Round(Dot(data.AsSpan(slot * Dimensions, Dimensions), q) * (double)scales[slot] * qScale, 4);

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

    private void Store(string key, ulong fingerprint, byte kind, short year, float scale, ReadOnlySpan<sbyte> vector)
    {
        if (slots.TryGetValue(key, out var old))
        {
            dead[old] = true;
            deadCount++;
        }
        if (used == keys.Length) Grow();
        var slot = used++;
        keys[slot] = key;
        fingerprints[slot] = fingerprint;
        kinds[slot] = kind;
        years[slot] = year;
        scales[slot] = scale;
        dead[slot] = false;
        vector.CopyTo(data.AsSpan(slot * Dimensions, Dimensions));
        slots[key] = slot;
    }

    private void Grow()
    {
        var size = Math.Max(1024, keys.Length * 2);
        Array.Resize(ref keys, size);
        Array.Resize(ref fingerprints, size);
        Array.Resize(ref kinds, size);
        Array.Resize(ref years, size);
        Array.Resize(ref scales, size);
        Array.Resize(ref dead, size);
        Array.Resize(ref data, size * Dimensions);
    }

    private void ResetMemory()
    {
        slots.Clear();
        keys = [];
        fingerprints = [];
        kinds = [];
        years = [];
        scales = [];
        data = [];
        dead = [];
        used = 0;
        deadCount = 0;
        CompletedVersion = -1;
    }

    private List<int> LiveSlots() => [.. Enumerable.Range(0, used).Where(s => !dead[s])];

    /// <summary>Reads the file. False when it was made by another model or is not a vector file.</summary>
    private bool Load(string modelId, int dimensions)
    {
        long good;
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16))
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
            var buffer = new sbyte[dimensions];
            var bytes = MemoryMarshal.AsBytes(buffer.AsSpan());
            try
            {
                while (stream.Position < stream.Length)
                {
                    switch (reader.ReadByte())
                    {
                        case PutRecord:
                            var key = reader.ReadString();
                            var fingerprint = reader.ReadUInt64();
                            var kind = reader.ReadByte();
                            var year = reader.ReadInt16();
                            var scale = reader.ReadSingle();
                            if (reader.Read(bytes) != bytes.Length) throw new EndOfStreamException();
                            Store(key, fingerprint, kind, year, scale, buffer);
                            break;
                        case RemoveRecord:
                            if (slots.Remove(reader.ReadString(), out var slot))
                            {
                                dead[slot] = true;
                                deadCount++;
                            }
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
        using (var stream = new FileStream(file, FileMode.Open, FileAccess.Write))
        {
            stream.SetLength(good);
        }
        return true;
    }

    private void WriteFile(List<int> live)
    {
        var temp = file + ".tmp";
        using (var stream = new FileStream(temp, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16))
        using (var writer = new BinaryWriter(stream, Encoding.UTF8))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(ModelId!);
            writer.Write(Dimensions);
            foreach (var slot in live)
            {
                writer.Write(PutRecord);
                writer.Write(keys[slot]);
                writer.Write(fingerprints[slot]);
                writer.Write(kinds[slot]);
                writer.Write(years[slot]);
                writer.Write(scales[slot]);
                writer.Write(MemoryMarshal.AsBytes(data.AsSpan(slot * Dimensions, Dimensions)));
            }
            if (CompletedVersion >= 0)
            {
                writer.Write(CompleteRecord);
                writer.Write(CompletedVersion);
            }
        }
        File.Move(temp, file, overwrite: true);
        if (live.Count != used - deadCount || deadCount > 0)
        {
            // Compacting: reload the slots densely from what was written.
            var (k, f, kd, y, s, d) = (keys, fingerprints, kinds, years, scales, data);
            var completed = CompletedVersion;
            var dims = Dimensions;
            ResetMemory();
            CompletedVersion = completed;
            foreach (var slot in live) Store(k[slot], f[slot], kd[slot], y[slot], s[slot], d.AsSpan(slot * dims, dims));
        }
    }

    public void Dispose() => gate.Dispose();

    private void RequireOpen()
    {
        if (ModelId is null) throw new InvalidOperationException("the vector store is not open");
    }
}

/// <summary>A source's vector with what the store keeps beside it.</summary>
public sealed record EmbeddedSource(string Key, ulong Fingerprint, SourceKind Kind, int? Year, float[] Vector);
