using System.Net;
using Galen.Evidence.Store;
using Galen.Web.Review;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>
/// Every staff endpoint × {anonymous, reader, editor, reviewer, admin, disabled account}: only the right role passes,
/// the others get 401 or 403 and leave the store exactly as it was.
/// </summary>
public sealed class StaffAccessTests
{
    private const string Slug = "can-magnesium-be-used-to-treat-restless-legs-syndrome";

    private sealed record Case(string Method, string Route, string Path, string Policy, HttpStatusCode RightRole, Func<int, (string, string)[]> Fields);

    // In the order they run: each right-role request leaves the article where the next one expects it.
    private static readonly Case[] Cases =
    [
        new("GET", "/desk", "/desk", StaffPolicies.Staff, HttpStatusCode.OK, _ => []),
        new("GET", "/desk/articles/{slug}", $"/desk/articles/{Slug}", StaffPolicies.Staff, HttpStatusCode.OK, _ => []),
        new("GET", "/desk/articles/{slug}/diff", $"/desk/articles/{Slug}/diff?from=1&to=1", StaffPolicies.Staff, HttpStatusCode.OK, _ => []),
        new("POST", "/desk/articles/{slug}/claim", $"/desk/articles/{Slug}/claim", StaffPolicies.Reviewer, HttpStatusCode.Redirect, r => [("revision", $"{r}")]),
        new("POST", "/desk/articles/{slug}/confirm", $"/desk/articles/{Slug}/confirm", StaffPolicies.Reviewer, HttpStatusCode.Conflict, r => [("revision", $"{r}")]),
        new("POST", "/desk/articles/{slug}/approve", $"/desk/articles/{Slug}/approve", StaffPolicies.Reviewer, HttpStatusCode.Redirect, r => [("revision", $"{r}")]),
        new("POST", "/desk/articles/{slug}/request-changes", $"/desk/articles/{Slug}/request-changes", StaffPolicies.Reviewer, HttpStatusCode.Redirect, r => [("revision", $"{r}"), ("comment", "Cite the guideline first.")]),
        new("POST", "/desk/articles/{slug}/revise", $"/desk/articles/{Slug}/revise", StaffPolicies.Editor, HttpStatusCode.Redirect, r => [("revision", $"{r}"), ("clinician.bottom", "A new bottom line, still citing the same sources.")]),
        new("POST", "/desk/articles/{slug}/triage", $"/desk/articles/{Slug}/triage", StaffPolicies.Editor, HttpStatusCode.Conflict, r => [("revision", $"{r}")]),
        new("POST", "/desk/articles/{slug}/reject", $"/desk/articles/{Slug}/reject", StaffPolicies.Reviewer, HttpStatusCode.Redirect, r => [("revision", $"{r}"), ("comment", "Out of scope.")]),
        new("POST", "/desk/articles/{slug}/withdraw", $"/desk/articles/{Slug}/withdraw", StaffPolicies.Editor, HttpStatusCode.Redirect, r => [("revision", $"{r}"), ("comment", "Duplicate.")]),
        new("GET", "/desk/staff", "/desk/staff", StaffPolicies.Admin, HttpStatusCode.OK, _ => []),
        new("POST", "/desk/staff", "/desk/staff", StaffPolicies.Admin, HttpStatusCode.OK, _ => [("email", "new.person@example.org"), ("name", "New Person"), ("role", "reviewer")]),
        new("POST", "/desk/staff/disable", "/desk/staff/disable", StaffPolicies.Admin, HttpStatusCode.OK, _ => [("email", "target.person@example.org")]),
        new("GET", "/desk/audit", "/desk/audit", StaffPolicies.Admin, HttpStatusCode.OK, _ => []),
        new("GET", "/desk/audit.jsonl", "/desk/audit.jsonl", StaffPolicies.Admin, HttpStatusCode.OK, _ => []),
    ];

    [Fact]
    public void Every_desk_endpoint_of_the_site_is_in_the_matrix()
    {
        using var site = new TestSite();
        site.Factory.CreateClient();
        var mapped = site.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText!.StartsWith("/desk", StringComparison.Ordinal))
            .Select(e => (e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()!.HttpMethods.Single(), e.RoutePattern.RawText!.TrimEnd('/')))
            .ToHashSet();
        Assert.Equal(mapped.Order().ToList(), Cases.Select(c => (c.Method, c.Route)).ToHashSet().Order().ToList());
        Assert.Equal(ReviewEndpoints.StaffEndpoints.Select(e => (e.Method, e.Path)).Order().ToList(), mapped.Order().ToList());
        foreach (var c in Cases) Assert.Equal(c.Policy, ReviewEndpoints.StaffEndpoints.Single(e => e.Method == c.Method && e.Path == c.Route).Policy);
    }

    [Fact]
    public async Task Only_the_right_role_passes_and_the_rest_change_nothing()
    {
        using var site = new TestSite();
        var f = site.Factory;
        await Pages.AskByForm(f.Browser(followRedirects: false), Pages.RestlessLegs);
        await StaffKit.AddAsync(f, "Target Person", null, "reviewer");
        var personas = new Dictionary<string, HttpClient>
        {
            ["anonymous"] = f.Browser(followRedirects: false),
            ["reader"] = (await StaffKit.SignInAsync(f, await StaffKit.AddWithoutRoleAsync(f, "Rita Reader"))).Client,
            ["editor"] = (await StaffKit.SignInAsync(f, await StaffKit.AddAsync(f, "Eve Editor", null, "editor"))).Client,
            ["reviewer"] = (await StaffKit.SignInAsync(f, await StaffKit.AddAsync(f, "Ada Reviewer", "MD", "reviewer"))).Client,
            ["admin"] = (await StaffKit.SignInAsync(f, await StaffKit.AddAsync(f, "Al Admin", null, "admin"))).Client,
        };
        // A person with every role, signed in, then disabled: their open session must stop working at once.
        var disabledLogin = await StaffKit.AddAsync(f, "Dee Disabled", "MD", "admin", "editor", "reviewer");
        var (disabled, _) = await StaffKit.SignInAsync(f, disabledLogin);
        var disabledToken = await StaffKit.TokenAsync(disabled);
        using (var scope = f.Services.CreateScope())
        {
            await scope.ServiceProvider.GetRequiredService<StaffDirectory>().DisableAsync(disabledLogin.Email, null, "test");
        }
        personas["disabled"] = disabled;
        var tokens = new Dictionary<string, string>();
        foreach (var (name, client) in personas) tokens[name] = name == "disabled" ? disabledToken : await StaffKit.TokenAsync(client);

        foreach (var c in Cases)
        {
            var right = c.Policy switch
            {
                StaffPolicies.Staff => new[] { "editor", "reviewer", "admin" },
                StaffPolicies.Reviewer => ["reviewer"],
                StaffPolicies.Editor => ["editor"],
                _ => ["admin"],
            };
            foreach (var (name, client) in personas.Where(p => !right.Contains(p.Key)))
            {
                var before = await SnapshotAsync(f);
                var response = await SendAsync(client, c, tokens[name], await StaffKit.RevisionAsync(f, Slug));
                var expected = name is "anonymous" or "disabled" ? HttpStatusCode.Unauthorized : HttpStatusCode.Forbidden;
                Assert.True(expected == response.StatusCode, $"{c.Method} {c.Path} as {name}: {(int)response.StatusCode}, expected {(int)expected}");
                Assert.Equal(before, await SnapshotAsync(f));
                if (expected == HttpStatusCode.Unauthorized && c.Method == "GET")
                {
                    Assert.Contains("/sign-in?returnUrl=", await response.Content.ReadAsStringAsync());
                }
            }
            foreach (var name in right)
            {
                var response = await SendAsync(personas[name], c, tokens[name], await StaffKit.RevisionAsync(f, Slug));
                Assert.True(c.RightRole == response.StatusCode, $"{c.Method} {c.Path} as {name}: {(int)response.StatusCode}, expected {(int)c.RightRole}: {await response.Content.ReadAsStringAsync()}");
                if (c.Method == "POST" && c.RightRole == HttpStatusCode.Redirect) break;
            }
        }
        var article = await StaffKit.ArticleAsync(f, Slug);
        Assert.Equal("Withdrawn", article.ReviewState);
    }

    private static Task<HttpResponseMessage> SendAsync(HttpClient client, Case c, string token, int revision) =>
        c.Method == "GET"
            ? client.GetAsync(c.Path)
            : client.PostAsync(c.Path, Pages.Form([("__af", token), .. c.Fields(revision)]));

    /// <summary>Everything a staff endpoint could change, as one comparable string.</summary>
    private static async Task<string> SnapshotAsync(SiteFactory site)
    {
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        var articles = await db.Articles.AsNoTracking().OrderBy(a => a.Id)
            .Select(a => $"{a.Slug}|{a.ReviewState}|{a.Revision}|{a.Version}|{a.LatestVersion}|{a.ApprovedVersion}|{a.TriageSince}|{a.ClaimedById}|{a.FirstApproverId}").ToListAsync();
        var versions = await db.ArticleVersions.CountAsync();
        var audit = await db.AuditLog.CountAsync(e => e.Action != "sign-in");
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).Select(u => $"{u.Email}|{u.Disabled}").ToListAsync();
        return string.Join("\n", articles) + $"\nversions {versions}\naudit {audit}\n" + string.Join("\n", users);
    }
}
