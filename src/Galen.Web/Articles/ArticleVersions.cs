using System.Reflection;
using System.Text.Json;
using Galen.Core;
using Galen.Core.Answers;
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Articles;

/// <summary>Writing article versions (immutable snapshots) and asking the desk to look at an article again.</summary>
public static class ArticleVersions
{
    /// <summary>A rating at or below this puts the article in front of the editors.</summary>
    public const int LowRating = 2;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <summary>The answer engine's version, recorded with every article version.</summary>
    public static readonly string EngineVersion =
        typeof(AnswerEngine).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(AnswerEngine).Assembly.GetName().Version?.ToString() ?? "unknown";

    /// <summary>A version row: the answers, the library version, the engine version and each cited source's content hash.</summary>
    public static async Task<ArticleVersionRow> SnapshotAsync(GalenDb db, int number, string clinicianJson, string patientJson, long libraryVersion,
        string reason, StaffAuthor? author, CancellationToken ct)
    {
        var keys = CitedSourceKeys(clinicianJson).Concat(CitedSourceKeys(patientJson)).Distinct(StringComparer.Ordinal).ToList();
        var hashes = keys.Count == 0
            ? new Dictionary<string, string>()
            : await db.Sources.AsNoTracking().Where(s => keys.Contains(s.Key)).ToDictionaryAsync(s => s.Key, s => s.ContentHash, StringComparer.Ordinal, ct);
        var sorted = new SortedDictionary<string, string>(hashes, StringComparer.Ordinal);
        return new ArticleVersionRow
        {
            Number = number,
            ClinicianJson = clinicianJson,
            PatientJson = patientJson,
            LibraryVersion = libraryVersion,
            EngineVersion = EngineVersion,
            SourceHashesJson = JsonSerializer.Serialize(sorted, Json),
            Reason = reason,
            AuthorId = author?.Id,
            AuthorName = author?.Signature,
            CreatedAt = DateTime.UtcNow,
        };
    }

    /// <summary>The keys of the sources an answer's statements cite.</summary>
    public static IEnumerable<string> CitedSourceKeys(string answerJson)
    {
        var answer = JsonSerializer.Deserialize<Answer>(answerJson, Json);
        if (answer is null) return [];
        return answer.Sections.SelectMany(s => s.Statements).Prepend(answer.BottomLineStatement)
            .SelectMany(s => s.Spans).Select(s => s.SourceKey).Distinct(StringComparer.Ordinal);
    }

    /// <summary>A low rating or feedback puts an approved article back in front of the editors, without taking approval away.</summary>
    public static async Task AskForTriageAsync(GalenDb db, long articleId, CancellationToken ct)
    {
        var now = DateTime.UtcNow;
        await db.Articles.Where(a => a.Id == articleId && a.ApprovedVersion != null && a.TriageSince == null)
            .ExecuteUpdateAsync(u => u.SetProperty(a => a.TriageSince, now), ct);
    }
}

/// <summary>The staff member who wrote a version or took a step, as they sign.</summary>
public sealed record StaffAuthor(string Id, string Signature);
