using Galen.Core.Sources;
using Galen.Evidence.Search;
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Galen.Evidence.Import;

/// <summary>One item read from an input file: a source to store, or identifiers whose sources are withdrawn.</summary>
public readonly record struct ImportItem(SourceRecord? Record, IReadOnlyList<string>? DeletedKeys, string? Payload = null, string? Hash = null)
{
    public static ImportItem Of(SourceRecord record) => new(record, null);
    public static ImportItem Delete(IReadOnlyList<string> keys) => new(null, keys);

    /// <summary>The same item with its JSON form and content hash computed (off the writing thread).</summary>
    public ImportItem Prepared()
    {
        if (Record is null || Payload is not null) return this;
        var payload = SourceJson.Serialize(Record);
        return this with { Payload = payload, Hash = SourceJson.Hash(payload) };
    }
}

public static class ImportPipeline
{
    /// <summary>
    /// Reads and prepares items on another thread while the caller writes: parsing and writing overlap on
    /// two cores. Errors of the reader surface in the caller, at the point they happened.
    /// </summary>
    public static IEnumerable<ImportItem> ReadAhead(IEnumerable<ImportItem> source, int capacity = 2000)
    {
        using var queue = new System.Collections.Concurrent.BlockingCollection<ImportItem>(capacity);
        using var stop = new CancellationTokenSource();
        System.Runtime.ExceptionServices.ExceptionDispatchInfo? error = null;
        var producer = Task.Run(() =>
        {
            try
            {
                foreach (var item in source) queue.Add(item.Prepared(), stop.Token);
            }
            catch (OperationCanceledException) when (stop.IsCancellationRequested)
            {
            }
            catch (Exception ex)
            {
                error = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(ex);
            }
            finally
            {
                queue.CompleteAdding();
            }
        });
        try
        {
            foreach (var item in queue.GetConsumingEnumerable()) yield return item;
            producer.Wait();
            error?.Throw();
        }
        finally
        {
            stop.Cancel();
            producer.Wait();
        }
    }
}

/// <summary>
/// Writes import units to the store and the index. A unit is one transaction: either all of it is
/// stored or none of it. Re-importing unchanged content changes nothing (same key, same content hash).
/// </summary>
public sealed class LibraryWriter(GalenDbFactory dbFactory, EvidenceIndex index)
{
    private const int BatchSize = 1000;

    /// <summary>Stores one unit. Throws (and stores nothing of it) when reading the items throws.</summary>
    public void Apply(string origin, IEnumerable<ImportItem> items, ImportReport report, Action<int>? progress = null)
    {
        var added = 0; var updated = 0; var unchanged = 0; var deleted = 0;
        using var db = dbFactory.Create();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        using var tx = db.Database.BeginTransaction();
        try
        {
            var batch = new List<ImportItem>(BatchSize);
            var now = DateTime.UtcNow;
            using var inserter = new SourceInserter(db);
            var toIndex = new List<(SourceRecord Record, string Payload)>(BatchSize);
            foreach (var item in items)
            {
                if (item.Record is not null) batch.Add(item);
                if (item.DeletedKeys is { Count: > 0 } keys)
                {
                    Flush();
                    deleted += DeleteKeys(db, keys);
                }
                if (batch.Count >= BatchSize) Flush();
            }
            Flush();
            if (added + updated + deleted == 0)
            {
                // Nothing changed: leave the library version (and so the index) as they are.
                tx.Rollback();
                index.Rollback();
            }
            else
            {
                var version = BumpVersion(db, now);
                db.SaveChanges();
                tx.Commit();
                index.Commit(version);
            }

            void Flush()
            {
                if (batch.Count == 0) return;
                // Later records in one file replace earlier ones with the same key.
                var latest = new Dictionary<string, ImportItem>(StringComparer.Ordinal);
                foreach (var it in batch) latest[it.Record!.Key] = it;
                var keys = latest.Keys.ToList();
                var existing = db.Sources.AsNoTracking()
                    .Where(s => keys.Contains(s.Key))
                    .Select(s => new { s.Key, s.Id, s.ContentHash })
                    .ToDictionary(s => s.Key, StringComparer.Ordinal);
                foreach (var (key, prepared) in latest)
                {
                    var it = prepared.Prepared();
                    var rec = it.Record!;
                    var payload = it.Payload!;
                    var hash = it.Hash!;
                    if (existing.TryGetValue(key, out var old))
                    {
                        if (old.ContentHash == hash) { unchanged++; continue; }
                        var row = ToRow(rec, payload, hash, origin, now);
                        row.Id = old.Id;
                        db.Sources.Update(row);
                        updated++;
                    }
                    else
                    {
                        inserter.Insert(ToRow(rec, payload, hash, origin, now));
                        added++;
                    }
                    toIndex.Add((rec, payload));
                }
                // Lucene's writer takes documents from several threads at once; analysis is the costly part.
                Parallel.ForEach(toIndex, new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount }, d => index.Upsert(d.Record, d.Payload));
                toIndex.Clear();
                db.SaveChanges();
                db.ChangeTracker.Clear();
                progress?.Invoke(batch.Count);
                batch.Clear();
            }
        }
        catch
        {
            tx.Rollback();
            index.Rollback();
            throw;
        }
        report.Added += added;
        report.Updated += updated;
        report.Unchanged += unchanged;
        report.Deleted += deleted;
    }

    private int DeleteKeys(GalenDb db, IReadOnlyList<string> keys)
    {
        var total = 0;
        foreach (var chunk in keys.Distinct(StringComparer.Ordinal).Chunk(500))
        {
            var list = chunk.ToList();
            total += db.Sources.Where(s => list.Contains(s.Key)).ExecuteDelete();
            foreach (var key in list) index.Delete(key);
        }
        return total;
    }

    internal static long BumpVersion(GalenDb db, DateTime now)
    {
        var state = db.LibraryState.SingleOrDefault(s => s.Id == 1);
        if (state is null)
        {
            state = new LibraryStateRow { Id = 1, Version = 1, UpdatedAt = now };
            db.LibraryState.Add(state);
        }
        else
        {
            state.Version++;
            state.UpdatedAt = now;
            db.LibraryState.Update(state);
        }
        return state.Version;
    }

    private static SourceRow ToRow(SourceRecord rec, string payload, string hash, string origin, DateTime now) => new()
    {
        Key = rec.Key,
        Kind = rec.Kind.ToSlug(),
        Title = Truncate(rec.Title, 2000),
        Container = rec.Container is null ? null : Truncate(rec.Container, 500),
        Year = rec.Year,
        Pmid = rec.Ids.Pmid,
        Doi = rec.Ids.Doi,
        MedquadId = rec.Ids.Medquad,
        ContentHash = hash,
        Payload = payload,
        Origin = Truncate(origin, 1000),
        ImportedAt = now,
    };

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];

    /// <summary>
    /// Inserts new sources with one prepared command inside the unit's transaction: EF Core's change
    /// tracking costs more than the insert itself on bulk imports. Updates stay with EF Core.
    /// </summary>
    private sealed class SourceInserter : IDisposable
    {
        private static readonly string[] Columns = ["Key", "Kind", "Title", "Container", "Year", "Pmid", "Doi", "MedquadId", "ContentHash", "Payload", "Origin", "ImportedAt"];
        private readonly System.Data.Common.DbCommand command;
        private readonly System.Data.Common.DbParameter[] parameters;

        public SourceInserter(GalenDb db)
        {
            var connection = db.Database.GetDbConnection();
            command = connection.CreateCommand();
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            command.CommandText = $"INSERT INTO sources ({string.Join(", ", Columns.Select(c => $"\"{c}\""))}) VALUES ({string.Join(", ", Columns.Select(c => "@" + c))})";
            parameters = Columns.Select(c =>
            {
                var p = command.CreateParameter();
                p.ParameterName = "@" + c;
                command.Parameters.Add(p);
                return p;
            }).ToArray();
        }

        public void Insert(SourceRow row)
        {
            object?[] values = [row.Key, row.Kind, row.Title, row.Container, row.Year, row.Pmid, row.Doi, row.MedquadId, row.ContentHash, row.Payload, row.Origin, row.ImportedAt];
            for (var i = 0; i < values.Length; i++) parameters[i].Value = values[i] ?? DBNull.Value;
            command.ExecuteNonQuery();
        }

        public void Dispose() => command.Dispose();
    }
}
