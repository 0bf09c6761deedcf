namespace Galen.Web.Pages;

/// <summary>Editorial policy, review board, about and disclaimer.</summary>
public static class InfoPages
{
    public static string EditorialPolicy(string canonical) => Layout.Page(
        new PageHead("Editorial policy", "How Galen writes, cites, reviews and corrects its answer articles.", canonical), w =>
        {
            w.Add($"<h1>Editorial policy</h1>");
            w.Add($"<h2>Every statement has a source</h2><p>Galen writes an article only from the sources in its evidence library. Each sentence carries numbered citations, and each number leads to the reference it came from. Hover over or focus a citation number to see the passage of the source behind the statement. When the library holds too little evidence, the article says so instead of filling the gap.</p>");
            w.Add($"<h2>How evidence is weighed</h2><p>Clinical practice guidelines come first, then systematic reviews and randomised trials, then observational studies, case reports and narrative reviews. Laboratory and animal studies are reported as such and never decide an answer. Newer evidence counts for more than older evidence of the same kind. For yes-or-no questions the short answer is Yes, No or Uncertain, and Uncertain is used whenever the evidence is thin or conflicting.</p>");
            w.Add($"<h2>Identifiers are never invented</h2><p>A reference links to PubMed, a DOI or a web page only when the source itself carried that identifier.</p>");
            w.Add($"<h2>Two wordings of the same evidence</h2><p>Readers choose between wording for clinicians and wording for patients and caregivers. Both are written from the same sources and cite them the same way.</p>");
            w.Add($"<h2>Human review</h2><p>Every article starts as <strong>Submitted</strong> and carries a notice that it is pending human review until it is approved. The review board is made of people with their own accounts (reviewers sign in with a password and a code from an authenticator app, or with a passkey that their device unlocks with a fingerprint, face or PIN); nobody shares a key, and each step is recorded with the person's name, the time, the article version and their comment.</p>");
            w.Add($"<ol><li>A reviewer of the <a href=\"/review-board\">medical review board</a> claims the article: it is <strong>Under Review</strong>.</li><li>The reviewer checks every statement against its cited passage and either approves it or requests changes. An editor then revises the wording (never the citations) and the new version returns to review.</li><li>An approval needs two different reviewers: the second confirms the first's review. Nobody can both approve and confirm the same version. The article page then names both reviewers, with their credentials, and the date.</li><li>A reviewer may reject an article, and an editor may withdraw one. The page then stays reachable, so that links do not break, but says at the top that the article was rejected or withdrawn and must not be relied on.</li></ol>");
            w.Add($"<h2>Versions and new evidence</h2><p>Every version of an article is kept unchanged, with the library and engine versions it was written with and a fingerprint of each source it cites; the <em>Version history</em> link under each title lists them. When new evidence is imported, published articles are answered again. Where the bottom line, a statement or a cited source changed, the new version goes to the board, and the page keeps showing the approved version with the notice <em>New evidence since approval: under re-review</em>. When a cited source is withdrawn from the library, the approval of every article citing it is withdrawn too.</p>");
            w.Add($"<h2>Independence</h2><p>Articles carry no advertising and no sponsored content. Reviewers declare their conflicts of interest on the review board page.</p>");
        });

    public static string ReviewBoardPage(IReadOnlyList<Articles.Reviewer> members, string canonical) => Layout.Page(
        new PageHead("Medical review board", "The clinicians who review and approve Galen's answer articles.", canonical), w =>
        {
            w.Add($"<h1>Medical review board</h1><p>Board members check articles against their sources. An article is approved only when two different members have reviewed it; their names appear on the articles they approve. Each member declares their conflicts of interest below.</p>");
            if (members.Count == 0)
            {
                w.Add($"<p class=\"notice\" id=\"no-reviewers\"><strong>This site has no reviewers yet.</strong> No article on it has been approved by a person. Its administrator adds reviewers with <code>galen users add --role reviewer</code>.</p>");
                return;
            }
            w.Add($"<ul class=\"board\">");
            foreach (var m in members)
            {
                w.Add($"<li class=\"reviewer\" id=\"reviewer-{m.Id}\"><h2>{m.Name}");
                if (!string.IsNullOrWhiteSpace(m.Credentials)) w.Add($"<span class=\"credentials\">, {m.Credentials}</span>");
                w.Add($"</h2><dl><dt>Specialty</dt><dd>{m.Specialty ?? "Not stated"}</dd><dt>Declared conflicts of interest</dt><dd>{m.Disclosures ?? "None declared"}</dd>");
                w.Add($"<dt>Articles reviewed</dt><dd>{m.ArticlesReviewed}</dd></dl>");
                if (!string.IsNullOrWhiteSpace(m.Bio)) w.Add($"<p>{m.Bio}</p>");
                w.Add($"</li>");
            }
            w.Add($"</ul>");
        });

    public static string About(string canonical) => Layout.Page(
        new PageHead("About Galen", "Galen is a self-hostable clinical evidence answer engine.", canonical), w =>
        {
            w.Add($"<h1>About Galen</h1>");
            w.Add($"<p>Galen answers medical questions from an evidence library that its operator controls. It finds the guidelines, research and patient information that bear on a question, grades them, and writes a short article: the bottom line first, then what the guidelines say, what the research shows and the practical details, with a numbered reference for every statement.</p>");
            w.Add($"<p>Galen runs on the operator's own machines and can work offline. The same answers are available to programs through a JSON interface, described at <a href=\"/openapi/v1.json\">/openapi/v1.json</a>.</p>");
            w.Add($"<h2>The starter library</h2><p class=\"notice\">The evidence library that ships with Galen is a small starter set written for demonstration. It is not complete and may be out of date. Check every answer against current guidance before any clinical use, and load your own guidelines and literature before relying on the service.</p>");
            w.Add($"<h2>Read more</h2><ul><li><a href=\"/editorial-policy\">Editorial policy</a></li><li><a href=\"/review-board\">Medical review board</a></li><li><a href=\"/disclaimer\">Disclaimer</a></li></ul>");
        });

    public static string Disclaimer(string canonical) => Layout.Page(
        new PageHead("Disclaimer", "What Galen's answers are and are not.", canonical), w =>
        {
            w.Add($"<h1>Disclaimer</h1>");
            w.Add($"<p>Galen's articles are summaries of the evidence in its library, written by software for education. They are not medical advice, a diagnosis or a treatment plan.</p>");
            w.Add($"<h2>For patients and caregivers</h2><p>Talk to a doctor, nurse or pharmacist before you start, stop or change any treatment. If you think you may have a medical emergency, call your local emergency number or go to the nearest emergency department now; do not wait for an answer from a website.</p>");
            w.Add($"<h2>For healthcare professionals</h2><p>Articles support, and never replace, clinical judgement. Verify doses, thresholds and recommendations against the cited primary sources and current local guidance before applying them to a patient.</p>");
            w.Add($"<h2>The starter library</h2><p class=\"notice\">The library that ships with Galen is for demonstration only. It covers a few topics, may be incomplete or out of date, and must be checked against current guidance before any clinical use.</p>");
            w.Add($"<h2>Review status</h2><p>Articles that are not yet approved by the <a href=\"/review-board\">medical review board</a> say so at the top. Approval means two reviewers checked the article against its sources at that date; evidence changes, and so may the article.</p>");
        });
}
