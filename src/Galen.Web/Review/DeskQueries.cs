using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

public sealed record QueueEntry(
    string Slug, string Question, string ReviewState, int Version, int LatestVersion, bool Approved, DateTime? TriageSince,
    int Feedback, int Ratings, double? MeanRating, string? ClaimedBy, DateTime UpdatedAt);

public sealed record VersionEntry(int Number, string Reason, string? Author, long LibraryVersion, string EngineVersion, int CitedSources, DateTime CreatedAt);

public sealed record DeskArticle(
    long Id, string Slug, string Question, string ReviewState, int Version, int LatestVersion, int? ApprovedVersion, int Revision,
    string? FirstApproverId, string? FirstApprover, string? ClaimedBy, DateTime? TriageSince,
    IReadOnlyList<VersionEntry> Versions, IReadOnlyList<FeedbackItem> Feedback, RatingSummary Rating);

/// <summary>What the review desk reads: the queue and one article with its versions, feedback and ratings.</summary>
public sealed class DeskQueries(GalenDbFactory dbFactory)
{
    public async Task<IReadOnlyList<QueueEntry>> QueueAsync(CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var rows = await db.Articles.AsNoTracking()
            .Where(a => (a.ReviewState != ReviewStates.Approved && a.ReviewState != ReviewStates.Rejected && a.ReviewState != ReviewStates.Withdrawn)
                        || a.TriageSince != null)
            .OrderByDescending(a => a.TriageSince != null).ThenBy(a => a.CreatedAt).Take(500)
            .Select(a => new
            {
                a.Slug, a.Question, a.ReviewState, a.Version, a.LatestVersion, a.ApprovedVersion, a.TriageSince, a.ClaimedById, a.UpdatedAt,
                Feedback = a.Feedback.Count(),
                Ratings = a.Ratings.Count(),
                Sum = a.Ratings.Sum(r => (int?)r.Stars),
            }).ToListAsync(ct);
        var names = await Names(db, rows.Select(r => r.ClaimedById), ct);
        return rows.Select(r => new QueueEntry(r.Slug, r.Question, r.ReviewState, r.Version, r.LatestVersion, r.ApprovedVersion == r.Version,
            r.TriageSince, r.Feedback, r.Ratings, RatingSummary.Of(r.Ratings, r.Sum).Mean,
            r.ClaimedById is null ? null : names.GetValueOrDefault(r.ClaimedById), r.UpdatedAt)).ToList();
    }

    public async Task<DeskArticle?> ArticleAsync(string slug, CancellationToken ct = default)
    {
        if (!Slugs.IsValid(slug)) return null;
        await using var db = dbFactory.Create();
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Slug == slug, ct);
        if (a is null) return null;
        var versions = await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == a.Id).OrderByDescending(v => v.Number)
            .Select(v => new { v.Number, v.Reason, v.AuthorName, v.LibraryVersion, v.EngineVersion, v.SourceHashesJson, v.CreatedAt }).ToListAsync(ct);
        var feedback = await db.Feedback.AsNoTracking().Where(f => f.ArticleId == a.Id).OrderByDescending(f => f.Id).Take(100)
            .Select(f => new FeedbackItem(a.Slug, a.Question, f.Text, f.CreatedAt)).ToListAsync(ct);
        var count = await db.Ratings.CountAsync(r => r.ArticleId == a.Id, ct);
        var sum = await db.Ratings.Where(r => r.ArticleId == a.Id).SumAsync(r => (int?)r.Stars, ct);
        var names = await Names(db, [a.ClaimedById, a.FirstApproverId], ct);
        return new DeskArticle(a.Id, a.Slug, a.Question, a.ReviewState, a.Version, a.LatestVersion, a.ApprovedVersion, a.Revision,
            a.FirstApproverId, a.FirstApproverId is null ? null : names.GetValueOrDefault(a.FirstApproverId),
            a.ClaimedById is null ? null : names.GetValueOrDefault(a.ClaimedById), a.TriageSince,
            versions.Select(v => new VersionEntry(v.Number, v.Reason, v.AuthorName, v.LibraryVersion, v.EngineVersion,
                System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(v.SourceHashesJson)?.Count ?? 0, v.CreatedAt)).ToList(),
            feedback, RatingSummary.Of(count, sum));
    }

    /// <summary>The clinician and patient answers of one version, or null.</summary>
    public async Task<(string Clinician, string Patient)?> VersionAsync(string slug, int number, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var row = await db.ArticleVersions.AsNoTracking()
            .Where(v => v.Number == number && db.Articles.Any(a => a.Id == v.ArticleId && a.Slug == slug))
            .Select(v => new { v.ClinicianJson, v.PatientJson }).FirstOrDefaultAsync(ct);
        return row is null ? null : (row.ClinicianJson, row.PatientJson);
    }

    /// <summary>Why each version was written and its clinician answer, oldest first (where editors' wording is read from).</summary>
    public async Task<IReadOnlyList<(string Reason, string Clinician)>> ClinicianHistoryAsync(string slug, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        var rows = await db.ArticleVersions.AsNoTracking()
            .Where(v => db.Articles.Any(a => a.Id == v.ArticleId && a.Slug == slug)).OrderBy(v => v.Number)
            .Select(v => new { v.Reason, v.ClinicianJson }).ToListAsync(ct);
        return rows.Select(r => (r.Reason, r.ClinicianJson)).ToList();
    }

    /// <summary>The public list of an article's versions: number, date, why it was written, and whether it was the approved one.</summary>
    public async Task<IReadOnlyList<VersionEntry>> PublicVersionsAsync(long articleId, CancellationToken ct = default)
    {
        await using var db = dbFactory.Create();
        return await db.ArticleVersions.AsNoTracking().Where(v => v.ArticleId == articleId).OrderByDescending(v => v.Number)
            .Select(v => new VersionEntry(v.Number, v.Reason, null, v.LibraryVersion, v.EngineVersion, 0, v.CreatedAt)).ToListAsync(ct);
    }

    private static async Task<Dictionary<string, string>> Names(GalenDb db, IEnumerable<string?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<string>().Distinct().ToList();
        if (wanted.Count == 0) return [];
        var users = await db.Users.AsNoTracking().Where(u => wanted.Contains(u.Id)).Select(u => new { u.Id, u.Name, u.Credentials }).ToListAsync(ct);
        return users.ToDictionary(u => u.Id, u => string.IsNullOrWhiteSpace(u.Credentials) ? u.Name : $"{u.Name}, {u.Credentials}");
    }
}

/// <summary>The person behind a staff request, loaded from the store (name and credentials as they are now).</summary>
public static class StaffIdentity
{
    public static async Task<StaffAuthor?> ActorAsync(HttpContext context)
    {
        var users = context.RequestServices.GetRequiredService<UserManager<StaffUser>>();
        var user = await users.GetUserAsync(context.User);
        return user is null || user.Disabled ? null : new StaffAuthor(user.Id, user.Signature);
    }
}
