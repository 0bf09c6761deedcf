using System.Text.Json;
using System.Text.Json.Serialization;
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

public sealed record AuditEntry(
    [property: JsonPropertyName("id")] long Id,
    [property: JsonPropertyName("at")] DateTime At,
    [property: JsonPropertyName("action")] string Action,
    [property: JsonPropertyName("actorId")] string? ActorId,
    [property: JsonPropertyName("actor")] string? Actor,
    [property: JsonPropertyName("article")] string? ArticleSlug,
    [property: JsonPropertyName("version")] int? Version,
    [property: JsonPropertyName("from")] string? FromState,
    [property: JsonPropertyName("to")] string? ToState,
    [property: JsonPropertyName("subjectId")] string? SubjectId,
    [property: JsonPropertyName("comment")] string? Comment);

/// <summary>Reads the append-only audit log: per article, per person, or all of it as JSON lines. Nothing here writes or deletes.</summary>
public sealed class AuditLog(GalenDbFactory dbFactory)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull };

    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(string? articleSlug, string? personId, int take, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        return await Project(Filter(db, articleSlug, personId).OrderByDescending(e => e.Id).Take(take)).ToListAsync(ct);
    }

    /// <summary>Every matching entry, oldest first, one JSON object per line.</summary>
    public async Task WriteJsonLinesAsync(Stream output, string? articleSlug, string? personId, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var newline = "\n"u8.ToArray();
        await foreach (var entry in Project(Filter(db, articleSlug, personId).OrderBy(e => e.Id)).AsAsyncEnumerable().WithCancellation(ct))
        {
            await JsonSerializer.SerializeAsync(output, entry, Json, ct);
            await output.WriteAsync(newline, ct);
        }
    }

    private static IQueryable<AuditEntryRow> Filter(GalenDb db, string? articleSlug, string? personId)
    {
        var q = db.AuditLog.AsNoTracking();
        if (!string.IsNullOrEmpty(articleSlug)) q = q.Where(e => e.ArticleSlug == articleSlug);
        if (!string.IsNullOrEmpty(personId)) q = q.Where(e => e.ActorId == personId || e.SubjectId == personId);
        return q;
    }

    private static IQueryable<AuditEntry> Project(IQueryable<AuditEntryRow> q) =>
        q.Select(e => new AuditEntry(e.Id, e.At, e.Action, e.ActorId, e.ActorName, e.ArticleSlug, e.Version, e.FromState, e.ToState, e.SubjectId, e.Comment));
}
