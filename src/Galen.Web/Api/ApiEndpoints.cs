using System.Text.Json;
using System.Text.Json.Nodes;
using Galen.Core.Answers;
using Galen.Web.Articles;
using Galen.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Galen.Web.Api;

/// <summary>Body of POST /api/questions.</summary>
public sealed record QuestionRequest(string? Question, string? Audience, IReadOnlyList<string>? After, string? ParentSlug);

public sealed record RatingRequest(int? Stars);

public sealed record FeedbackRequest(string? Text);

public sealed record RatingResponse(int Count, double? Mean);

/// <summary>The JSON interface. Articles are the Answer JSON of the chosen audience plus the article's own fields.</summary>
public static class ApiEndpoints
{
    private static readonly JsonSerializerOptions AnswerJson = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapGalenApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api").WithTags("Articles");
        api.MapPost("/questions", Ask).RequireRateLimiting(RateLimiting.Ask)
            .WithName("AskQuestion")
            .WithSummary("Ask a question")
            .WithDescription("Opens the article for this question and conversation (or the same question in other words), or writes it: 201 with a Location header when written, 200 when it already existed. The body is the Answer JSON plus articleUrl, slug, reviewState, version, updatedAt, rating, created and published. An answer that does not become an article (an abstention, a question not in English, or one naming nothing Galen can place) is 200 with published false and notPublishedReason, and is not stored.");
        api.MapGet("/articles/{slug}", Get)
            .WithName("GetArticle")
            .WithSummary("Read an article in clinician or patient wording");
        api.MapPost("/articles/{slug}/ratings", Rate).RequireRateLimiting(RateLimiting.Ratings)
            .WithName("RateArticle")
            .WithSummary("Rate an article from 1 to 5 stars")
            .WithDescription("One rating per reader per article: rating again changes the reader's rating. The reader is the galen_reader cookie this call sets, or the client address when the client keeps no cookies.");
        api.MapPost("/articles/{slug}/feedback", Feedback).RequireRateLimiting(RateLimiting.Feedback)
            .WithName("SendFeedback")
            .WithSummary("Say how an article could be improved");
        return app;
    }

    private static async Task<Results<Created<JsonObject>, Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Ask(
        QuestionRequest body, HttpContext context, ArticleService articles, IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        var errors = new Dictionary<string, string[]>();
        if (InputRules.QuestionError(body.Question, options.Value.MaxQuestionLength) is { } q) errors["question"] = [q];
        if (!Audiences.TryParse(body.Audience, out var audience)) errors["audience"] = ["audience: use \"clinician\" or \"patient\"."];
        if (body.After is { } after)
        {
            if (after.Count > 20) errors["after"] = ["after: at most 20 earlier questions."];
            else if (after.Any(a => a is null)) errors["after"] = ["after: each entry must be an earlier question (text), not null."];
            else if (after.Any(a => a.Length > options.Value.MaxQuestionLength)) errors["after"] = [$"after: each earlier question at most {options.Value.MaxQuestionLength} characters."];
        }
        if (body.ParentSlug is not null && !Slugs.IsValid(body.ParentSlug)) errors["parentSlug"] = ["parentSlug: not an article slug."];
        if (errors.Count > 0) return TypedResults.ValidationProblem(errors, title: "The request is not valid");

        AskOutcome outcome;
        try
        {
            outcome = await articles.AskAsync(body.Question!, body.After, body.ParentSlug, ct);
        }
        catch (ArticleNotFoundException missing)
        {
            return NotFound(context, missing.Message);
        }
        if (outcome.Private is { } privateAnswer)
        {
            // Answered, but not an article: nothing is stored, so there is no slug or Location.
            var own = JsonSerializer.SerializeToNode(privateAnswer.For(audience), AnswerJson)!.AsObject();
            own["published"] = false;
            own["notPublishedReason"] = privateAnswer.Reason;
            own["created"] = false;
            return TypedResults.Ok(own);
        }
        var article = outcome.Article!;
        var answer = await articles.AnswerAsync(article, audience, ct);
        var document = Document(context.Request, article, answer, audience);
        var location = $"/api/articles/{article.Slug}?audience={audience.ToSlug()}";
        document["published"] = true;
        document["created"] = outcome.Created;
        // 201 with a Location when this call wrote the article; 200 when the question (or the same question in other
        // words) already had one.
        return outcome.Created ? TypedResults.Created(location, document) : TypedResults.Ok(document);
    }

    private static async Task<Results<Ok<JsonObject>, ValidationProblem, ProblemHttpResult>> Get(
        string slug, string? audience, HttpContext context, ArticleService articles, IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        if (!Audiences.TryParse(audience, out var chosen))
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["audience"] = ["audience: use \"clinician\" or \"patient\"."] });
        }
        var article = await articles.FindAsync(slug, ct);
        if (article is null) return NotFound(context, $"There is no article '{slug}'.");
        var answer = await articles.AnswerAsync(article, chosen, ct);
        context.Response.Headers.CacheControl = article.Approved ? $"public, max-age={options.Value.ApprovedMaxAgeSeconds}" : "no-cache";
        context.Response.Headers.LastModified = article.UpdatedAt.ToString("R");
        return TypedResults.Ok(Document(context.Request, article, answer, chosen));
    }

    private static async Task<Results<Ok<RatingResponse>, ValidationProblem, ProblemHttpResult>> Rate(
        string slug, RatingRequest body, HttpContext context, ArticleService articles, CancellationToken ct)
    {
        if (InputRules.StarsError(body.Stars) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["stars"] = [error] });
        }
        var summary = await articles.RateAsync(slug, body.Stars!.Value, ReaderIdentity.KeyOf(context, issueCookie: true), ct);
        return summary is null ? NotFound(context, $"There is no article '{slug}'.") : TypedResults.Ok(new RatingResponse(summary.Count, summary.Mean));
    }

    private static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> Feedback(
        string slug, FeedbackRequest body, HttpContext context, ArticleService articles, IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        if (InputRules.FeedbackError(body.Text, options.Value.MaxFeedbackLength) is { } error)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [error] });
        }
        return await articles.AddFeedbackAsync(slug, body.Text!.Trim(), RateLimiting.ClientOf(context), ct)
            ? TypedResults.NoContent()
            : NotFound(context, $"There is no article '{slug}'.");
    }

    private static ProblemHttpResult NotFound(HttpContext context, string detail) =>
        TypedResults.Problem(detail, context.Request.Path, StatusCodes.Status404NotFound, "No such article");

    /// <summary>The stored Answer JSON, as written, with the article's fields added.</summary>
    public static JsonObject Document(HttpRequest request, ArticleMeta article, CachedAnswer answer, Audience audience)
    {
        var json = JsonNode.Parse(answer.Json)!.AsObject();
        json["slug"] = article.Slug;
        json["articleUrl"] = Http.Canonical(request, $"/articles/{article.Slug}" + (audience == Audience.Patient ? "?audience=patient" : ""));
        json["reviewState"] = article.ReviewState;
        json["version"] = article.Version;
        json["createdAt"] = article.CreatedAt;
        json["updatedAt"] = article.UpdatedAt;
        if (article.ParentSlug is not null) json["parentSlug"] = article.ParentSlug;
        json["rating"] = new JsonObject { ["count"] = article.Rating.Count, ["mean"] = article.Rating.Mean };
        return json;
    }
}
