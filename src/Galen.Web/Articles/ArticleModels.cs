using Galen.Core.Answers;
namespace Galen.Web.Articles;

public static class ReviewStates
{
    public const string Submitted = "Submitted";
    public const string UnderReview = "Under Review";
    /// <summary>A reviewer asked the editors to revise; a revision returns the article to Under Review.</summary>
    public const string ChangesRequested = "Changes Requested";
    /// <summary>One reviewer approved; a second, different reviewer must confirm.</summary>
    public const string SecondReview = "Second Review";
    public const string Approved = "Approved";
    public const string Rejected = "Rejected";
    public const string Withdrawn = "Withdrawn";

    /// <summary>The steps a reader sees; the states between Under Review and Approved show as Under Review.</summary>
    public static readonly IReadOnlyList<string> Order = [Submitted, UnderReview, Approved];

    public static bool IsClosed(string state) => state is Rejected or Withdrawn;

    /// <summary>The reader's step of a state, or -1 for a closed article.</summary>
    public static int IndexOf(string state) => state switch
    {
        Submitted => 0,
        UnderReview or ChangesRequested or SecondReview => 1,
        Approved => 2,
        _ => -1,
    };
}

/// <summary>Who approved the public version: the first reviewer and the one who confirmed, as they signed then.</summary>
public sealed record ArticleApproval(int Version, DateTime At, string FirstSignature, string? FirstId, string SecondSignature, string? SecondId);

/// <summary>What a page needs about an article besides its answer: read on every request, small.</summary>
public sealed record ArticleMeta(
    long Id,
    string Slug,
    string Question,
    string ReviewState,
    int Version,
    bool Urgent,
    string? ParentSlug,
    string? AfterJson,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    RatingSummary Rating,
    ArticleApproval? Approval = null,
    int LatestVersion = 0)
{
    public bool Approved => ReviewState == ReviewStates.Approved;

    /// <summary>An approved article whose newer draft (new evidence or a revision) is being reviewed again.</summary>
    public bool UnderReReview => Approved && LatestVersion > Version;
}

public sealed record RatingSummary(int Count, double? Mean)
{
    public static RatingSummary Of(int count, int? sum) =>
        new(count, count == 0 || sum is null ? null : Math.Round((double)sum.Value / count, 2));
}

public sealed record ArticleSummary(string Slug, string Question, string ReviewState, DateTime UpdatedAt);

/// <summary>The article that answers a question, or the private answer when it does not become one.</summary>
public sealed record AskOutcome(ArticleMeta? Article, bool Created, PrivateAnswer? Private = null);

/// <summary>An answer shown to its asker only (<see cref="ArticlePublishing.WhyPrivate"/>): not stored, listed or queued.</summary>
public sealed record PrivateAnswer(Answer Clinician, Answer Patient, string Reason)
{
    public Answer For(Galen.Core.Answers.Audience audience) => audience == Galen.Core.Answers.Audience.Patient ? Patient : Clinician;
}

public sealed record Reviewer(string Id, string Name, string? Credentials, string? Specialty, string? Disclosures, string? Bio, int ArticlesReviewed)
{
    public string Signature => string.IsNullOrWhiteSpace(Credentials) ? Name : $"{Name}, {Credentials}";
}

public sealed record FeedbackItem(string Slug, string Question, string Text, DateTime At);
