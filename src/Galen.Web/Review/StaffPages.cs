using System.Globalization;
using Galen.Core.Answers;
using Galen.Evidence.Store;
using Galen.Web.Articles;
using Galen.Web.Html;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;

namespace Galen.Web.Review;

/// <summary>The staff pages: sign-in, the review desk (queue, article, diff), staff and audit log (admins).</summary>
public static class StaffPages
{
    /// <summary>The 401 (with a sign-in link) and 403 pages of the staff endpoints.</summary>
    public static Task WriteStatusAsync(HttpContext context, int status, string? returnUrl)
    {
        context.Response.StatusCode = status;
        context.Response.Headers.CacheControl = "no-store";
        if (!ErrorResponses.WantsHtml(context))
        {
            return ErrorResponses.WriteAsync(context, status, status == 401 ? "Sign in required" : "Not allowed",
                status == 401 ? "This is a staff page: sign in at /sign-in." : "Your account does not have the role this needs.");
        }
        var html = status == StatusCodes.Status401Unauthorized
            ? Layout.Page(new PageHead("Sign in required", NoIndex: true), w =>
                w.Add($"<h1>Sign in required</h1><p>This page is for the editors and reviewers of the medical review board.</p><p><a href=\"/sign-in?returnUrl={Uri.EscapeDataString(returnUrl ?? "/desk")}\">Sign in</a></p><p class=\"muted\">Error 401.</p>"))
            : TwoFactor.Required(context.User) && !TwoFactor.Passed(context.User)
                ? Layout.Page(new PageHead("Two-step sign-in required", NoIndex: true), w =>
                    w.Add($"<h1>Two-step sign-in required</h1><p>Reviewers and administrators sign in with a password and a code from an authenticator app, or with a passkey.</p><p><a href=\"/account/two-factor\">Set up two-step sign-in</a>, or sign out and sign in again with your code or your passkey.</p><p class=\"muted\">Error 403.</p>"))
                : Layout.ErrorPage(status, "Not allowed", "Your account does not have the role this needs. Ask an administrator if it should.");
        context.Response.ContentType = Http.HtmlContentType;
        return context.Response.WriteAsync(html);
    }

    public static string TwoFactorSetup(AntiforgeryTokenSet tokens, string email, string key, string? error) =>
        Layout.Page(new PageHead("Two-step sign-in", NoIndex: true), w =>
        {
            w.Add($"<h1>Set up two-step sign-in</h1><p>Reviewers and administrators sign in with their password and a six-digit code from an authenticator app. Add this key to the app (or the link, on a phone), then enter the code it shows.</p>");
            var uri = $"otpauth://totp/Galen:{Uri.EscapeDataString(email)}?secret={key}&issuer=Galen&digits=6";
            w.Add($"<p>Key: <code id=\"totp-key\">{key}</code></p><p><a href=\"{uri}\">Open in an authenticator app</a></p>");
            if (error is not null) w.Add($"<p class=\"error\" role=\"alert\">{error}</p>");
            w.Add($"<form method=\"post\" action=\"/account/two-factor\" class=\"staff-form\">");
            Layout.Token(w, tokens);
            w.Add($"<label for=\"code\">Code from the app</label><input type=\"text\" id=\"code\" name=\"code\" required inputmode=\"numeric\" autocomplete=\"one-time-code\" pattern=\"[0-9 ]{{6,8}}\" maxlength=\"8\">");
            w.Add($"<button type=\"submit\">Turn on two-step sign-in</button></form>");
        });

    public static string SignIn(AntiforgeryTokenSet tokens, string returnUrl, string? error, string? email, bool choosePassword, bool askCode = false) =>
        Layout.Page(new PageHead("Sign in", NoIndex: true), w =>
        {
            w.Add($"<h1>Staff sign-in</h1><p>For editors, reviewers and administrators. Readers need no account.</p>");
            if (error is not null) w.Add($"<p class=\"error\" role=\"alert\" id=\"sign-in-error\">{error}</p>");
            w.Add($"<form method=\"post\" action=\"/sign-in\" class=\"staff-form\">");
            Layout.Token(w, tokens);
            w.Add($"<input type=\"hidden\" name=\"returnUrl\" value=\"{returnUrl}\">");
            w.Add($"<label for=\"email\">Email</label><input type=\"email\" id=\"email\" name=\"email\" required autocomplete=\"username\" value=\"{email}\">");
            w.Add($"<label for=\"password\">{(choosePassword ? "One-time password" : "Password")}</label><input type=\"password\" id=\"password\" name=\"password\" required autocomplete=\"current-password\">");
            if (askCode)
            {
                w.Add($"<label for=\"code\">Code from your authenticator app</label><input type=\"text\" id=\"code\" name=\"code\" required inputmode=\"numeric\" autocomplete=\"one-time-code\" maxlength=\"8\">");
            }
            if (choosePassword)
            {
                w.Add($"<label for=\"new-password\">Choose your own password (at least 12 characters)</label><input type=\"password\" id=\"new-password\" name=\"newPassword\" required minlength=\"12\" autocomplete=\"new-password\">");
            }
            w.Add($"<button type=\"submit\">Sign in</button></form>");
            if (!choosePassword && !askCode)
            {
                // A passkey signs in without the password (and without the authenticator code: see StaffPasskeys).
                w.Add($"<section class=\"passkey-sign-in\" aria-labelledby=\"passkey-title\"><h2 id=\"passkey-title\">Or use a passkey</h2>");
                w.Add($"<form method=\"post\" action=\"/sign-in/passkey\" class=\"staff-form\" data-passkey=\"get\">");
                Layout.Token(w, tokens);
                w.Add($"<input type=\"hidden\" name=\"returnUrl\" value=\"{returnUrl}\"><input type=\"hidden\" name=\"credential\" value=\"\">");
                w.Add($"<p class=\"hint\">If you added a passkey on your account page, your device signs you in with your fingerprint, face or PIN.</p>");
                w.Add($"<button type=\"submit\" class=\"secondary\">Sign in with a passkey</button><p class=\"error\" role=\"status\" data-passkey-status></p></form></section>");
            }
        });

    public static string Account(HttpContext context, AntiforgeryTokenSet tokens, StaffUser user, IReadOnlyList<StaffPasskey> passkeys, string? done, string? error) =>
        Layout.Page(new PageHead("Your account", NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>Your account</h1>");
            if (done is not null) w.Add($"<p class=\"thanks\" role=\"status\">{done}</p>");
            if (error is not null) w.Add($"<p class=\"error\" role=\"alert\" id=\"account-error\">{error}</p>");
            w.Add($"<p>{user.Signature} &lt;{user.Email}&gt;</p>");
            w.Add($"<section aria-labelledby=\"two-step-title\"><h2 id=\"two-step-title\">Two-step sign-in</h2><p>");
            w.Add($"{(user.TwoFactorEnabled ? "On: a password sign-in asks for the code from your authenticator app." : "Off.")} ");
            if (!user.TwoFactorEnabled) w.Add($"<a href=\"/account/two-factor\">Set up two-step sign-in</a>");
            w.Add($"</p></section>");

            w.Add($"<section aria-labelledby=\"passkeys-title\"><h2 id=\"passkeys-title\">Passkeys</h2>");
            w.Add($"<p>A passkey signs you in with this device's fingerprint, face or PIN instead of a password. It is kept by your device, cannot be phished, and counts as two-step sign-in on its own.</p>");
            if (passkeys.Count == 0) w.Add($"<p id=\"no-passkeys\">You have no passkeys.</p>");
            else
            {
                w.Add($"<table class=\"passkeys\"><thead><tr><th scope=\"col\">Passkey</th><th scope=\"col\">Added</th><th scope=\"col\"></th></tr></thead><tbody>");
                foreach (var p in passkeys)
                {
                    w.Add($"<tr><td>{p.Name}</td><td><time datetime=\"{Layout.IsoDate(p.CreatedAt.UtcDateTime)}\">{Layout.Date(p.CreatedAt.UtcDateTime)}</time></td><td>");
                    w.Add($"<form method=\"post\" action=\"/account/passkeys/remove\" class=\"inline\">");
                    Layout.Token(w, tokens);
                    w.Add($"<input type=\"hidden\" name=\"id\" value=\"{p.Id}\"><button type=\"submit\" class=\"secondary\" aria-label=\"Remove {p.Name}\">Remove</button></form></td></tr>");
                }
                w.Add($"</tbody></table>");
            }
            w.Add($"<form method=\"post\" action=\"/account/passkeys\" class=\"staff-form\" data-passkey=\"create\">");
            Layout.Token(w, tokens);
            w.Add($"<label for=\"passkey-name\">Name of the new passkey (for example, the device it is on)</label><input type=\"text\" id=\"passkey-name\" name=\"name\" required maxlength=\"{StaffPasskeys.MaxName}\">");
            w.Add($"<input type=\"hidden\" name=\"credential\" value=\"\"><button type=\"submit\">Add a passkey</button><p class=\"error\" role=\"status\" data-passkey-status></p></form>");
            w.Add($"<noscript><p>Adding a passkey needs JavaScript.</p></noscript></section>");
        });

    private static void DeskNav(HtmlWriter w, HttpContext context, AntiforgeryTokenSet tokens)
    {
        w.Add($"<nav class=\"desk-nav\" aria-label=\"Review desk\"><a href=\"/desk\">Queue</a> <a href=\"/account\">Your account</a>");
        if (context.User.IsInRole(StaffRoles.Admin)) w.Add($" <a href=\"/desk/staff\">Staff</a> <a href=\"/desk/audit\">Audit log</a>");
        w.Add($"<form method=\"post\" action=\"/sign-out\" class=\"inline\">");
        Layout.Token(w, tokens);
        w.Add($"<span class=\"muted\">Signed in as {context.User.Identity?.Name}</span> <button type=\"submit\" class=\"secondary\">Sign out</button></form></nav>");
    }

    public static string Queue(HttpContext context, AntiforgeryTokenSet tokens, QueuePage queue) =>
        Layout.Page(new PageHead("Review queue", NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>Review queue</h1>");
            if (queue.Total == 0)
            {
                w.Add($"<p>Nothing waits for the board: every article is approved, rejected or withdrawn, and no reader asked for a look.</p>");
            }
            else
            {
                w.Add($"<p id=\"queue-count\">{queue.Total} {(queue.Total == 1 ? "article waits" : "articles wait")} for the board; showing {queue.First} to {queue.Last}, page {queue.Page} of {queue.Pages}.</p>");
            }
            w.Add($"<table class=\"queue\"><thead><tr><th scope=\"col\">Article</th><th scope=\"col\">State</th><th scope=\"col\">Version</th><th scope=\"col\">Readers</th><th scope=\"col\">Claimed by</th></tr></thead><tbody>");
            foreach (var q in queue.Entries)
            {
                w.Add($"<tr><td><a href=\"/desk/articles/{q.Slug}\">{q.Question}</a>");
                if (q.TriageSince is not null) w.Add($" <span class=\"badge\">Readers asked for a look</span>");
                if (q.Approved && q.LatestVersion > q.Version) w.Add($" <span class=\"badge\">Re-review of an approved article</span>");
                w.Add($"</td><td><span class=\"state state-{Layout.StateClass(q.ReviewState)}\">{q.ReviewState}</span></td><td>{q.LatestVersion}</td>");
                w.Add($"<td>{q.Feedback} feedback, {q.Ratings} {(q.Ratings == 1 ? "rating" : "ratings")}");
                if (q.MeanRating is { } mean) w.Add($" (mean {mean.ToString("0.0", CultureInfo.InvariantCulture)})");
                w.Add($"</td><td>{q.ClaimedBy ?? "nobody"}</td></tr>");
            }
            w.Add($"</tbody></table>");
            if (queue.HasPrevious || queue.HasNext)
            {
                w.Add($"<nav class=\"pager\" aria-label=\"Queue pages\">");
                if (queue.HasPrevious) w.Add($"<a rel=\"prev\" href=\"/desk?page={queue.Page - 1}\">Previous page</a> ");
                if (queue.HasNext) w.Add($"<a rel=\"next\" href=\"/desk?page={queue.Page + 1}\">Next page</a>");
                w.Add($"</nav>");
            }
        });

    public static string Article(HttpContext context, AntiforgeryTokenSet tokens, DeskArticle a, Answer latestClinician, Answer latestPatient,
        VersionDiff? diff, int? diffFrom, IReadOnlyList<AuditEntry> history, string? done, EditorWording? wording = null) =>
        Layout.Page(new PageHead(a.Question, NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>{a.Question}</h1>");
            if (done is not null) w.Add($"<p class=\"thanks\" role=\"status\">{done}</p>");
            w.Add($"<p>State: <span class=\"state state-{Layout.StateClass(a.ReviewState)}\" id=\"desk-state\">{a.ReviewState}</span>. Latest version {a.LatestVersion}; readers see version {a.Version}");
            w.Add($"{(a.ApprovedVersion is { } av ? $" (approved version {av})" : " (not approved)")}. <a href=\"/articles/{a.Slug}\">Public page</a>.</p>");
            if (a.ClaimedBy is not null) w.Add($"<p>Claimed by {a.ClaimedBy}.</p>");
            if (a.FirstApprover is not null && a.ReviewState == ReviewStates.SecondReview) w.Add($"<p>Approved by {a.FirstApprover}; waiting for a second, different reviewer to confirm.</p>");
            var userId = context.User.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value;
            if (a.TriageSince is { } since) w.Add($"<p class=\"notice\">Readers asked for a look (a low rating or feedback) since {Layout.Date(since)}. Approval stands until the board decides.</p>");

            Actions(w, context, tokens, a, userId);

            w.Add($"<section aria-labelledby=\"changes-title\"><h2 id=\"changes-title\">What changed</h2>");
            if (diff is null) w.Add($"<p>This is the first version.</p>");
            else Diff(w, diff, diffFrom ?? 0, a.LatestVersion, wording);
            w.Add($"</section>");

            w.Add($"<section aria-labelledby=\"versions-title\"><h2 id=\"versions-title\">Versions</h2><table><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Written</th><th scope=\"col\">Why</th><th scope=\"col\">By</th><th scope=\"col\">Library</th><th scope=\"col\">Engine</th><th scope=\"col\">Cited sources</th><th scope=\"col\">Compare</th></tr></thead><tbody>");
            foreach (var v in a.Versions)
            {
                w.Add($"<tr><td>{v.Number}</td><td>{Layout.Date(v.CreatedAt)}</td><td>{v.Reason}</td><td>{v.Author ?? "Galen"}</td><td>{v.LibraryVersion}</td><td>{v.EngineVersion}</td><td>{v.CitedSources}</td><td>");
                if (v.Number > 1) w.Add($"<a href=\"/desk/articles/{a.Slug}/diff?from={v.Number - 1}&to={v.Number}\">{v.Number - 1} → {v.Number}</a>");
                w.Add($"</td></tr>");
            }
            w.Add($"</tbody></table>");
            VersionPicker(w, a.Slug, a.Versions.Select(v => v.Number).ToList(), diffFrom ?? Math.Max(1, a.LatestVersion - 1), a.LatestVersion);
            w.Add($"</section>");

            w.Add($"<section aria-labelledby=\"readers-title\"><h2 id=\"readers-title\">Readers</h2><p>");
            if (a.Rating.Count == 0) w.Add($"No ratings.");
            else w.Add($"Rated {a.Rating.Mean?.ToString("0.0", CultureInfo.InvariantCulture)} out of 5 by {a.Rating.Count}.");
            w.Add($"</p>");
            if (a.Feedback.Count == 0) w.Add($"<p>No feedback.</p>");
            w.Add($"<ul class=\"feedback-list\">");
            foreach (var f in a.Feedback) w.Add($"<li><blockquote>{f.Text}</blockquote><time datetime=\"{Layout.IsoDate(f.At)}\">{Layout.Date(f.At)}</time></li>");
            w.Add($"</ul></section>");

            if (context.User.IsInRole(StaffRoles.Editor) && !ReviewStates.IsClosed(a.ReviewState)) ReviseForm(w, tokens, a, latestClinician, latestPatient);

            w.Add($"<section aria-labelledby=\"history-title\"><h2 id=\"history-title\">History</h2>");
            History(w, history);
            w.Add($"</section>");
        }, 32 * 1024);

    private static void Actions(HtmlWriter w, HttpContext context, AntiforgeryTokenSet tokens, DeskArticle a, string? userId)
    {
        var reviewer = context.User.IsInRole(StaffRoles.Reviewer);
        var editor = context.User.IsInRole(StaffRoles.Editor);
        var s = a.ReviewState;
        w.Add($"<section aria-labelledby=\"actions-title\"><h2 id=\"actions-title\">Your next step</h2><div class=\"desk-actions\">");
        var any = false;
        void Form(string action, string label, bool comment, bool commentRequired)
        {
            any = true;
            w.Add($"<form method=\"post\" action=\"/desk/articles/{a.Slug}/{action}\" class=\"review-form\">");
            Layout.Token(w, tokens);
            w.Add($"<input type=\"hidden\" name=\"revision\" value=\"{a.Revision}\">");
            if (comment)
            {
                var id = $"comment-{action}";
                w.Add($"<label for=\"{id}\">Comment for {label.ToLowerInvariant()}{(commentRequired ? " (required)" : " (optional)")}</label><textarea id=\"{id}\" name=\"comment\" rows=\"2\" maxlength=\"{ReviewWorkflow.MaxComment}\"{(commentRequired ? new HtmlString(" required") : HtmlString.Empty)}></textarea>");
            }
            w.Add($"<button type=\"submit\">{label}</button></form>");
        }
        if (reviewer)
        {
            if (s == ReviewStates.Submitted) Form("claim", "Claim for review", false, false);
            if (s == ReviewStates.UnderReview) Form("approve", "Approve", true, false);
            if (s == ReviewStates.SecondReview && a.FirstApproverId != userId) Form("confirm", "Confirm approval", true, false);
            if (s == ReviewStates.SecondReview && a.FirstApproverId == userId) w.Add($"<p>You approved this version; a different reviewer must confirm it.</p>");
            if (s is ReviewStates.UnderReview or ReviewStates.SecondReview) Form("request-changes", "Request changes", true, true);
            if (s is ReviewStates.Submitted or ReviewStates.UnderReview or ReviewStates.ChangesRequested or ReviewStates.SecondReview) Form("reject", "Reject", true, true);
        }
        if (editor)
        {
            if (a.TriageSince is not null) Form("triage", "Mark readers' concerns as triaged", true, false);
            if (s != ReviewStates.Withdrawn) Form("withdraw", "Withdraw the article", true, true);
        }
        if (!any) w.Add($"<p>No step is open to you at this state.</p>");
        w.Add($"</div></section>");
    }

    private static void ReviseForm(HtmlWriter w, AntiforgeryTokenSet tokens, DeskArticle a, Answer clinician, Answer patient)
    {
        w.Add($"<section aria-labelledby=\"revise-title\"><h2 id=\"revise-title\">Revise the wording</h2><p class=\"hint\">Edit the wording of a statement; its citations and cited passages stay as they are. A new version is written and goes back to review.</p>");
        w.Add($"<form method=\"post\" action=\"/desk/articles/{a.Slug}/revise\" class=\"revise-form\">");
        Layout.Token(w, tokens);
        w.Add($"<input type=\"hidden\" name=\"revision\" value=\"{a.Revision}\">");
        foreach (var (answer, audience, title) in new[] { (clinician, "clinician", "Clinician wording"), (patient, "patient", "Patient wording") })
        {
            w.Add($"<fieldset><legend>{title}</legend>");
            Statement(w, ReviewWorkflow.FieldName(audience, 0, 0), "Bottom line", answer.BottomLineStatement);
            for (var i = 0; i < answer.Sections.Count; i++)
            {
                var section = answer.Sections[i];
                for (var j = 0; j < section.Statements.Count; j++)
                {
                    Statement(w, ReviewWorkflow.FieldName(audience, i + 1, j + 1), $"{section.Title}, statement {j + 1}", section.Statements[j]);
                }
            }
            w.Add($"</fieldset>");
        }
        w.Add($"<label for=\"revise-comment\">What you changed (optional)</label><textarea id=\"revise-comment\" name=\"comment\" rows=\"2\" maxlength=\"{ReviewWorkflow.MaxComment}\"></textarea>");
        w.Add($"<button type=\"submit\">Save as a new version</button></form></section>");
    }

    private static void Statement(HtmlWriter w, string field, string label, Statement statement)
    {
        var cites = statement.Citations.Count == 0 ? "no citation" : "cites " + string.Join(", ", statement.Citations);
        w.Add($"<label for=\"{field}\">{label} <span class=\"muted\">({cites})</span></label><textarea id=\"{field}\" name=\"{field}\" rows=\"2\">{statement.Text}</textarea>");
    }

    /// <param name="wording">Editors' rewordings: a removed statement an editor wrote is marked, since new evidence replaced their words.</param>
    public static void Diff(HtmlWriter w, VersionDiff diff, int from, int to, EditorWording? wording = null)
    {
        w.Add($"<div class=\"diff\" id=\"diff\"><p>Version {from} → version {to} (clinician wording).</p>");
        if (diff.IsEmpty) w.Add($"<p>No statement or reference changed.</p>");
        if (diff.BottomLineChanged) w.Add($"<p><strong>The bottom line changed.</strong></p>");
        List(w, "Statements added", diff.StatementsAdded, "added");
        if (diff.StatementsRemoved.Count > 0)
        {
            w.Add($"<h3>Statements removed</h3><ul class=\"diff-removed\">");
            foreach (var item in diff.StatementsRemoved)
            {
                w.Add($"<li>{item}");
                if (wording?.Wrote(item) == true) w.Add($" <span class=\"badge editor-wording\">an editor's wording, replaced by the new evidence</span>");
                w.Add($"</li>");
            }
            w.Add($"</ul>");
        }
        if (diff.StatementsRecited.Count > 0)
        {
            w.Add($"<h3>Statements re-cited</h3><ul>");
            foreach (var r in diff.StatementsRecited) w.Add($"<li>{r.Text}<br><span class=\"muted\">was: {string.Join("; ", r.Before)}</span><br><span class=\"muted\">now: {string.Join("; ", r.After)}</span></li>");
            w.Add($"</ul>");
        }
        List(w, "References added", diff.ReferencesAdded, "added");
        List(w, "References removed", diff.ReferencesRemoved, "removed");
        w.Add($"</div>");
    }

    private static void List(HtmlWriter w, string title, IReadOnlyList<string> items, string cls)
    {
        if (items.Count == 0) return;
        w.Add($"<h3>{title}</h3><ul class=\"diff-{cls}\">");
        foreach (var item in items) w.Add($"<li>{item}</li>");
        w.Add($"</ul>");
    }

    public static void History(HtmlWriter w, IReadOnlyList<AuditEntry> entries)
    {
        if (entries.Count == 0) { w.Add($"<p>Nothing recorded yet.</p>"); return; }
        w.Add($"<table class=\"audit\"><thead><tr><th scope=\"col\">When (UTC)</th><th scope=\"col\">Who</th><th scope=\"col\">What</th><th scope=\"col\">Article</th><th scope=\"col\">Version</th><th scope=\"col\">State</th><th scope=\"col\">Comment</th></tr></thead><tbody>");
        foreach (var e in entries)
        {
            w.Add($"<tr><td><time datetime=\"{e.At.ToString("O", CultureInfo.InvariantCulture)}\">{e.At.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture)}</time></td><td>{e.Actor ?? "Galen"}</td><td>{e.Action}</td><td>");
            if (e.ArticleSlug is not null) w.Add($"<a href=\"/desk/articles/{e.ArticleSlug}\">{e.ArticleSlug}</a>");
            w.Add($"</td><td>{e.Version?.ToString(CultureInfo.InvariantCulture)}</td><td>{(e.FromState is null ? "" : e.FromState == e.ToState ? e.ToState : $"{e.FromState} → {e.ToState}")}</td><td>{e.Comment}</td></tr>");
        }
        w.Add($"</tbody></table>");
    }

    public static string DiffPage(HttpContext context, AntiforgeryTokenSet tokens, string slug, string question, IReadOnlyList<int> versions, VersionDiff diff, int from, int to,
        EditorWording? wording = null) =>
        Layout.Page(new PageHead("Changes: " + question, NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>{question}</h1><p><a href=\"/desk/articles/{slug}\">Back to the article's desk page</a></p>");
            VersionPicker(w, slug, versions, from, to);
            Diff(w, diff, from, to, wording);
        });

    /// <summary>Two lists of the article's versions and a button: opens the diff between any two of them (a plain GET form).</summary>
    public static void VersionPicker(HtmlWriter w, string slug, IReadOnlyList<int> versions, int from, int to)
    {
        if (versions.Count < 2) return;
        w.Add($"<form method=\"get\" action=\"/desk/articles/{slug}/diff\" class=\"version-picker\" aria-label=\"Compare two versions\">");
        foreach (var (name, label, selected) in new[] { ("from", "Compare version", from), ("to", "with version", to) })
        {
            w.Add($"<label for=\"compare-{name}\">{label}</label><select id=\"compare-{name}\" name=\"{name}\">");
            foreach (var n in versions.Order())
            {
                w.Add($"<option value=\"{n}\"{(n == selected ? new HtmlString(" selected") : HtmlString.Empty)}>{n}</option>");
            }
            w.Add($"</select> ");
        }
        w.Add($"<button type=\"submit\">Show the changes</button></form>");
    }

    public static string Staff(HttpContext context, AntiforgeryTokenSet tokens, IReadOnlyList<StaffMember> members, string? done, string? oneTimePassword, string? error) =>
        Layout.Page(new PageHead("Staff", NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>Staff</h1>");
            if (done is not null) w.Add($"<p class=\"thanks\" role=\"status\">{done}</p>");
            if (oneTimePassword is not null) w.Add($"<p class=\"notice\">One-time password, shown once: <code id=\"one-time-password\">{oneTimePassword}</code>. Give it to the person privately; they choose their own at first sign-in.</p>");
            if (error is not null) w.Add($"<p class=\"error\" role=\"alert\">{error}</p>");
            w.Add($"<table><thead><tr><th scope=\"col\">Name</th><th scope=\"col\">Email</th><th scope=\"col\">Roles</th><th scope=\"col\">Status</th><th scope=\"col\"></th></tr></thead><tbody>");
            foreach (var m in members)
            {
                w.Add($"<tr><td>{m.Signature}</td><td>{m.Email}</td><td>{string.Join(", ", m.Roles)}</td><td>{(m.Disabled ? "disabled" : m.PasswordChangeRequired ? "not signed in yet" : "active")}</td><td><a href=\"/desk/audit?person={m.Id}\">Audit</a>");
                if (!m.Disabled)
                {
                    w.Add($"<form method=\"post\" action=\"/desk/staff/disable\" class=\"inline\">");
                    Layout.Token(w, tokens);
                    w.Add($"<input type=\"hidden\" name=\"email\" value=\"{m.Email}\"><button type=\"submit\" class=\"secondary\">Disable</button></form>");
                }
                w.Add($"</td></tr>");
            }
            w.Add($"</tbody></table><h2>Add a member of staff</h2><form method=\"post\" action=\"/desk/staff\" class=\"staff-form\">");
            Layout.Token(w, tokens);
            w.Add($"<label for=\"staff-email\">Email</label><input type=\"email\" id=\"staff-email\" name=\"email\" required>");
            w.Add($"<label for=\"staff-name\">Name</label><input type=\"text\" id=\"staff-name\" name=\"name\" required maxlength=\"200\">");
            w.Add($"<label for=\"staff-role\">Role</label><select id=\"staff-role\" name=\"role\"><option value=\"reviewer\">reviewer</option><option value=\"editor\">editor</option><option value=\"admin\">admin</option></select>");
            w.Add($"<label for=\"staff-credentials\">Credentials (e.g. MD, FACP)</label><input type=\"text\" id=\"staff-credentials\" name=\"credentials\" maxlength=\"200\">");
            w.Add($"<label for=\"staff-specialty\">Specialty</label><input type=\"text\" id=\"staff-specialty\" name=\"specialty\" maxlength=\"200\">");
            w.Add($"<label for=\"staff-disclosures\">Declared conflicts of interest</label><textarea id=\"staff-disclosures\" name=\"disclosures\" rows=\"2\" maxlength=\"4000\"></textarea>");
            w.Add($"<button type=\"submit\">Add</button></form>");
        });

    public static string Audit(HttpContext context, AntiforgeryTokenSet tokens, IReadOnlyList<AuditEntry> entries, string? article, string? person) =>
        Layout.Page(new PageHead("Audit log", NoIndex: true), w =>
        {
            DeskNav(w, context, tokens);
            w.Add($"<h1>Audit log</h1>");
            if (article is not null) w.Add($"<p>Article: {article}.</p>");
            if (person is not null) w.Add($"<p>Person: {person}.</p>");
            var query = article is not null ? $"?article={Uri.EscapeDataString(article)}" : person is not null ? $"?person={Uri.EscapeDataString(person)}" : "";
            w.Add($"<p><a href=\"/desk/audit.jsonl{query}\" download>Export as JSON lines</a>. The log is append-only: nothing on this site or in its API can change or delete an entry.</p>");
            History(w, entries);
        });

    public static string Versions(ArticleMeta article, IReadOnlyList<VersionEntry> versions, string canonical, bool staff = false) =>
        Layout.Page(new PageHead("Version history: " + article.Question, Canonical: canonical, NoIndex: true), w =>
        {
            w.Add($"<h1>Version history</h1><p><a href=\"/articles/{article.Slug}\">{article.Question}</a></p>");
            w.Add($"<table><thead><tr><th scope=\"col\">Version</th><th scope=\"col\">Written</th><th scope=\"col\">Why</th><th scope=\"col\">Review</th></tr></thead><tbody>");
            foreach (var v in versions)
            {
                var status = article.Approval?.Version == v.Number ? $"Approved on {Layout.Date(article.Approval.At)}"
                    : v.Number == article.Version ? "Shown to readers, pending review"
                    : v.Number > article.Version ? "Under review" : "Superseded";
                w.Add($"<tr><td>{v.Number}</td><td><time datetime=\"{Layout.IsoDate(v.CreatedAt)}\">{Layout.Date(v.CreatedAt)}</time></td><td>{ReasonLabel(v.Reason)}</td><td>{status}</td></tr>");
            }
            w.Add($"</tbody></table>");
            // Staff compare any two versions; readers see the history only (the diff pages are the desk's).
            if (staff)
            {
                var numbers = versions.Select(v => v.Number).ToList();
                var latest = numbers.Max();
                // By default: what readers see against the newest version (or the two newest, when they are the same).
                VersionPicker(w, article.Slug, numbers, article.Version < latest ? article.Version : Math.Max(1, latest - 1), latest);
            }
        });

    private static string ReasonLabel(string reason) => reason switch
    {
        "asked" => "First written",
        "revised" => "Wording revised by an editor",
        "new-evidence" => "Re-answered after new evidence",
        _ => reason,
    };
}
