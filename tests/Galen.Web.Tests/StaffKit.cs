using System.Net;
using Galen.Evidence.Store;
using Galen.Web.Review;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>A staff account made for a test, and what it takes to sign in as that person.</summary>
public sealed record StaffLogin(string Id, string Email, string Password, string Signature);

/// <summary>Creates staff accounts the way `galen users add` does, and signs in through the real sign-in form.</summary>
public static class StaffKit
{
    public static async Task<StaffLogin> AddAsync(SiteFactory site, string name, string? credentials, params string[] roles)
    {
        using var scope = site.Services.CreateScope();
        var directory = scope.ServiceProvider.GetRequiredService<StaffDirectory>();
        var email = name.ToLowerInvariant().Replace(' ', '.').Replace(",", "") + "@example.org";
        var (member, password) = await directory.AddAsync(new NewStaffMember(email, name, roles, credentials, "Neurology", "None declared."), "test");
        return new StaffLogin(member.Id, email, password, member.Signature);
    }

    /// <summary>An account with no staff role: what a reader with an account would be.</summary>
    public static async Task<StaffLogin> AddWithoutRoleAsync(SiteFactory site, string name)
    {
        using var scope = site.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var email = name.ToLowerInvariant().Replace(' ', '.') + "@example.org";
        var user = new StaffUser { UserName = email, Email = email, Name = name, CreatedAt = DateTime.UtcNow };
        const string password = "a-reader-password-long-enough";
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        return new StaffLogin(user.Id, email, password, name);
    }

    /// <summary>Signs in through /sign-in; a new account's one-time password is replaced by a chosen one (returned in the login).</summary>
    public static async Task<(HttpClient Client, StaffLogin Login)> SignInAsync(SiteFactory site, StaffLogin login)
    {
        var client = site.Browser(followRedirects: false);
        var token = await Pages.TokenFrom(client, "/sign-in");
        var chosen = "chosen-" + login.Password;
        var response = await client.PostAsync("/sign-in", Pages.Form(("__af", token), ("email", login.Email), ("password", login.Password), ("newPassword", chosen)));
        if (response.StatusCode != HttpStatusCode.Redirect)
        {
            // An account whose password is already its own ignores the new one.
            Assert.Fail($"Sign-in of {login.Email} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
        await CompleteTwoFactorAsync(client, null, response);
        return (client, login);
    }

    /// <summary>Reviewers and admins are sent to set up the authenticator app: read the key, answer with its current code.</summary>
    public static async Task CompleteTwoFactorAsync(HttpClient client, Uri? node, HttpResponseMessage signIn)
    {
        if (signIn.Headers.Location?.OriginalString != "/account/two-factor") return;
        var setup = await client.GetStringAsync(node is null ? new Uri("/account/two-factor", UriKind.Relative) : new Uri(node, "/account/two-factor"));
        var key = System.Text.RegularExpressions.Regex.Match(setup, "<code id=\"totp-key\">([A-Z2-7]+)</code>").Groups[1].Value;
        var done = await client.PostAsync(node is null ? new Uri("/account/two-factor", UriKind.Relative) : new Uri(node, "/account/two-factor"),
            Pages.Form(("__af", Pages.Token(setup)), ("code", Totp(key))));
        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        Assert.Equal("/desk", done.Headers.Location!.OriginalString);
    }

    /// <summary>The authenticator app's code (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits) for a base32 key.</summary>
    public static string Totp(string base32Key, int stepOffset = 0)
    {
        var bits = string.Concat(base32Key.TrimEnd('=').Select(c => Convert.ToString("ABCDEFGHIJKLMNOPQRSTUVWXYZ234567".IndexOf(c), 2).PadLeft(5, '0')));
        var key = Enumerable.Range(0, bits.Length / 8).Select(i => Convert.ToByte(bits.Substring(i * 8, 8), 2)).ToArray();
        var step = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + stepOffset;
        var counter = BitConverter.GetBytes(step);
        if (BitConverter.IsLittleEndian) Array.Reverse(counter);
        // HMAC-SHA1 is what RFC 6238 and every authenticator app use by default; it is the algorithm under test here.
#pragma warning disable CA5350
        var hash = System.Security.Cryptography.HMACSHA1.HashData(key, counter);
#pragma warning restore CA5350
        var offset = hash[^1] & 0xf;
        var binary = ((hash[offset] & 0x7f) << 24) | (hash[offset + 1] << 16) | (hash[offset + 2] << 8) | hash[offset + 3];
        return (binary % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>A form token for this client's current identity (tokens are bound to who is signed in).</summary>
    public static Task<string> TokenAsync(HttpClient client) => Pages.TokenFrom(client, "/sign-in");

    public static async Task<int> RevisionAsync(SiteFactory site, string slug)
    {
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        return await db.Articles.Where(a => a.Slug == slug).Select(a => a.Revision).SingleAsync();
    }

    public static async Task<ArticleRow> ArticleAsync(SiteFactory site, string slug)
    {
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        return await db.Articles.AsNoTracking().SingleAsync(a => a.Slug == slug);
    }

    public static async Task<List<AuditEntryRow>> AuditAsync(SiteFactory site, string? slug = null)
    {
        await using var db = site.Services.GetRequiredService<GalenDbFactory>().Create();
        return await db.AuditLog.AsNoTracking().Where(e => slug == null || e.ArticleSlug == slug).OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Posts a desk step with a fresh token and the given revision.</summary>
    public static async Task<HttpResponseMessage> StepAsync(HttpClient client, string slug, string step, int revision, string? comment = null)
    {
        var token = await TokenAsync(client);
        var fields = new List<(string, string)> { ("__af", token), ("revision", revision.ToString(System.Globalization.CultureInfo.InvariantCulture)) };
        if (comment is not null) fields.Add(("comment", comment));
        return await client.PostAsync($"/desk/articles/{slug}/{step}", Pages.Form([.. fields]));
    }

    /// <summary>Claim and approve by the first reviewer, confirm by the second.</summary>
    public static async Task ApproveAsync(SiteFactory site, string slug, HttpClient first, HttpClient second)
    {
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(first, slug, "claim", await RevisionAsync(site, slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(first, slug, "approve", await RevisionAsync(site, slug))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await StepAsync(second, slug, "confirm", await RevisionAsync(site, slug))).StatusCode);
    }
}
