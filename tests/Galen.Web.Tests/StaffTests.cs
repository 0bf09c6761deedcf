using System.Net;
using System.Text.Json;
using Galen.Evidence.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>Sign-in, lockout, form tokens, the board page from accounts, staff administration and the audit export.</summary>
public sealed class StaffTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    [Fact]
    public async Task A_new_account_signs_in_with_its_one_time_password_and_must_choose_its_own()
    {
        using var site = new TestSite();
        var login = await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor");
        var client = site.Factory.Browser(followRedirects: false);
        var token = await Pages.TokenFrom(client, "/sign-in");

        var first = await client.PostAsync("/sign-in", Pages.Form(("__af", token), ("email", login.Email), ("password", login.Password)));
        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var html = await first.Content.ReadAsStringAsync();
        Assert.Contains("Choose your own password", html);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/desk")).StatusCode);

        var tooShort = await client.PostAsync("/sign-in", Pages.Form(("__af", Pages.Token(html)), ("email", login.Email), ("password", login.Password), ("newPassword", "short")));
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("newPassword: Passwords must be at least 12 characters.", await tooShort.Content.ReadAsStringAsync());

        var done = await client.PostAsync("/sign-in", Pages.Form(("__af", Pages.Token(html)), ("email", login.Email), ("password", login.Password),
            ("newPassword", "my own long passphrase"), ("returnUrl", "https://evil.example/")));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/desk", done.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/desk")).StatusCode);

        // The one-time password no longer works; the chosen one does.
        var other = site.Factory.Browser(followRedirects: false);
        var again = await other.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(other, "/sign-in")), ("email", login.Email), ("password", login.Password)));
        Assert.Equal(HttpStatusCode.Unauthorized, again.StatusCode);
        var chosen = await other.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(other, "/sign-in")), ("email", login.Email), ("password", "my own long passphrase")));
        Assert.Equal(HttpStatusCode.Redirect, chosen.StatusCode);

        // Signing out ends the session.
        var signOut = await client.PostAsync("/sign-out", Pages.Form(("__af", await StaffKit.TokenAsync(client))));
        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public async Task Reviewers_need_an_authenticator_code_as_a_second_factor()
    {
        using var site = new TestSite();
        var login = await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer");
        var client = site.Factory.Browser(followRedirects: false);
        var first = await client.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in")), ("email", login.Email),
            ("password", login.Password), ("newPassword", "my own long passphrase")));
        Assert.Equal("/account/two-factor", first.Headers.Location!.OriginalString);

        // Password alone: not enough for the desk.
        var desk = await client.GetAsync("/desk");
        Assert.Equal(HttpStatusCode.Forbidden, desk.StatusCode);
        Assert.Contains("href=\"/account/two-factor\"", await desk.Content.ReadAsStringAsync());
        var setup = await client.GetStringAsync("/account/two-factor");
        var key = System.Text.RegularExpressions.Regex.Match(setup, "<code id=\"totp-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        Assert.Contains($"otpauth://totp/Galen:{Uri.EscapeDataString(login.Email)}?secret={key}&amp;issuer=Galen", setup);
        var wrong = await client.PostAsync("/account/two-factor", Pages.Form(("__af", Pages.Token(setup)), ("code", "000000" == StaffKit.Totp(key) ? "111111" : "000000")));
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Contains("code: the code is wrong", await wrong.Content.ReadAsStringAsync());
        var on = await client.PostAsync("/account/two-factor", Pages.Form(("__af", Pages.Token(setup)), ("code", StaffKit.Totp(key))));
        Assert.Equal("/desk", on.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/desk")).StatusCode);

        // Next time: password, then the code.
        var other = site.Factory.Browser(followRedirects: false);
        var asked = await other.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(other, "/sign-in")), ("email", login.Email), ("password", "my own long passphrase")));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);
        var askedHtml = await asked.Content.ReadAsStringAsync();
        Assert.Contains("Code from your authenticator app", askedHtml);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/desk")).StatusCode);
        var badCode = await other.PostAsync("/sign-in", Pages.Form(("__af", Pages.Token(askedHtml)), ("email", login.Email), ("password", "my own long passphrase"), ("code", "12345")));
        Assert.Equal(HttpStatusCode.Unauthorized, badCode.StatusCode);
        var signedIn = await other.PostAsync("/sign-in", Pages.Form(("__af", Pages.Token(askedHtml)), ("email", login.Email), ("password", "my own long passphrase"), ("code", StaffKit.Totp(key, 1))));
        Assert.Equal("/desk", signedIn.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/desk")).StatusCode);
        Assert.Contains("two-factor-on", (await StaffKit.AuditAsync(site.Factory)).Select(e => e.Action));
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        using var site = new TestSite();
        var (_, login) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var password = "chosen-" + login.Password;
        var client = site.Factory.Browser(followRedirects: false);
        for (var i = 0; i < 4; i++)
        {
            var wrong = await client.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in")), ("email", login.Email), ("password", "not the password " + i)));
            Assert.Equal(HttpStatusCode.Unauthorized, wrong.StatusCode);
            Assert.Contains("The email or password is wrong.", await wrong.Content.ReadAsStringAsync());
        }
        var fifth = await client.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in")), ("email", login.Email), ("password", "still wrong")));
        Assert.Equal((HttpStatusCode)423, fifth.StatusCode);
        var right = await client.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in")), ("email", login.Email), ("password", password)));
        Assert.Equal((HttpStatusCode)423, right.StatusCode);
        Assert.Contains("locked after repeated wrong passwords", await right.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public async Task Every_staff_form_needs_the_signed_in_persons_token()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        await Pages.AskByForm(reader, Pages.RestlessLegs);
        var anonymousToken = await StaffKit.TokenAsync(reader);
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer"));
        var (editor, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor"));
        var (admin, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Al Admin", null, "admin"));
        var revision = (await StaffKit.RevisionAsync(site.Factory, Slug)).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var forms = new (HttpClient Client, string Path, (string, string)[] Fields)[]
        {
            (reviewer, $"/desk/articles/{Slug}/claim", [("revision", revision)]),
            (reviewer, $"/desk/articles/{Slug}/reject", [("revision", revision), ("comment", "x")]),
            (editor, $"/desk/articles/{Slug}/withdraw", [("revision", revision), ("comment", "x")]),
            (editor, $"/desk/articles/{Slug}/revise", [("revision", revision), ("clinician.bottom", "New words.")]),
            (admin, "/desk/staff", [("email", "x@example.org"), ("name", "X"), ("role", "reviewer")]),
            (admin, "/desk/staff/disable", [("email", "ada.reviewer@example.org")]),
            (admin, "/sign-out", []),
        };
        var audit = (await StaffKit.AuditAsync(site.Factory)).Count;
        foreach (var (client, path, fields) in forms)
        {
            var none = await client.PostAsync(path, Pages.Form(fields));
            Assert.True(none.StatusCode == HttpStatusCode.BadRequest, $"{path} without a token: {(int)none.StatusCode}");
            // A token issued to someone else (here: before signing in) is no good either.
            var foreign = await client.PostAsync(path, Pages.Form([("__af", anonymousToken), .. fields]));
            Assert.True(foreign.StatusCode == HttpStatusCode.BadRequest, $"{path} with another person's token: {(int)foreign.StatusCode}");
        }
        Assert.Equal("Submitted", (await StaffKit.ArticleAsync(site.Factory, Slug)).ReviewState);
        Assert.Equal(audit, (await StaffKit.AuditAsync(site.Factory)).Count);
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/desk")).StatusCode);
    }

    [Fact]
    public async Task The_board_page_comes_from_the_accounts_and_says_when_there_is_nobody()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser();
        var empty = await reader.GetStringAsync("/review-board");
        Assert.Contains("This site has no reviewers yet.", empty);
        Assert.DoesNotContain("Example", empty);

        await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD, FACP", "reviewer");
        await StaffKit.AddAsync(site.Factory, "Eve Editor", null, "editor");
        var gone = await StaffKit.AddAsync(site.Factory, "Dee Departed", "MD", "reviewer");
        using (var scope = site.Factory.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<Galen.Web.Review.StaffDirectory>().DisableAsync(gone.Email, null, "test");
        }
        var board = await reader.GetStringAsync("/review-board");
        Assert.Contains("Ada Reviewer<span class=\"credentials\">, MD, FACP</span>", board);
        Assert.Contains("<dt>Declared conflicts of interest</dt><dd>None declared.</dd>", board);
        Assert.Contains("<dt>Specialty</dt><dd>Neurology</dd>", board);
        Assert.DoesNotContain("Eve Editor", board);
        Assert.DoesNotContain("Dee Departed", board);
        Assert.DoesNotContain("no reviewers yet", board);
    }

    [Fact]
    public async Task An_admin_adds_and_disables_staff_and_exports_the_audit_log_as_json_lines()
    {
        using var site = new TestSite();
        var reader = site.Factory.Browser(followRedirects: false);
        await Pages.AskByForm(reader, Pages.RestlessLegs);
        var (admin, adminLogin) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Al Admin", null, "admin"));

        var bad = await admin.PostAsync("/desk/staff", Pages.Form(("__af", await StaffKit.TokenAsync(admin)), ("email", "not-an-address"), ("name", "X"), ("role", "reviewer")));
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("email: &#39;not-an-address&#39; is not an email address.", await bad.Content.ReadAsStringAsync());
        var badRole = await admin.PostAsync("/desk/staff", Pages.Form(("__af", await StaffKit.TokenAsync(admin)), ("email", "x@example.org"), ("name", "X"), ("role", "owner")));
        Assert.Contains("role: &#39;owner&#39; is not a role", await badRole.Content.ReadAsStringAsync());

        var added = await admin.PostAsync("/desk/staff", Pages.Form(("__af", await StaffKit.TokenAsync(admin)), ("email", "ada@example.org"), ("name", "Ada Reviewer"),
            ("role", "reviewer"), ("credentials", "MD"), ("disclosures", "Speaker fees from a maker of iron supplements.")));
        var html = await added.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, added.StatusCode);
        var password = System.Text.RegularExpressions.Regex.Match(html, "<code id=\"one-time-password\">([^<]+)</code>").Groups[1].Value;
        Assert.Equal(20, password.Length);
        var (ada, adaLogin) = await StaffKit.SignInAsync(site.Factory, new StaffLogin("", "ada@example.org", password, "Ada Reviewer, MD"));
        await StaffKit.StepAsync(ada, Slug, "claim", await StaffKit.RevisionAsync(site.Factory, Slug));

        var disabled = await admin.PostAsync("/desk/staff/disable", Pages.Form(("__af", await StaffKit.TokenAsync(admin)), ("email", "ada@example.org")));
        Assert.Contains("Disabled Ada Reviewer, MD.", await disabled.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.Unauthorized, (await ada.GetAsync("/desk")).StatusCode);

        var export = await admin.GetAsync("/desk/audit.jsonl");
        Assert.Equal("application/jsonl", export.Content.Headers.ContentType!.MediaType);
        var lines = (await export.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        var actions = lines.Select(l => l.GetProperty("action").GetString()).ToList();
        Assert.Equal(["staff-added", "sign-in", "two-factor-on", "staff-added", "sign-in", "two-factor-on", "claim", "staff-disabled"], actions);
        var claim = lines[6];
        Assert.Equal(Slug, claim.GetProperty("article").GetString());
        Assert.Equal("Ada Reviewer, MD", claim.GetProperty("actor").GetString());
        Assert.Equal("Submitted", claim.GetProperty("from").GetString());
        Assert.Equal("Under Review", claim.GetProperty("to").GetString());
        Assert.Equal(1, claim.GetProperty("version").GetInt32());

        // Per person and per article.
        var adaId = claim.GetProperty("actorId").GetString()!;
        var perPerson = await (await admin.GetAsync($"/desk/audit.jsonl?person={adaId}")).Content.ReadAsStringAsync();
        Assert.Equal(5, perPerson.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        var perArticle = await admin.GetStringAsync($"/desk/audit?article={Slug}");
        Assert.Contains("Submitted → Under Review", perArticle);
        Assert.DoesNotContain("staff-added", perArticle);
        Assert.NotEqual(adminLogin.Id, adaId);
    }
}
