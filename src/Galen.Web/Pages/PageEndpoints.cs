using Galen.Core.Answers;
using Galen.Web.Articles;
using Galen.Web.Infrastructure;
using Galen.Web.Review;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Galen.Web.Pages;

public sealed class RatingForm
{
    public int? Stars { get; set; }
}

public sealed class FeedbackForm
{
    public string? Text { get; set; }
}

/// <summary>The server-rendered pages and the forms on an article.</summary>
public static class PageEndpoints
{
    public static IEndpointRouteBuilder MapGalenPages(this IEndpointRouteBuilder app)
    {
        var pages = app.MapGroup("").ExcludeFromDescription();
        pages.MapGet("/", Home);
        pages.MapGet("/articles/{slug}", Article);
        pages.MapPost("/articles/{slug}/rate", Rate).RequireRateLimiting(RateLimiting.Ratings);
        pages.MapPost("/articles/{slug}/feedback", Feedback).RequireRateLimiting(RateLimiting.Feedback);
        pages.MapGet("/editorial-policy", (HttpRequest r) => Info(r, InfoPages.EditorialPolicy(Http.Canonical(r, "/editorial-policy"))));
        pages.MapGet("/review-board", (HttpRequest r, ReviewBoard board) => Info(r, InfoPages.ReviewBoardPage(board.Members(), Http.Canonical(r, "/review-board"))));
        pages.MapGet("/about", (HttpRequest r) => Info(r, InfoPages.About(Http.Canonical(r, "/about"))));
        pages.MapGet("/disclaimer", (HttpRequest r) => Info(r, InfoPages.Disclaimer(Http.Canonical(r, "/disclaimer"))));
        return app;
    }

    private static IResult Info(HttpRequest request, string html)
    {
        request.HttpContext.Response.Headers.CacheControl = "public, max-age=3600";
        return Http.Html(html);
    }

    internal static async Task<IResult> Home(HttpContext context, string? q, ArticleService articles, IAntiforgery antiforgery, CancellationToken ct)
    {
        var tokens = antiforgery.GetAndStoreTokens(context);
        var audience = AudiencePreference.Resolve(context, null);
        var query = string.IsNullOrWhiteSpace(q) ? null : q.Trim();
        if (query is { Length: > 200 }) query = query[..200];
        var results = query is null ? null : await articles.SearchAsync(query, 50, ct);
        var view = new HomeView(tokens, audience.ToSlug(), await articles.ApprovedAsync(10, ct), await articles.RecentAsync(10, ct),
            query, results, null, null, Http.Canonical(context.Request, "/"));
        return Http.Html(HomePage.Render(view));
    }

    private static async Task<IResult> Article(
        string slug, string? audience, string? thanks, HttpContext context, ArticleService articles, ArticlePageCache pages,
        IAntiforgery antiforgery, IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        var article = await articles.FindAsync(slug, ct);
        if (article is null) return Http.NotFoundPage($"There is no article at /articles/{slug}. It may have been asked under other words: search for it on the home page.");
        var chosen = AudiencePreference.Resolve(context, audience);
        var answer = await articles.AnswerAsync(article, chosen, ct);
        var tokens = antiforgery.GetAndStoreTokens(context);
        var related = await articles.RelatedAsync(article, ct);
        ArticleSummary? parent = null;
        if (article.ParentSlug is not null && await articles.FindAsync(article.ParentSlug, ct) is { } p)
        {
            parent = new ArticleSummary(p.Slug, p.Question, p.ReviewState, p.UpdatedAt);
        }
        var canonical = Http.Canonical(context.Request, $"/articles/{article.Slug}" + (chosen == Audience.Patient ? "?audience=patient" : ""));
        var thanksNote = thanks is "rating" or "feedback" ? thanks : null;
        var page = pages.Get(new ArticleView(article, answer, chosen, tokens, related, parent, canonical, thanksNote));

        // The page holds this reader's form tokens, so only the reader's own browser may keep it.
        var headers = context.Response.Headers;
        headers.Remove("Pragma");
        headers.CacheControl = article.Approved && thanksNote is null
            ? $"private, max-age={options.Value.ApprovedMaxAgeSeconds}"
            : "no-cache, no-store";
        headers.Vary = "Cookie";
        headers.LastModified = article.UpdatedAt.ToString("R");
        return page.WithToken(tokens);
    }

    private static async Task<IResult> Rate(string slug, [FromForm] RatingForm form, HttpContext context, ArticleService articles, CancellationToken ct)
    {
        if (InputRules.StarsError(form.Stars) is { } error) return Http.BadRequestPage(error);
        var summary = await articles.RateAsync(slug, form.Stars!.Value, ReaderIdentity.KeyOf(context, issueCookie: true), ct);
        if (summary is null) return Http.NotFoundPage($"There is no article at /articles/{slug}.");
        return TypedResults.Redirect($"/articles/{slug}?thanks=rating#rating");
    }

    private static async Task<IResult> Feedback(
        string slug, [FromForm] FeedbackForm form, HttpContext context, ArticleService articles, IOptions<GalenWebOptions> options, CancellationToken ct)
    {
        if (InputRules.FeedbackError(form.Text, options.Value.MaxFeedbackLength) is { } error) return Http.BadRequestPage(error);
        if (!await articles.AddFeedbackAsync(slug, form.Text!.Trim(), RateLimiting.ClientOf(context), ct))
        {
            return Http.NotFoundPage($"There is no article at /articles/{slug}.");
        }
        return TypedResults.Redirect($"/articles/{slug}?thanks=feedback#feedback");
    }
}
