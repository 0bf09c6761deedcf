using Galen.Web.Articles;
using Galen.Web.Html;
using Microsoft.AspNetCore.Antiforgery;

namespace Galen.Web.Pages;

public sealed record HomeView(
    AntiforgeryTokenSet Tokens,
    string Audience,
    IReadOnlyList<ArticleSummary> Approved,
    IReadOnlyList<ArticleSummary> Recent,
    string? Query,
    IReadOnlyList<ArticleSummary>? Results,
    string? Error,
    string? Question,
    string Canonical);

public static class HomePage
{
    public static string Render(HomeView v) => Layout.Page(
        new PageHead(v.Query is null ? "Ask a clinical question" : $"Articles about {v.Query}",
            "Ask a medical question and get an answer built from guidelines, research and patient information, with every statement cited.",
            v.Canonical), w =>
        {
            w.Add($"<section class=\"hero\" aria-labelledby=\"ask-title\"><h1 id=\"ask-title\">Ask a clinical question</h1>");
            w.Add($"<p>Galen searches its evidence library, grades what it finds and writes a short answer with numbered references. Answers stay marked as pending until the medical review board approves them.</p>");
            Layout.AskForm(w, v.Tokens, "question", "Your question", null, v.Audience, v.Error, v.Question);
            w.Add($"</section>");

            w.Add($"<section class=\"search\" aria-labelledby=\"search-title\"><h2 id=\"search-title\">Search articles</h2><form method=\"get\" action=\"/\" role=\"search\"><label for=\"q\">Words in the question</label><div class=\"ask-row\"><input type=\"search\" id=\"q\" name=\"q\" value=\"{v.Query}\" maxlength=\"200\"><button type=\"submit\" class=\"secondary\">Search</button></div></form>");
            if (v.Results is not null)
            {
                if (v.Results.Count == 0) w.Add($"<p role=\"status\">No article matches “{v.Query}”. Ask it as a question above.</p>");
                else
                {
                    w.Add($"<p role=\"status\">{v.Results.Count} {(v.Results.Count == 1 ? "article matches" : "articles match")}.</p>");
                    List(w, v.Results);
                }
            }
            w.Add($"</section>");

            w.Add($"<div class=\"columns\"><section aria-labelledby=\"approved-title\"><h2 id=\"approved-title\">Approved by the review board</h2>");
            if (v.Approved.Count == 0) w.Add($"<p class=\"muted\">No article has been approved yet.</p>");
            else List(w, v.Approved);
            w.Add($"</section><section aria-labelledby=\"recent-title\"><h2 id=\"recent-title\">Recently asked</h2>");
            if (v.Recent.Count == 0) w.Add($"<p class=\"muted\">Nothing has been asked yet. Try: Can magnesium help restless legs syndrome?</p>");
            else List(w, v.Recent);
            w.Add($"</section></div>");
        });

    public static void List(HtmlWriter w, IReadOnlyList<ArticleSummary> items)
    {
        w.Add($"<ul class=\"article-list\">");
        foreach (var item in items)
        {
            w.Add($"<li><a href=\"/articles/{item.Slug}\">{item.Question}</a> <span class=\"state state-{Layout.StateClass(item.ReviewState)}\">{item.ReviewState}</span></li>");
        }
        w.Add($"</ul>");
    }
}
