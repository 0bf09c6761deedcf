using System.Buffers.Text;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Testing;
using Galen.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Playwright;

namespace Galen.Web.Tests;

/// <summary>
/// Passkeys in Chromium with its virtual authenticator (a platform authenticator with a resident key and user
/// verification, as a laptop's fingerprint reader is): a reviewer adds one on the account page, signs out, and signs in
/// with it, which counts as the two-step sign-in reviewers need. A removed passkey no longer signs anyone in.
/// </summary>
[Collection(BrowserTests.Collection)]
public sealed class PasskeyTests
{
    [Fact]
    public async Task A_reviewer_adds_a_passkey_signs_out_and_signs_in_with_it()
    {
        Assert.True(File.Exists(EditorialEndToEndTests.Chromium), "Install Chromium (apt-get install chromium) to run the end-to-end tests.");
        using var data = new TempDataDirectory();
        await using var app = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], new GalenStoreOptions { DataDirectory = data.Path });
        await app.StartAsync();
        // WebAuthn refuses IP addresses as the site's identity: the browser uses the name localhost.
        var baseUrl = app.Urls.Single().Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        string oneTimePassword;
        using (var scope = app.Services.CreateScope())
        {
            (_, oneTimePassword) = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
                .AddAsync(new NewStaffMember("ada@example.org", "Ada Lovelace", ["reviewer"], "MD"), "test");
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        // Password, then the authenticator app: the first sign-in of a reviewer.
        var page = await EditorialEndToEndTests.SignInAsync(browser, baseUrl, "ada@example.org", oneTimePassword);
        var (cdp, authenticatorId) = await AddAuthenticatorAsync(page);

        await page.GetByRole(AriaRole.Link, new() { Name = "Your account" }).ClickAsync();
        await AddPasskeyAsync(page, "Test laptop");
        await page.ScreenshotAsync(new() { Path = EditorialEndToEndTests.Screenshot("account-passkey-added.png"), FullPage = true });

        // The authenticator holds one discoverable credential, and the store holds its public key for Ada.
        var held = await cdp.SendAsync("WebAuthn.getCredentials", new Dictionary<string, object> { ["authenticatorId"] = authenticatorId });
        var credential = Assert.Single(held!.Value.GetProperty("credentials").EnumerateArray().ToList());
        Assert.True(credential.GetProperty("isResidentCredential").GetBoolean());
        string adaId;
        await using (var db = app.Services.GetRequiredService<GalenDbFactory>().Create())
        {
            adaId = (await db.Users.SingleAsync(u => u.Email == "ada@example.org")).Id;
            var stored = await db.Set<IdentityUserPasskey<string>>().AsNoTracking().SingleAsync();
            Assert.Equal(adaId, stored.UserId);
            Assert.Equal(credential.GetProperty("credentialId").GetString(), Convert.ToBase64String(stored.CredentialId));
            Assert.True(stored.Data.IsUserVerified);
        }

        // Signed out, Ada signs in with the passkey alone: no password, no authenticator code, and the desk lets her in.
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/desk");
        Assert.Contains("Sign in required", await page.Locator("h1").InnerTextAsync());
        await page.GetByRole(AriaRole.Link, new() { Name = "Sign in" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.ArriveAsync(url => url.EndsWith("/desk", StringComparison.Ordinal));
        Assert.Equal("Review queue", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = EditorialEndToEndTests.Screenshot("desk-after-passkey-sign-in.png"), FullPage = true });
        await using (var db = app.Services.GetRequiredService<GalenDbFactory>().Create())
        {
            var signIn = await db.AuditLog.AsNoTracking().Where(e => e.Action == "sign-in").OrderBy(e => e.Id).LastAsync();
            Assert.Equal(adaId, signIn.ActorId);
            Assert.Equal("with a passkey", signIn.Comment);
            Assert.Equal(1, await db.AuditLog.CountAsync(e => e.Action == "passkey-added" && e.ActorId == adaId));
        }

        // Removed on the account page, the passkey still on the device no longer signs in.
        await page.GotoAsync("/account");
        await page.GetByRole(AriaRole.Button, new() { Name = "Remove Test laptop" }).ClickAsync();
        await page.GetByText("Passkey \"Test laptop\" removed.").WaitForAsync();
        Assert.True(await page.Locator("#no-passkeys").IsVisibleAsync());
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();
        await page.GotoAsync("/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.Locator("#sign-in-error").WaitForAsync();
        Assert.Contains("That passkey was not accepted", await page.Locator("#sign-in-error").InnerTextAsync());
        await page.GotoAsync("/desk");
        Assert.Contains("Sign in required", await page.Locator("h1").InnerTextAsync());
        await app.StopAsync();
    }

    private static Task<IBrowser> LaunchAsync(IPlaywright playwright) => playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
    {
        ExecutablePath = EditorialEndToEndTests.Chromium,
        Headless = true,
        Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
    });

    /// <summary>A platform authenticator with a resident key and user verification, as a laptop's fingerprint reader is.</summary>
    private static async Task<(ICDPSession Cdp, string AuthenticatorId)> AddAuthenticatorAsync(IPage page)
    {
        var cdp = await page.Context.NewCDPSessionAsync(page);
        await cdp.SendAsync("WebAuthn.enable");
        var authenticator = await cdp.SendAsync("WebAuthn.addVirtualAuthenticator", new Dictionary<string, object>
        {
            ["options"] = new Dictionary<string, object>
            {
                ["protocol"] = "ctap2",
                ["transport"] = "internal",
                ["hasResidentKey"] = true,
                ["hasUserVerification"] = true,
                ["isUserVerified"] = true,
                ["automaticPresenceSimulation"] = true,
            },
        });
        return (cdp, authenticator!.Value.GetProperty("authenticatorId").GetString()!);
    }

    /// <summary>On the account page, with no passkey yet: adds one and waits for the page to list it.</summary>
    private static async Task AddPasskeyAsync(IPage page, string name)
    {
        Assert.True(await page.Locator("#no-passkeys").IsVisibleAsync());
        await page.GetByLabel("Name of the new passkey").FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add a passkey" }).ClickAsync();
        await page.GetByText($"Passkey \"{name}\" added.").WaitForAsync();
        Assert.Equal(name, await page.Locator("table.passkeys tbody td").First.InnerTextAsync());
    }

    [Fact]
    public async Task A_passkey_added_on_one_web_node_signs_in_on_another_sharing_the_database()
    {
        Assert.True(File.Exists(EditorialEndToEndTests.Chromium), "Install Chromium (apt-get install chromium) to run the end-to-end tests.");
        var database = PostgresServer.Instance.CreateDatabase();
        using var dataA = new TempDataDirectory();
        using var dataB = new TempDataDirectory();
        using (var library = new Library(new GalenStoreOptions { DataDirectory = dataA.Path, Database = database })) library.Migrate();
        // Two nodes on two ports, set up as one site: the same passkey host name, and both nodes' origins allowed.
        var (portA, portB) = (PostgresServer.FreePort(), PostgresServer.FreePort());
        string[] Args(int port) =>
        [
            "--urls", $"http://127.0.0.1:{port}", "--environment", "Production",
            "--Galen:Web:Passkeys:ServerDomain=localhost",
            $"--Galen:Web:Passkeys:AllowedOrigins:0=http://localhost:{portA}",
            $"--Galen:Web:Passkeys:AllowedOrigins:1=http://localhost:{portB}",
        ];
        await using var nodeA = GalenWebApp.Build(Args(portA), new GalenStoreOptions { DataDirectory = dataA.Path, Database = database });
        await nodeA.StartAsync();
        var a = $"http://localhost:{portA}";
        var b = $"http://localhost:{portB}";
        // Node A writes the first data-protection key to the database; node B, started after, reads it from there.
        using (var warmUp = new HttpClient()) Assert.Equal(HttpStatusCode.OK, (await warmUp.GetAsync(a + "/sign-in")).StatusCode);
        await using var nodeB = GalenWebApp.Build(Args(portB), new GalenStoreOptions { DataDirectory = dataB.Path, Database = database });
        await nodeB.StartAsync();
        string oneTimePassword, adaId;
        using (var scope = nodeA.Services.CreateScope())
        {
            var (member, password) = await scope.ServiceProvider.GetRequiredService<StaffDirectory>()
                .AddAsync(new NewStaffMember("ada@example.org", "Ada Lovelace", ["reviewer"], "MD"), "test");
            (adaId, oneTimePassword) = (member.Id, password);
        }

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await LaunchAsync(playwright);
        // Ada signs in on node A and adds her passkey there.
        var page = await EditorialEndToEndTests.SignInAsync(browser, a, "ada@example.org", oneTimePassword);
        await AddAuthenticatorAsync(page);
        await page.GotoAsync(a + "/account");
        await AddPasskeyAsync(page, "Work laptop");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        // On node B she is signed out, and signs in with the passkey alone; node B's desk lets her in.
        await page.GotoAsync(b + "/desk");
        Assert.Contains("Sign in required", await page.Locator("h1").InnerTextAsync());
        await page.GotoAsync(b + "/sign-in");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in with a passkey" }).ClickAsync();
        await page.ArriveAsync(url => url == b + "/desk");
        Assert.Equal("Review queue", await page.Locator("h1").InnerTextAsync());
        await page.ScreenshotAsync(new() { Path = EditorialEndToEndTests.Screenshot("desk-after-passkey-sign-in-on-second-node.png"), FullPage = true });
        await using (var db = nodeB.Services.GetRequiredService<GalenDbFactory>().Create())
        {
            var signIn = await db.AuditLog.AsNoTracking().Where(e => e.Action == "sign-in").OrderBy(e => e.Id).LastAsync();
            Assert.Equal(adaId, signIn.ActorId);
            Assert.Equal("with a passkey", signIn.Comment);
            Assert.Equal(adaId, (await db.Set<IdentityUserPasskey<string>>().AsNoTracking().SingleAsync()).UserId);
        }
        await nodeB.StopAsync();
        await nodeA.StopAsync();
    }
}

/// <summary>The passkey endpoints without a browser: who may use them, and what a forged or replayed request gets.</summary>
public sealed class PasskeyAccessTests
{
    [Fact]
    public async Task The_account_page_and_passkey_registration_need_a_staff_sign_in_that_counts()
    {
        using var site = new TestSite();
        var anonymous = site.Factory.Browser(followRedirects: false);
        var token = await Pages.TokenFrom(anonymous, "/sign-in");
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/account/passkeys/options", Pages.Form(("__af", token)))).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.PostAsync("/account/passkeys", Pages.Form(("__af", token), ("name", "x"), ("credential", "{}")))).StatusCode);

        // An account without a staff role, and a reviewer who gave a password but no authenticator code yet.
        var readerLogin = await StaffKit.AddWithoutRoleAsync(site.Factory, "Rita Reader");
        var reader = site.Factory.Browser(followRedirects: false);
        var signIn = await reader.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(reader, "/sign-in")), ("email", readerLogin.Email), ("password", readerLogin.Password)));
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.GetAsync("/account")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await reader.PostAsync("/account/passkeys/options", Pages.Form(("__af", await StaffKit.TokenAsync(reader))))).StatusCode);

        var reviewerLogin = await StaffKit.AddAsync(site.Factory, "Ada Reviewer", "MD", "reviewer");
        var halfway = site.Factory.Browser(followRedirects: false);
        var first = await halfway.PostAsync("/sign-in", Pages.Form(("__af", await Pages.TokenFrom(halfway, "/sign-in")), ("email", reviewerLogin.Email),
            ("password", reviewerLogin.Password), ("newPassword", "a password of my own, long")));
        Assert.Equal("/account/two-factor", first.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.Forbidden, (await halfway.PostAsync("/account/passkeys/options", Pages.Form(("__af", await StaffKit.TokenAsync(halfway))))).StatusCode);

        // Signed in fully, the reviewer gets creation options naming this site and requiring user verification.
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Reviewer", "MD", "reviewer"));
        var options = await reviewer.PostAsync("/account/passkeys/options", Pages.Form(("__af", await StaffKit.TokenAsync(reviewer))));
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync());
        Assert.Equal("localhost", json.RootElement.GetProperty("rp").GetProperty("id").GetString());
        Assert.Equal("ben.reviewer@example.org", json.RootElement.GetProperty("user").GetProperty("name").GetString());
        Assert.Equal("required", json.RootElement.GetProperty("authenticatorSelection").GetProperty("userVerification").GetString());
        // Without the form token the request is refused.
        Assert.Equal(HttpStatusCode.BadRequest, (await reviewer.PostAsync("/account/passkeys/options", Pages.Form(("name", "x")))).StatusCode);
        // A made-up credential is refused, and nothing is stored.
        var forged = await reviewer.PostAsync("/account/passkeys", Pages.Form(("__af", await StaffKit.TokenAsync(reviewer)), ("name", "Forged"), ("credential", "{\"id\":\"AAAA\",\"type\":\"public-key\"}")));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Contains("credential:", await forged.Content.ReadAsStringAsync());
        await using var db = site.Factory.Services.GetRequiredService<GalenDbFactory>().Create();
        Assert.Equal(0, await db.Set<IdentityUserPasskey<string>>().CountAsync());
    }

    [Theory]
    [InlineData("Galen:Web:Passkeys:ServerDomain", "https://galen.example.org", "Galen:Web:Passkeys:ServerDomain must be a host name")]
    [InlineData("Galen:Web:Passkeys:ServerDomain", "galen.example.org:443", "Galen:Web:Passkeys:ServerDomain must be a host name")]
    [InlineData("Galen:Web:Passkeys:ServerDomain", "127.0.0.1", "Galen:Web:Passkeys:ServerDomain must be a host name; it is the IP address")]
    [InlineData("Galen:Web:Passkeys:AllowedOrigins:0", "galen.example.org", "Galen:Web:Passkeys:AllowedOrigins:0 must be an origin")]
    [InlineData("Galen:Web:Passkeys:AllowedOrigins:0", "https://galen.example.org/desk", "Galen:Web:Passkeys:AllowedOrigins:0 must be an origin")]
    [InlineData("Galen:Web:Passkeys:AllowedOrigins:0", "http://galen.example.org", "Galen:Web:Passkeys:AllowedOrigins:0 must use https")]
    [InlineData("Galen:Web:Passkeys:AllowedOrigins:0", "https://elsewhere.example.com", "Galen:Web:Passkeys:AllowedOrigins:0 must be on Galen:Web:Passkeys:ServerDomain")]
    public void A_bad_passkey_site_setting_stops_the_start_and_names_the_key(string key, string value, string message)
    {
        var settings = new Dictionary<string, string> { [key] = value };
        if (key != "Galen:Web:Passkeys:ServerDomain") settings["Galen:Web:Passkeys:ServerDomain"] = "galen.example.org";
        using var site = new TestSite(settings);
        var error = Assert.ThrowsAny<OptionsValidationException>(() => site.Factory.CreateClient());
        Assert.Contains(message, error.Message);
    }

    [Fact]
    public async Task The_configured_passkey_site_is_what_the_passkey_options_carry()
    {
        // The test server is reached as localhost; behind a proxy the public name is another.
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["Galen:Web:Passkeys:ServerDomain"] = "galen.example.org",
            ["Galen:Web:Passkeys:AllowedOrigins:0"] = "https://galen.example.org",
        });
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Reviewer", "MD", "reviewer"));
        var creation = await reviewer.PostAsync("/account/passkeys/options", Pages.Form(("__af", await StaffKit.TokenAsync(reviewer))));
        Assert.Equal(HttpStatusCode.OK, creation.StatusCode);
        using (var json = JsonDocument.Parse(await creation.Content.ReadAsStringAsync()))
        {
            Assert.Equal("galen.example.org", json.RootElement.GetProperty("rp").GetProperty("id").GetString());
        }
        var anonymous = site.Factory.Browser(followRedirects: false);
        var request = await anonymous.PostAsync("/sign-in/passkey/options", Pages.Form(("__af", await Pages.TokenFrom(anonymous, "/sign-in"))));
        Assert.Equal(HttpStatusCode.OK, request.StatusCode);
        using (var json = JsonDocument.Parse(await request.Content.ReadAsStringAsync()))
        {
            Assert.Equal("galen.example.org", json.RootElement.GetProperty("rpId").GetString());
        }
    }

    [Fact]
    public async Task With_allowed_origins_set_a_passkey_from_any_other_origin_is_refused()
    {
        using var site = new TestSite(new Dictionary<string, string>
        {
            ["Galen:Web:Passkeys:ServerDomain"] = "localhost",
            ["Galen:Web:Passkeys:AllowedOrigins:0"] = "http://localhost:5000",
        });
        var (reviewer, _) = await StaffKit.SignInAsync(site.Factory, await StaffKit.AddAsync(site.Factory, "Ben Reviewer", "MD", "reviewer"));

        // The browser's answer as far as the origin check reads it: the ceremony's challenge and the page's origin, and
        // a well-formed attestation object (CBOR {"fmt": "none", "attStmt": {}, "authData": the site's hash, flags, counter})
        // that holds no credential.
        byte[] authData = [.. System.Security.Cryptography.SHA256.HashData("localhost"u8), 0x05, 0, 0, 0, 0];
        byte[] attestation = [0xA3, 0x63, .. "fmt"u8, 0x64, .. "none"u8, 0x67, .. "attStmt"u8, 0xA0, 0x68, .. "authData"u8, 0x58, (byte)authData.Length, .. authData];
        async Task<string> AddFromAsync(string origin, string? originHeader)
        {
            var options = await reviewer.PostAsync("/account/passkeys/options", Pages.Form(("__af", await StaffKit.TokenAsync(reviewer))));
            using var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync());
            var clientData = JsonSerializer.SerializeToUtf8Bytes(new Dictionary<string, object>
            {
                ["type"] = "webauthn.create", ["challenge"] = json.RootElement.GetProperty("challenge").GetString()!, ["origin"] = origin, ["crossOrigin"] = false,
            });
            var credential = JsonSerializer.Serialize(new Dictionary<string, object>
            {
                ["id"] = "AAAA", ["rawId"] = "AAAA", ["type"] = "public-key", ["clientExtensionResults"] = new Dictionary<string, object>(),
                ["response"] = new Dictionary<string, string> { ["clientDataJSON"] = Base64Url.EncodeToString(clientData), ["attestationObject"] = Base64Url.EncodeToString(attestation) },
            });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/account/passkeys")
            {
                Content = Pages.Form(("__af", await StaffKit.TokenAsync(reviewer)), ("name", "Laptop"), ("credential", credential)),
            };
            if (originHeader is not null) request.Headers.Add("Origin", originHeader);
            var response = await reviewer.SendAsync(request);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = Regex.Match(await response.Content.ReadAsStringAsync(), "id=\"account-error\">([^<]*)<");
            Assert.True(error.Success, "The account page shows no error.");
            return WebUtility.HtmlDecode(error.Groups[1].Value);
        }

        // An origin the request itself came from, but not one of the allowed: refused at the origin check.
        var other = await AddFromAsync("http://localhost:6000", "http://localhost:6000");
        Assert.True(other.Contains("invalid origin 'http://localhost:6000'", StringComparison.Ordinal), other);
        // The allowed origin passes that check (and this made-up answer fails later, on its attestation).
        var allowed = await AddFromAsync("http://localhost:5000", null);
        Assert.True(allowed.StartsWith("credential: the passkey was not accepted", StringComparison.Ordinal) && !allowed.Contains("origin", StringComparison.Ordinal), allowed);
        await using var db = site.Factory.Services.GetRequiredService<GalenDbFactory>().Create();
        Assert.Equal(0, await db.Set<IdentityUserPasskey<string>>().CountAsync());
    }

    [Fact]
    public async Task A_passkey_sign_in_without_a_ceremony_or_with_a_forged_credential_is_refused()
    {
        using var site = new TestSite();
        var client = site.Factory.Browser(followRedirects: false);
        var page = await client.GetStringAsync("/sign-in");
        Assert.Contains("Sign in with a passkey", page);
        var noCeremony = await client.PostAsync("/sign-in/passkey", Pages.Form(("__af", Pages.Token(page)), ("credential", "{\"id\":\"AAAA\"}")));
        Assert.Equal(HttpStatusCode.BadRequest, noCeremony.StatusCode);
        Assert.Contains("The passkey request expired", await noCeremony.Content.ReadAsStringAsync());

        var options = await client.PostAsync("/sign-in/passkey/options", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in"))));
        Assert.Equal(HttpStatusCode.OK, options.StatusCode);
        using (var json = JsonDocument.Parse(await options.Content.ReadAsStringAsync()))
        {
            Assert.Equal("required", json.RootElement.GetProperty("userVerification").GetString());
        }
        var forged = await client.PostAsync("/sign-in/passkey", Pages.Form(("__af", await Pages.TokenFrom(client, "/sign-in")),
            ("credential", "{\"id\":\"AAAA\",\"rawId\":\"AAAA\",\"type\":\"public-key\",\"response\":{\"clientDataJSON\":\"e30\",\"authenticatorData\":\"AAAA\",\"signature\":\"AAAA\"}}")));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/desk")).StatusCode);
    }
}
