using Galen.Evidence.Store;
using Galen.Web.Articles;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

public sealed record QueueEntry(
    string Slug, string Question, string ReviewState, int Version, int LatestVersion, bool Approved, DateTime? TriageSince,
    int Feedback, int Ratings, double? MeanRating, string? ClaimedBy, DateTime UpdatedAt);

/// <summary>One page of the review queue: its entries, which page it is, and how many articles wait in all.</summary>
public sealed record QueuePage(IReadOnlyList<QueueEntry> Entries, int Page, int PageSize, int Total)
{
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);
    public bool HasPrevious => Page > 1;
    public bool HasNext => Page < Pages;
    /// <summary>1-based position of the first entry on this page (0 when the queue is empty).</summary>
    public int First => Entries.Count == 0 ? 0 : ((Page - 1) * PageSize) + 1;
    public int Last => First == 0 ? 0 : First + Entries.Count - 1;
}

public sealed record VersionEntry(int Number, string Reason, string? Author, long LibraryVersion, string EngineVersion, int CitedSources, DateTime CreatedAt);

public sealed record DeskArticle(
    long Id, string Slug, string Question, string ReviewState, int Version, int LatestVersion, int? ApprovedVersion, int Revision,
    string? FirstApproverId, string? FirstApprover, string? ClaimedBy, DateTime? TriageSince,
    IReadOnlyList<VersionEntry> Versions, IReadOnlyList<FeedbackItem> Feedback, RatingSummary Rating);

/// <summary>What the review desk reads: the queue and one article with its versions, feedback and ratings.</summary>
public sealed class DeskQueries(GalenDbFactory dbFactory)
{
    /// <summary>Entries on one page of the queue: enough to scan, few enough to keep the page quick.</summary>
    public const int QueuePageSize = 100;

    /// <summary>
    /// One page of what waits for the board, readers' requests first, then oldest first (the id breaks ties, so pages
    /// neither repeat nor skip an entry). A page past the end shows the last page.
    /// </summary>
    public async Task<QueuePage> QueueAsync(int page = 1, int pageSize = QueuePageSize, CancellationToken ct = default)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        await using var db = dbFactory.Create();
        var waiting = db.Articles.AsNoTracking()
            .Where(a => (a.ReviewState != ReviewStates.Approved && a.ReviewState != ReviewStates.Rejected && a.ReviewState != ReviewStates.Withdrawn)
                        || a.TriageSince != null);
        var total = await waiting.CountAsync(ct);
        var pages = Math.Max(1, (total + pageSize - 1) / pageSize);
        page = Math.Clamp(page, 1, pages);
        var rows = await waiting
            .OrderByDescending(a => a.TriageSince != null).ThenBy(a => a.CreatedAt).ThenBy(a => a.Id)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(a => new
            {
                a.Slug, a.Question, a.ReviewState, a.Version, a.LatestVersion, a.ApprovedVersion, a.TriageSince, a.ClaimedById, a.UpdatedAt,
                Feedback = a.Feedback.Count(),
                Ratings = a.Ratings.Count(),
                Sum = a.Ratings.Sum(r => (int?)r.Stars),
            }).ToListAsync(ct);
        var names = await Names(db, rows.Select(r => r.ClaimedById), ct);
        var entries = rows.Select(r => new QueueEntry(r.Slug, r.Question, r.ReviewState, r.Version, r.LatestVersion, r.ApprovedVersion == r.Version,
            r.TriageSince, r.Feedback, r.Ratings, RatingSummary.Of(r.Ratings, r.Sum).Mean,
            r.ClaimedById is null ? null : names.GetValueOrDefault(r.ClaimedById), r.UpdatedAt)).ToList();
        return new QueuePage(entries, page, pageSize, total);
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
