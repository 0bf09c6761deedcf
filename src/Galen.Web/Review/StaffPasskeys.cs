using System.Buffers.Text;
using System.Security.Claims;
using Galen.Evidence.Store;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Galen.Web.Review;

public sealed class PasskeyForm
{
    public string? Name { get; set; }
    public string? Credential { get; set; }
    public string? Id { get; set; }
    public string? ReturnUrl { get; set; }
}

/// <summary>A passkey as the account page lists it.</summary>
public sealed record StaffPasskey(string Id, string Name, DateTimeOffset CreatedAt, IReadOnlyList<string> Transports);

/// <summary>
/// Passkeys (WebAuthn) for staff, through ASP.NET Core Identity: a signed-in member of staff registers and removes them
/// on the account page; the sign-in page signs in with one. The browser part is in site.js; every step is a form post
/// carrying the antiforgery field, and the ceremony state lives in Identity's short-lived cookie.
/// </summary>
public static class StaffPasskeys
{
    public const int MaxName = 100;

    /// <summary>
    /// User verification (a fingerprint, face or device PIN) is required, so a passkey is possession plus a second
    /// factor: a passkey sign-in satisfies the two-step rule for reviewers and admins.
    /// </summary>
    public static IServiceCollection AddGalenPasskeys(this IServiceCollection services)
    {
        // AddIdentityCore registers no passkey handler; the sign-in manager finds this one.
        services.AddScoped<IPasskeyHandler<StaffUser>, PasskeyHandler<StaffUser>>();
        services.AddOptions<IdentityPasskeyOptions>().Configure<IOptions<GalenWebOptions>>((o, web) =>
        {
            o.UserVerificationRequirement = "required";
            o.ResidentKeyRequirement = "required";
            // Behind a proxy or on several nodes: the public host name and origins (Galen:Web:Passkeys, checked at start-up).
            var site = web.Value.Passkeys ?? new PasskeySiteOptions();
            if (!string.IsNullOrWhiteSpace(site.ServerDomain)) o.ServerDomain = site.ServerDomain.Trim();
            if (site.AllowedOrigins.Count > 0)
            {
                var allowed = site.AllowedOrigins.Select(PasskeySiteOptions.NormalizeOrigin).OfType<string>().ToHashSet(StringComparer.Ordinal);
                o.ValidateOrigin = context => ValueTask.FromResult(
                    !context.CrossOrigin && PasskeySiteOptions.NormalizeOrigin(context.Origin) is { } origin && allowed.Contains(origin));
            }
        });
        return services;
    }

    public static IEndpointRouteBuilder MapStaffPasskeys(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription();

        // Sign-in: options for any passkey of this site (the browser offers the ones it holds), then the assertion.
        site.MapPost("/sign-in/passkey/options", async ([FromForm] PasskeyForm _, HttpContext context, SignInManager<StaffUser> signIn) =>
        {
            Http.NoStore(context);
            return Results.Content(await signIn.MakePasskeyRequestOptionsAsync(null), "application/json");
        }).RequireRateLimiting(StaffRateLimits.SignIn);
        site.MapPost("/sign-in/passkey", SignInAsync).RequireRateLimiting(StaffRateLimits.SignIn);

        // The account page and passkey registration need a sign-in that already counts for the desk: otherwise a
        // stolen password alone could add a passkey and so skip a reviewer's authenticator code.
        site.MapGet("/account", async (string? done, HttpContext context, UserManager<StaffUser> users, IAntiforgery antiforgery) =>
        {
            Http.NoStore(context);
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Unauthorized();
            return Http.Html(StaffPages.Account(context, antiforgery.GetAndStoreTokens(context), user, await ListAsync(users, user),
                string.IsNullOrWhiteSpace(done) || done.Length > 200 ? null : done, null));
        }).RequireAuthorization(StaffPolicies.Staff);
        site.MapPost("/account/passkeys/options", async ([FromForm] PasskeyForm _, HttpContext context, UserManager<StaffUser> users, SignInManager<StaffUser> signIn) =>
        {
            Http.NoStore(context);
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Unauthorized();
            var options = await signIn.MakePasskeyCreationOptionsAsync(new PasskeyUserEntity { Id = user.Id, Name = user.Email ?? user.Id, DisplayName = user.Name });
            return Results.Content(options, "application/json");
        }).RequireAuthorization(StaffPolicies.Staff).RequireRateLimiting(StaffRateLimits.Desk);
        site.MapPost("/account/passkeys", AddAsync).RequireAuthorization(StaffPolicies.Staff).RequireRateLimiting(StaffRateLimits.Desk);
        site.MapPost("/account/passkeys/remove", RemoveAsync).RequireAuthorization(StaffPolicies.Staff).RequireRateLimiting(StaffRateLimits.Desk);
        return app;
    }

    public static async Task<IReadOnlyList<StaffPasskey>> ListAsync(UserManager<StaffUser> users, StaffUser user) =>
        (await users.GetPasskeysAsync(user))
            .OrderBy(p => p.CreatedAt)
            .Select(p => new StaffPasskey(Base64Url.EncodeToString(p.CredentialId), string.IsNullOrWhiteSpace(p.Name) ? "Passkey" : p.Name, p.CreatedAt, p.Transports ?? []))
            .ToList();

    private static async Task<IResult> AddAsync([FromForm] PasskeyForm form, HttpContext context, UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn, IAntiforgery antiforgery, GalenDbFactory dbFactory)
    {
        Http.NoStore(context);
        var user = await users.GetUserAsync(context.User);
        if (user is null) return Results.Unauthorized();
        async Task<IResult> Page(string error) =>
            Http.Html(StaffPages.Account(context, antiforgery.GetAndStoreTokens(context), user, await ListAsync(users, user), null, error), StatusCodes.Status400BadRequest);

        var name = form.Name?.Trim() ?? "";
        if (name.Length == 0) return await Page("name: name the passkey (for example, the device it is on) so that you can tell it apart later.");
        if (name.Length > MaxName) return await Page($"name: at most {MaxName} characters.");
        if (string.IsNullOrWhiteSpace(form.Credential)) return await Page("credential: the browser sent no passkey. Passkeys need JavaScript and a browser or device that supports them.");

        PasskeyAttestationResult attestation;
        try
        {
            attestation = await signIn.PerformPasskeyAttestationAsync(form.Credential);
        }
        catch (InvalidOperationException)
        {
            // No ceremony was started here (or it expired): the options and the result must come from the same browser.
            return await Page("credential: the passkey request expired. Try again.");
        }
        if (!attestation.Succeeded || attestation.Passkey is not { } passkey) return await Page("credential: the passkey was not accepted: " + attestation.Failure?.Message);
        // The ceremony state names the account it was started for; it must be the one signed in now.
        if (attestation.UserEntity?.Id != user.Id) return await Page("credential: this passkey was made for another account.");

        passkey.Name = name;
        var added = await users.AddOrUpdatePasskeyAsync(user, passkey);
        if (!added.Succeeded) return await Page("credential: " + string.Join(" ", added.Errors.Select(e => e.Description)));
        await signIn.RefreshSignInAsync(user);
        await AuditAsync(dbFactory, "passkey-added", user, name);
        return TypedResults.Redirect("/account?done=" + Uri.EscapeDataString($"Passkey \"{name}\" added."), preserveMethod: false);
    }

    private static async Task<IResult> RemoveAsync([FromForm] PasskeyForm form, HttpContext context, UserManager<StaffUser> users,
        SignInManager<StaffUser> signIn, IAntiforgery antiforgery, GalenDbFactory dbFactory)
    {
        Http.NoStore(context);
        var user = await users.GetUserAsync(context.User);
        if (user is null) return Results.Unauthorized();
        byte[] id;
        try
        {
            id = Base64Url.DecodeFromChars(form.Id ?? "");
        }
        catch (FormatException)
        {
            id = [];
        }
        var passkey = id.Length == 0 ? null : await users.GetPasskeyAsync(user, id);
        if (passkey is null)
        {
            return Http.Html(StaffPages.Account(context, antiforgery.GetAndStoreTokens(context), user, await ListAsync(users, user), null,
                "id: you have no such passkey; it may have been removed already."), StatusCodes.Status404NotFound);
        }
        var removed = await users.RemovePasskeyAsync(user, id);
        if (!removed.Succeeded) return Http.BadRequestPage("id: " + string.Join(" ", removed.Errors.Select(e => e.Description)));
        await signIn.RefreshSignInAsync(user);
        await AuditAsync(dbFactory, "passkey-removed", user, passkey.Name);
        return TypedResults.Redirect("/account?done=" + Uri.EscapeDataString($"Passkey \"{passkey.Name}\" removed."), preserveMethod: false);
    }

    private static async Task<IResult> SignInAsync([FromForm] PasskeyForm form, HttpContext context, SignInManager<StaffUser> signIn,
        UserManager<StaffUser> users, IAntiforgery antiforgery, GalenDbFactory dbFactory)
    {
        var returnUrl = ReviewEndpoints.LocalUrl(form.ReturnUrl);
        Http.NoStore(context);
        IResult Page(string error, int status) =>
            Http.Html(StaffPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, error, null, false), status);
        if (string.IsNullOrWhiteSpace(form.Credential)) return Page("The browser sent no passkey. Sign in with your password, or try again.", StatusCodes.Status400BadRequest);

        PasskeyAssertionResult<StaffUser> assertion;
        try
        {
            assertion = await signIn.PerformPasskeyAssertionAsync(form.Credential);
        }
        catch (InvalidOperationException)
        {
            return Page("The passkey request expired. Try again.", StatusCodes.Status400BadRequest);
        }
        if (!assertion.Succeeded || assertion.User is not { } user || assertion.Passkey is not { } passkey)
        {
            return Page("That passkey was not accepted. Use a passkey registered on your account page, or your password.", StatusCodes.Status401Unauthorized);
        }
        if (user.Disabled) return Page("This account is disabled. Ask an administrator.", StatusCodes.Status403Forbidden);
        if (await users.IsLockedOutAsync(user)) return Page("This account is locked after repeated wrong passwords. Try again in 15 minutes.", StatusCodes.Status423Locked);

        // The signature counter moves on with each use; a copied authenticator would fall behind and be refused.
        await users.AddOrUpdatePasskeyAsync(user, passkey);
        // Identity's own passkey sign-in ends the same way but without the multi-factor mark this site's policies read.
        Claim[] claims = passkey.IsUserVerified
            ? [TwoFactor.PassedClaim(), new Claim(ClaimTypes.AuthenticationMethod, "passkey")]
            : [new Claim(ClaimTypes.AuthenticationMethod, "passkey")];
        await signIn.SignInWithClaimsAsync(user, isPersistent: false, claims);
        await AuditAsync(dbFactory, "sign-in", user, "with a passkey");
        return TypedResults.Redirect(returnUrl, preserveMethod: false);
    }

    private static async Task AuditAsync(GalenDbFactory dbFactory, string action, StaffUser user, string? comment)
    {
        await using var db = dbFactory.Create();
        db.AuditLog.Add(new AuditEntryRow { At = DateTime.UtcNow, Action = action, ActorId = user.Id, ActorName = user.Signature, SubjectId = user.Id, Comment = comment });
        await db.SaveChangesAsync();
    }
}
