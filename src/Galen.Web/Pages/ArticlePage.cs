using Galen.Core.Answers;
using Galen.Web.Articles;
using Galen.Web.Html;
using Microsoft.AspNetCore.Antiforgery;

namespace Galen.Web.Pages;

public sealed record ArticleView(
    ArticleMeta Article,
    CachedAnswer Answer,
    Audience Audience,
    AntiforgeryTokenSet Tokens,
    IReadOnlyList<ArticleSummary> Related,
    ArticleSummary? Parent,
    string Canonical,
    string? Thanks);

/// <summary>The article page: urgent notice, question, review status, wording switch, answer, references, and the reader's forms.</summary>
public static class ArticlePage
{
    public static string Render(ArticleView v)
    {
        var answer = v.Answer.Answer;
        var a = v.Article;
        var description = Truncate(answer.BottomLine, 158);
        // Until the review board approves it, an article asks search engines not to list it.
        return Layout.Page(new PageHead(a.Question, description, v.Canonical, NoIndex: !a.Approved), w =>
        {
            if (answer.Urgent && !string.IsNullOrWhiteSpace(answer.UrgentNotice))
            {
                w.Add($"<aside class=\"urgent\" aria-labelledby=\"urgent-title\"><h2 id=\"urgent-title\">Get help now if this applies</h2><p>{answer.UrgentNotice}</p></aside>");
            }
            w.Add($"<article class=\"article\" aria-labelledby=\"article-title\"><header class=\"article-header\">");
            if (v.Parent is not null)
            {
                w.Add($"<p class=\"follows\">Follow-up to <a href=\"/articles/{v.Parent.Slug}\">{v.Parent.Question}</a></p>");
            }
            w.Add($"<h1 id=\"article-title\">{a.Question}</h1>");
            ReviewStatus(w, v);
            w.Add($"<p class=\"meta\">Last updated <time datetime=\"{Layout.IsoDate(a.UpdatedAt)}\">{Layout.Date(a.UpdatedAt)}</time> <span aria-hidden=\"true\">·</span> <a href=\"/articles/{a.Slug}/versions\">Version history</a> <span aria-hidden=\"true\">·</span> <a href=\"/editorial-policy\">Editorial policy</a></p>");
            w.Add($"</header>");
            AudienceSwitch(w, v);
            if (v.Answer.BodyHtml is null) v.Answer.BodyHtml = Body(answer);
            w.Raw(new HtmlString(v.Answer.BodyHtml));
            w.Add($"</article>");
            Reader(w, v);
        }, 24 * 1024);
    }

    /// <summary>An answer shown to its asker only: the answer itself and why it is not published.</summary>
    public static string RenderPrivate(string question, Answer answer, string reason)
    {
        return Layout.Page(new PageHead(question, NoIndex: true), w =>
        {
            if (answer.Urgent && !string.IsNullOrWhiteSpace(answer.UrgentNotice))
            {
                w.Add($"<aside class=\"urgent\" aria-labelledby=\"urgent-title\"><h2 id=\"urgent-title\">Get help now if this applies</h2><p>{answer.UrgentNotice}</p></aside>");
            }
            w.Add($"<article class=\"article private-answer\" aria-labelledby=\"article-title\"><header class=\"article-header\"><h1 id=\"article-title\">{question}</h1>");
            w.Add($"<p class=\"pending\" role=\"status\"><strong>Not published.</strong> {reason}</p></header>");
            w.Raw(new HtmlString(Body(answer)));
            w.Add($"</article><p><a href=\"/\">Ask another question</a></p>");
        });
    }

    private static void ReviewStatus(HtmlWriter w, ArticleView v)
    {
        var a = v.Article;
        var current = ReviewStates.IndexOf(a.ReviewState);
        w.Add($"<section class=\"review\" aria-labelledby=\"review-title\"><h2 id=\"review-title\" class=\"small-heading\">Article review status</h2><ol class=\"review-steps\">");
        for (var i = 0; i < ReviewStates.Order.Count; i++)
        {
            var state = ReviewStates.Order[i];
            var cls = i < current ? "done" : i == current ? "current" : "todo";
            if (i == current) w.Add($"<li class=\"{cls}\" aria-current=\"step\">{state}<span class=\"vh\"> (current)</span></li>");
            else w.Add($"<li class=\"{cls}\">{state}</li>");
        }
        w.Add($"</ol>");
        if (a.Approved)
        {
            if (a.Approval is { } approval)
            {
                w.Add($"<p class=\"approved\">Approved by <a href=\"{ProfileHref(approval.FirstId)}\">{approval.FirstSignature}</a> and <a href=\"{ProfileHref(approval.SecondId)}\">{approval.SecondSignature}</a> of the <a href=\"/review-board\">medical review board</a> on <time datetime=\"{Layout.IsoDate(approval.At)}\">{Layout.Date(approval.At)}</time>.</p>");
            }
            else
            {
                w.Add($"<p class=\"approved\">Approved by the <a href=\"/review-board\">medical review board</a>.</p>");
            }
            if (a.UnderReReview) w.Add($"<p class=\"notice re-review\"><strong>New evidence since approval: under re-review.</strong> This is the approved version; a newer version is with the review board.</p>");
        }
        else if (ReviewStates.IsClosed(a.ReviewState))
        {
            w.Add($"<p class=\"notice closed\"><strong>{(a.ReviewState == ReviewStates.Withdrawn ? "Withdrawn by the editors." : "Rejected by the medical review board.")}</strong> This article is no longer maintained and may be wrong. Do not rely on it; see the <a href=\"/editorial-policy\">editorial policy</a>.</p>");
        }
        else
        {
            w.Add($"<p class=\"pending\"><strong>Pending human review.</strong> This article was written automatically from the evidence library and has not yet been approved by the <a href=\"/review-board\">medical review board</a>. Use it for education only and check it against its sources.</p>");
        }
        w.Add($"</section>");
    }

    private static string ProfileHref(string? reviewerId) => reviewerId is null ? "/review-board" : Review.ReviewBoard.ProfileLink(reviewerId);

    private static void AudienceSwitch(HtmlWriter w, ArticleView v)
    {
        var clinician = v.Audience == Audience.Clinician;
        w.Add($"<form class=\"audience\" method=\"get\" action=\"/articles/{v.Article.Slug}\" data-autosubmit><fieldset><legend>Which best describes you?</legend>");
        w.Add($"<p class=\"hint\">We use the wording that suits you best. Your choice is remembered on this device.</p><div class=\"choices\">");
        w.Add($"<label><input type=\"radio\" name=\"audience\" value=\"clinician\"{(clinician ? Checked : HtmlString.Empty)}> Clinician</label>");
        w.Add($"<label><input type=\"radio\" name=\"audience\" value=\"patient\"{(clinician ? HtmlString.Empty : Checked)}> Patient or caregiver</label>");
        w.Add($"<button type=\"submit\" class=\"secondary\">Show this wording</button></div></fieldset></form>");
    }

    private static readonly HtmlString Checked = new(" checked");

    /// <summary>The answer itself; the same for every reader of an article version and audience, so it is rendered once.</summary>
    public static string Body(Answer answer)
    {
        var w = new HtmlWriter(12 * 1024);
        if (answer.TopicReadFromMeaning is { } topic)
        {
            w.Add($"<p class=\"topic-read\" role=\"note\">{Galen.Core.Composition.Wording.TopicReadNote(topic)}</p>");
        }
        w.Add($"<section class=\"bottom-line\" aria-labelledby=\"bottom-line-title\"><h2 id=\"bottom-line-title\">Bottom line</h2>");
        if (answer.Verdict is { } verdict)
        {
            var label = verdict switch { "yes" => "Yes", "no" => "No", _ => "Uncertain" };
            w.Add($"<p class=\"verdict verdict-{verdict}\"><span class=\"verdict-label\">Short answer:</span> <strong>{label}</strong>");
            if (!string.IsNullOrWhiteSpace(answer.VerdictReason)) w.Add($" <span class=\"verdict-reason\">{answer.VerdictReason}</span>");
            w.Add($"</p>");
        }
        w.Add($"<p class=\"bottom-line-text\">");
        StatementText(w, answer.BottomLineStatement);
        w.Add($"</p>");
        if (answer.Abstained) w.Add($"<p class=\"note\">The library holds too little evidence to answer this fully.</p>");
        w.Add($"</section>");

        var sectionIndex = 0;
        foreach (var section in answer.Sections)
        {
            if (section.Statements.Count == 0) continue;
            sectionIndex++;
            // Long sections start folded (their heading stays in view), so a phone shows the whole outline of the answer.
            var folded = section.Statements.Count >= CollapseFrom;
            if (folded) w.Add($"<details class=\"answer-section collapsible\"><summary><h2 id=\"s{sectionIndex}\">{section.Title}</h2><span class=\"count\">{section.Statements.Count} points</span></summary>");
            else w.Add($"<section class=\"answer-section\" aria-labelledby=\"s{sectionIndex}\"><h2 id=\"s{sectionIndex}\">{section.Title}</h2>");
            if (section.Statements.Count == 1 && !section.Numbered)
            {
                w.Add($"<p>");
                StatementText(w, section.Statements[0]);
                w.Add($"</p>");
            }
            else
            {
                if (section.Numbered) w.Add($"<ol>"); else w.Add($"<ul>");
                foreach (var statement in section.Statements)
                {
                    w.Add($"<li>");
                    StatementText(w, statement);
                    w.Add($"</li>");
                }
                if (section.Numbered) w.Add($"</ol>"); else w.Add($"</ul>");
            }
            if (folded) w.Add($"</details>"); else w.Add($"</section>");
        }

        if (answer.References.Count > 0)
        {
            w.Add($"<section class=\"references\" id=\"references\" aria-labelledby=\"references-title\"><h2 id=\"references-title\">References</h2><ol class=\"reference-list\">");
            foreach (var reference in answer.References) ReferenceItem(w, reference);
            w.Add($"</ol></section>");
        }
        var professional = answer.Audience == "clinician";
        w.Add($"<aside class=\"disclaimer\" aria-labelledby=\"disclaimer-title\"><h2 id=\"disclaimer-title\">{(professional ? "For healthcare professionals" : "Please read")}</h2><p>{answer.Disclaimer}</p></aside>");
        return w.ToString();
    }

    /// <summary>Sections with this many statements or more are folded.</summary>
    public const int CollapseFrom = 4;

    private static void StatementText(HtmlWriter w, Statement statement)
    {
        w.Text(statement.Text);
        if (statement.Citations.Count == 0) return;
        w.Add($"<sup class=\"cites\">");
        for (var i = 0; i < statement.Citations.Count; i++)
        {
            var n = statement.Citations[i];
            if (i > 0) w.Add($"<span class=\"sep\">, </span>");
            // The tooltip quotes the source as it words it, with the sentences around the cited one, and names its part.
            var spans = statement.Spans.Where(s => s.Ref == n).Select(s => (s.Section, Text: (s.Passage ?? s.Text).Trim()))
                .Where(t => t.Text.Length > 0).Distinct().ToList();
            var tip = spans.Count == 0 ? null : Truncate(string.Join(" … ", spans.Select(t => $"Source passage ({t.Section}): “{t.Text}”")), 480);
            if (tip is null) w.Add($"<a class=\"cite\" href=\"#ref-{n}\"><span class=\"vh\">Reference </span>{n}</a>");
            else w.Add($"<a class=\"cite\" href=\"#ref-{n}\" title=\"{tip}\" data-span=\"{tip}\"><span class=\"vh\">Reference </span>{n}</a>");
        }
        w.Add($"</sup>");
    }

    public static string KindLabel(string kind) => kind switch
    {
        "guideline" => "Guideline",
        "research" => "Research",
        "patient-information" => "Patient information",
        "drug-label" => "Drug label",
        _ => kind,
    };

    private static void ReferenceItem(HtmlWriter w, Reference r)
    {
        w.Add($"<li id=\"ref-{r.N}\" tabindex=\"-1\"><span class=\"kind kind-{r.Kind}\">{KindLabel(r.Kind)}</span> <cite>{r.Title}</cite>");
        var where = string.Join(", ", new[] { r.Container, r.Year?.ToString(System.Globalization.CultureInfo.InvariantCulture) }.Where(s => !string.IsNullOrWhiteSpace(s)));
        if (where.Length > 0) w.Add($"<span class=\"where\">{where}</span>");
        if (!string.IsNullOrWhiteSpace(r.Edition)) w.Add($"<span class=\"edition\">Edition summarised: {r.Edition}</span>");
        if (!string.IsNullOrWhiteSpace(r.NewerEdition)) w.Add($"<span class=\"newer-edition\"><strong>Newer edition:</strong> {r.NewerEdition}. Check it before relying on this reference.</span>");
        var ids = r.ExternalIds;
        var links = new List<(string Href, string Label)>();
        if (!string.IsNullOrWhiteSpace(ids.Pmid) && ids.Pmid.All(char.IsAsciiDigit)) links.Add(($"https://pubmed.ncbi.nlm.nih.gov/{ids.Pmid}/", $"PubMed {ids.Pmid}"));
        if (!string.IsNullOrWhiteSpace(ids.Doi)) links.Add(("https://doi.org/" + ids.Doi.Trim(), "DOI " + ids.Doi.Trim()));
        if (IsWebUrl(ids.Url)) links.Add((ids.Url!, "Source page"));
        if (links.Count > 0)
        {
            w.Add($"<span class=\"links\">");
            foreach (var (href, label) in links) w.Add($"<a href=\"{href}\" rel=\"noopener\">{label}</a>");
            w.Add($"</span>");
        }
        w.Add($"</li>");
    }

    private static bool IsWebUrl(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp);

    private static void Reader(HtmlWriter w, ArticleView v)
    {
        var a = v.Article;
        var answer = v.Answer.Answer;
        var audience = v.Audience.ToSlug();
        w.Add($"<section class=\"follow-up\" aria-labelledby=\"follow-up-title\"><h2 id=\"follow-up-title\">Have a follow-up question?</h2>");
        w.Add($"<p>Your next question continues this conversation and opens its own article.</p>");
        Layout.AskForm(w, v.Tokens, "follow-up-question", "Your follow-up question", a.Slug, audience);
        if (answer.FollowUps.Count > 0)
        {
            w.Add($"<h3>People also ask</h3><ul class=\"suggestions\">");
            foreach (var followUp in answer.FollowUps)
            {
                w.Add($"<li><form method=\"post\" action=\"/ask\">");
                Layout.Token(w, v.Tokens);
                w.Add($"<input type=\"hidden\" name=\"parent\" value=\"{a.Slug}\"><input type=\"hidden\" name=\"audience\" value=\"{audience}\"><input type=\"hidden\" name=\"question\" value=\"{followUp}\"><button type=\"submit\" class=\"suggestion\">{followUp}</button></form></li>");
            }
            w.Add($"</ul>");
        }
        w.Add($"</section>");

        w.Add($"<section class=\"rating\" id=\"rating\" aria-labelledby=\"rating-title\"><h2 id=\"rating-title\">How useful was this answer?</h2>");
        if (v.Thanks == "rating") w.Add($"<p class=\"thanks\" role=\"status\">Thank you for rating this answer.</p>");
        w.Add($"<p class=\"rating-summary\">");
        if (a.Rating.Count == 0) w.Add($"No ratings yet.");
        else w.Add($"Rated {a.Rating.Mean?.ToString("0.0", System.Globalization.CultureInfo.InvariantCulture)} out of 5 by {a.Rating.Count} {(a.Rating.Count == 1 ? "reader" : "readers")}.");
        w.Add($"</p><form method=\"post\" action=\"/articles/{a.Slug}/rate\">");
        Layout.Token(w, v.Tokens);
        w.Add($"<fieldset class=\"stars\"><legend>Your rating, from 1 (not useful) to 5 (very useful)</legend>");
        for (var s = 1; s <= 5; s++)
        {
            w.Add($"<label><input type=\"radio\" name=\"stars\" value=\"{s}\" required><span>{s} {(s == 1 ? "star" : "stars")}</span></label>");
        }
        w.Add($"</fieldset><button type=\"submit\">Send rating</button></form></section>");

        w.Add($"<section class=\"feedback\" id=\"feedback\" aria-labelledby=\"feedback-title\"><h2 id=\"feedback-title\">How can we improve this answer?</h2>");
        if (v.Thanks == "feedback") w.Add($"<p class=\"thanks\" role=\"status\">Thank you. The review board reads every comment.</p>");
        w.Add($"<form method=\"post\" action=\"/articles/{a.Slug}/feedback\">");
        Layout.Token(w, v.Tokens);
        w.Add($"<label for=\"feedback-text\">Tell us what is missing, unclear or wrong</label><textarea id=\"feedback-text\" name=\"text\" rows=\"4\" maxlength=\"4000\" required></textarea><button type=\"submit\">Send feedback</button></form></section>");

        if (v.Related.Count > 0)
        {
            w.Add($"<nav class=\"related\" aria-labelledby=\"related-title\"><h2 id=\"related-title\">Related articles</h2><ul>");
            foreach (var r in v.Related) w.Add($"<li><a href=\"/articles/{r.Slug}\">{r.Question}</a> <span class=\"state state-{Layout.StateClass(r.ReviewState)}\">{r.ReviewState}</span></li>");
            w.Add($"</ul></nav>");
        }
    }

    public static string Truncate(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        return (cut > max / 2 ? text[..cut] : text[..(max - 1)]) + "…";
    }
}
