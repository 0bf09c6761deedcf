using Galen.Core.Answers;
using Galen.Web.Articles;
using Galen.Web.Html;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Galen.Web.Tests;

/// <summary>The article page from a hand-made answer: parts the starter library may not exercise.</summary>
public sealed class RenderingTests
{
    private static Answer Sample(bool urgent) => new()
    {
        Question = "Is this <b>an</b> emergency?",
        Audience = "patient",
        QuestionKind = "yes-no-efficacy",
        Verdict = "uncertain",
        Urgent = urgent,
        UrgentNotice = urgent ? "Call your local emergency number now if the neck twists & will not relax." : null,
        BottomLineStatement = new Statement("The evidence is thin.", [1, 2], [new SourceSpan(1, "k1", "Summary", 0, 10, "Span \"one\" <text>")]),
        Sections =
        [
            new AnswerSection("Treatment steps", [new Statement("First step.", [1], []), new Statement("Second step.", [2], [])], Numbered: true),
            new AnswerSection("Empty", []),
        ],
        References =
        [
            new Reference(1, "guideline", "A guideline", "A society", 2024, new ExternalIdsView(null, null, "https://example.org/guideline", null, "g1")),
            new Reference(2, "research", "A trial", "A journal", 2019, new ExternalIdsView("12345678", "10.1000/xyz", null, null, null)),
            new Reference(3, "patient-information", "A leaflet", null, null, new ExternalIdsView(null, null, "javascript:alert(1)", null, null)),
        ],
        FollowUps = ["What are the \"side effects\"?"],
        Disclaimer = "See a doctor.",
    };

    private static string Render(Answer answer, string state = ReviewStates.Submitted)
    {
        var meta = new ArticleMeta(1, "is-this-an-emergency", answer.Question, state, 1, answer.Urgent, null, null,
            new DateTime(2026, 5, 14, 0, 0, 0, DateTimeKind.Utc), new DateTime(2026, 5, 14, 0, 0, 0, DateTimeKind.Utc), new RatingSummary(2, 4.5));
        var tokens = new AntiforgeryTokenSet("request-token", "cookie-token", "__af", null);
        return ArticlePage.Render(new ArticleView(meta, new CachedAnswer(answer, "{}"), Audience.Patient, tokens, [], null,
            "http://localhost/articles/is-this-an-emergency?audience=patient", null));
    }

    [Fact]
    public void The_urgent_notice_comes_before_everything_else()
    {
        var html = Render(Sample(urgent: true));
        var urgent = html.IndexOf("class=\"urgent\"", StringComparison.Ordinal);
        Assert.True(urgent > 0);
        Assert.True(urgent < html.IndexOf("<h1", StringComparison.Ordinal));
        Assert.Contains("neck twists &amp; will not relax", html);
        Assert.DoesNotContain("class=\"urgent\"", Render(Sample(urgent: false)));
    }

    [Fact]
    public void References_link_to_pubmed_doi_and_web_pages_only_when_ids_exist()
    {
        var html = Render(Sample(urgent: false));
        Assert.Contains("href=\"https://pubmed.ncbi.nlm.nih.gov/12345678/\"", html);
        Assert.Contains("href=\"https://doi.org/10.1000/xyz\"", html);
        Assert.Contains("href=\"https://example.org/guideline\"", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<span class=\"kind kind-patient-information\">Patient information</span>", html);
        Assert.Contains("<span class=\"kind kind-research\">Research</span>", html);
        Assert.Contains("A journal, 2019", html);
    }

    [Fact]
    public void The_citation_tooltip_quotes_the_passage_around_the_cited_sentence_and_references_show_editions()
    {
        var answer = Sample(urgent: false) with
        {
            BottomLineStatement = new Statement("Plain words.", [1],
                [new SourceSpan(1, "k1", "Dosing", 0, 10, "The cited sentence.") { Passage = "The sentence before. The cited sentence. The sentence after." }]),
            References =
            [
                new Reference(1, "guideline", "A guideline", "A society", 2017, new ExternalIdsView(null, null, null, null, "g1"))
                { Edition = "2017 edition", NewerEdition = "superseded by the 2025 guideline" },
            ],
        };
        var html = Render(answer);

        Assert.Contains("data-span=\"Source passage (Dosing): “The sentence before. The cited sentence. The sentence after.”\"", html);
        Assert.Contains("Edition summarised: 2017 edition", html);
        Assert.Contains("<strong>Newer edition:</strong> superseded by the 2025 guideline", html);
    }

    [Fact]
    public void Long_sections_are_folded_and_short_ones_are_not()
    {
        var many = Enumerable.Range(1, ArticlePage.CollapseFrom).Select(i => new Statement($"Point {i}.", [1], [])).ToList();
        var answer = Sample(urgent: false) with
        {
            Sections = [new AnswerSection("Long", many), new AnswerSection("Short", [new Statement("One point.", [1], [])])],
        };
        var html = Render(answer);

        Assert.Contains($"<details class=\"answer-section collapsible\"><summary><h2 id=\"s1\">Long</h2><span class=\"count\">{ArticlePage.CollapseFrom} points</span></summary>", html);
        Assert.Contains("<section class=\"answer-section\" aria-labelledby=\"s2\"><h2 id=\"s2\">Short</h2>", html);
    }

    [Fact]
    public void Statements_cite_numbered_references_with_their_span_text_escaped()
    {
        var html = Render(Sample(urgent: false));
        Assert.Contains("<a class=\"cite\" href=\"#ref-1\" title=\"Source passage (Summary): “Span &quot;one&quot; &lt;text&gt;”\" data-span=\"Source passage (Summary): “Span &quot;one&quot; &lt;text&gt;”\">", html);
        Assert.Contains("<a class=\"cite\" href=\"#ref-2\"><span class=\"vh\">Reference </span>2</a>", html);
        Assert.Contains("<ol><li>First step.", html);
        Assert.DoesNotContain(">Empty</h2>", html);
        Assert.Contains("<strong>Uncertain</strong>", html);
        Assert.Contains("Is this &lt;b&gt;an&lt;/b&gt; emergency?", html);
        Assert.Contains("value=\"What are the &quot;side effects&quot;?\"", html);
        Assert.Contains("Rated 4.5 out of 5 by 2 readers.", html);
        Assert.Contains("<time datetime=\"2026-05-14\">May 14, 2026</time>", html);
    }

    [Fact]
    public void Approved_articles_drop_the_pending_notice()
    {
        Assert.Contains("Pending human review", Render(Sample(false)));
        Assert.DoesNotContain("Pending human review", Render(Sample(false), ReviewStates.Approved));
    }

    [Theory]
    [InlineData("<script>", "&lt;script&gt;")]
    [InlineData("a & \"b\" 'c'", "a &amp; &quot;b&quot; &#39;c&#39;")]
    [InlineData("plain", "plain")]
    public void The_html_writer_escapes_every_hole(string input, string expected)
    {
        var w = new HtmlWriter();
        w.Add($"<p title=\"{input}\">{input}</p>");
        Assert.Equal($"<p title=\"{expected}\">{expected}</p>", w.ToString());
    }

    [Theory]
    [InlineData("Can magnesium be used to treat restless legs syndrome?", "can-magnesium-be-used-to-treat-restless-legs-syndrome")]
    [InlineData("  Is café au lait OK?? ", "is-caf-au-lait-ok")]
    [InlineData("???", "question")]
    public void Slugs_come_from_the_question(string question, string slug) => Assert.Equal(slug, Slugs.FromQuestion(question));
}
