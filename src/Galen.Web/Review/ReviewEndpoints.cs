using Galen.Evidence.Store;
using Galen.Web.Articles;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;

namespace Galen.Web.Review;

public sealed class SignInForm
{
    public string? Email { get; set; }
    public string? Password { get; set; }
    public string? NewPassword { get; set; }
    public string? Code { get; set; }
    public string? ReturnUrl { get; set; }
}

public sealed class TwoFactorForm
{
    public string? Code { get; set; }
}

public sealed class StepForm
{
    public int? Revision { get; set; }
    public string? Comment { get; set; }
}

public sealed class StaffForm
{
    public string? Email { get; set; }
    public string? Name { get; set; }
    public string? Role { get; set; }
    public string? Credentials { get; set; }
    public string? Specialty { get; set; }
    public string? Disclosures { get; set; }
}

/// <summary>
/// Staff sign-in and the review desk. Every desk endpoint checks the role on the server (policies in
/// <see cref="StaffPolicies"/>); anonymous requests get 401, signed-in people without the role 403.
/// </summary>
public static class ReviewEndpoints
{
    /// <summary>Every staff endpoint with the role it needs; the access tests walk this list.</summary>
    public static readonly IReadOnlyList<(string Method, string Path, string Policy)> StaffEndpoints =
    [
        ("GET", "/desk", StaffPolicies.Staff),
        ("GET", "/desk/articles/{slug}", StaffPolicies.Staff),
        ("GET", "/desk/articles/{slug}/diff", StaffPolicies.Staff),
        ("POST", "/desk/articles/{slug}/claim", StaffPolicies.Reviewer),
        ("POST", "/desk/articles/{slug}/approve", StaffPolicies.Reviewer),
        ("POST", "/desk/articles/{slug}/confirm", StaffPolicies.Reviewer),
        ("POST", "/desk/articles/{slug}/request-changes", StaffPolicies.Reviewer),
        ("POST", "/desk/articles/{slug}/reject", StaffPolicies.Reviewer),
        ("POST", "/desk/articles/{slug}/revise", StaffPolicies.Editor),
        ("POST", "/desk/articles/{slug}/withdraw", StaffPolicies.Editor),
        ("POST", "/desk/articles/{slug}/triage", StaffPolicies.Editor),
        ("GET", "/desk/staff", StaffPolicies.Admin),
        ("POST", "/desk/staff", StaffPolicies.Admin),
        ("POST", "/desk/staff/disable", StaffPolicies.Admin),
        ("GET", "/desk/audit", StaffPolicies.Admin),
        ("GET", "/desk/audit.jsonl", StaffPolicies.Admin),
    ];

    public static IEndpointRouteBuilder MapGalenReview(this IEndpointRouteBuilder app)
    {
        var site = app.MapGroup("").ExcludeFromDescription();
        site.MapGet("/sign-in", (HttpContext context, string? returnUrl, IAntiforgery antiforgery) =>
        {
            Http.NoStore(context);
            return Http.Html(StaffPages.SignIn(antiforgery.GetAndStoreTokens(context), LocalUrl(returnUrl), null, null, false));
        });
        site.MapPost("/sign-in", SignInAsync).RequireRateLimiting(StaffRateLimits.SignIn);
        app.MapStaffPasskeys();
        site.MapPost("/sign-out", async ([FromForm] StepForm _, SignInManager<StaffUser> signIn) =>
        {
            await signIn.SignOutAsync();
            return TypedResults.Redirect("/", preserveMethod: false);
        });
        site.MapGet("/account/two-factor", async (HttpContext context, UserManager<StaffUser> users, SignInManager<StaffUser> signIn, IAntiforgery antiforgery) =>
        {
            Http.NoStore(context);
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Unauthorized();
            var key = await users.GetAuthenticatorKeyAsync(user);
            if (string.IsNullOrEmpty(key))
            {
                // A new key changes the security stamp: the sign-in cookie is renewed so that it stays valid.
                await users.ResetAuthenticatorKeyAsync(user);
                key = await users.GetAuthenticatorKeyAsync(user);
                await signIn.RefreshSignInAsync(user);
            }
            return Http.Html(StaffPages.TwoFactorSetup(antiforgery.GetAndStoreTokens(context), user.Email ?? "", key!, null));
        }).RequireAuthorization();
        site.MapPost("/account/two-factor", async ([FromForm] TwoFactorForm form, HttpContext context, UserManager<StaffUser> users,
            SignInManager<StaffUser> signIn, IAntiforgery antiforgery, GalenDbFactory dbFactory) =>
        {
            Http.NoStore(context);
            var user = await users.GetUserAsync(context.User);
            if (user is null) return Results.Unauthorized();
            var code = form.Code?.Replace(" ", "", StringComparison.Ordinal) ?? "";
            if (code.Length == 0 || !await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, code))
            {
                return Http.Html(StaffPages.TwoFactorSetup(antiforgery.GetAndStoreTokens(context), user.Email ?? "", await users.GetAuthenticatorKeyAsync(user) ?? "",
                    "code: the code is wrong or has expired; check the app's clock and enter the code it shows now."), StatusCodes.Status400BadRequest);
            }
            await users.SetTwoFactorEnabledAsync(user, true);
            await using (var db = dbFactory.Create())
            {
                db.AuditLog.Add(new AuditEntryRow { At = DateTime.UtcNow, Action = "two-factor-on", ActorId = user.Id, ActorName = user.Signature, SubjectId = user.Id });
                await db.SaveChangesAsync();
            }
            // Turning it on changes the security stamp: sign in again, this time with the second factor given.
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [TwoFactor.PassedClaim()]);
            return TypedResults.Redirect("/desk", preserveMethod: false);
        }).RequireAuthorization().RequireRateLimiting(StaffRateLimits.SignIn);
        // The former review desk address.
        site.MapGet("/editor", () => TypedResults.Redirect("/desk", permanent: true));
        site.MapGet("/articles/{slug}/versions", async (string slug, HttpContext context, ArticleService articles, DeskQueries desk, CancellationToken ct) =>
        {
            var article = await articles.FindAsync(slug, ct);
            if (article is null) return Http.NotFoundPage($"There is no article at /articles/{slug}.");
            var staff = StaffRoles.All.Any(context.User.IsInRole);
            if (staff) Http.NoStore(context);
            return Http.Html(StaffPages.Versions(article, await desk.PublicVersionsAsync(article.Id, ct), Http.Canonical(context.Request, $"/articles/{slug}/versions"), staff));
        });

        var desk = app.MapGroup("/desk").ExcludeFromDescription().RequireAuthorization(StaffPolicies.Staff);
        desk.MapGet("", async (int? page, HttpContext context, DeskQueries queries, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            Http.NoStore(context);
            return Http.Html(StaffPages.Queue(context, antiforgery.GetAndStoreTokens(context), await queries.QueueAsync(page ?? 1, ct: ct)));
        });
        desk.MapGet("/articles/{slug}", (string slug, string? done, HttpContext context, DeskQueries queries, AuditLog audit, IAntiforgery antiforgery, CancellationToken ct) =>
            DeskArticleAsync(slug, done, context, queries, audit, antiforgery, ct));
        desk.MapGet("/articles/{slug}/diff", async (string slug, int? from, int? to, HttpContext context, DeskQueries queries, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            if (from is null || to is null) return Http.BadRequestPage("from, to: give the two version numbers to compare.");
            var a = await queries.VersionAsync(slug, from.Value, ct);
            var b = await queries.VersionAsync(slug, to.Value, ct);
            if (a is null || b is null) return Http.NotFoundPage($"Article '{slug}' has no version {(a is null ? from : to)}.");
            var article = await queries.ArticleAsync(slug, ct);
            Http.NoStore(context);
            return Http.Html(StaffPages.DiffPage(context, antiforgery.GetAndStoreTokens(context), slug, article!.Question, article.Versions.Select(v => v.Number).ToList(),
                VersionDiff.Between(ReviewWorkflow.Parse(a.Value.Clinician), ReviewWorkflow.Parse(b.Value.Clinician)), from.Value, to.Value,
                await EditorWordingAsync(queries, slug, ct)));
        });

        MapStep(desk, "claim", ReviewStep.Claim, StaffPolicies.Reviewer);
        MapStep(desk, "approve", ReviewStep.Approve, StaffPolicies.Reviewer);
        MapStep(desk, "confirm", ReviewStep.Confirm, StaffPolicies.Reviewer);
        MapStep(desk, "request-changes", ReviewStep.RequestChanges, StaffPolicies.Reviewer);
        MapStep(desk, "reject", ReviewStep.Reject, StaffPolicies.Reviewer);
        MapStep(desk, "withdraw", ReviewStep.Withdraw, StaffPolicies.Editor);
        MapStep(desk, "triage", ReviewStep.Triage, StaffPolicies.Editor);
        desk.MapPost("/articles/{slug}/revise", async (string slug, IFormCollection form, HttpContext context, ReviewWorkflow workflow, CancellationToken ct) =>
        {
            if (!int.TryParse(form["revision"], out var revision)) return Http.BadRequestPage("revision: the form lacks the revision it was shown; reload the page.");
            var wording = form.Keys.Where(k => k.StartsWith("clinician.", StringComparison.Ordinal) || k.StartsWith("patient.", StringComparison.Ordinal))
                .ToDictionary(k => k, k => form[k].ToString(), StringComparer.Ordinal);
            return await RunAsync(context, slug, actor => workflow.ReviseAsync(slug, revision, wording, form["comment"], actor, ct),
                number => $"Saved as version {number}.");
        }).RequireAuthorization(StaffPolicies.Editor).RequireRateLimiting(StaffRateLimits.Desk);

        desk.MapGet("/staff", async (HttpContext context, StaffDirectory directory, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            Http.NoStore(context);
            return Http.Html(StaffPages.Staff(context, antiforgery.GetAndStoreTokens(context), await directory.ListAsync(ct), null, null, null));
        }).RequireAuthorization(StaffPolicies.Admin);
        desk.MapPost("/staff", async ([FromForm] StaffForm form, HttpContext context, StaffDirectory directory, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            var actor = await StaffIdentity.ActorAsync(context);
            if (actor is null) return Results.Forbid();
            Http.NoStore(context);
            try
            {
                var (member, password) = await directory.AddAsync(
                    new NewStaffMember(form.Email, form.Name, form.Role is null ? [] : [form.Role.Trim()], form.Credentials, form.Specialty, form.Disclosures), actor.Signature, ct);
                return Http.Html(StaffPages.Staff(context, antiforgery.GetAndStoreTokens(context), await directory.ListAsync(ct), $"Added {member.Signature} as {string.Join(", ", member.Roles)}.", password, null));
            }
            catch (StaffInputException ex)
            {
                return Http.Html(StaffPages.Staff(context, antiforgery.GetAndStoreTokens(context), await directory.ListAsync(ct), null, null, ex.Message), StatusCodes.Status400BadRequest);
            }
        }).RequireAuthorization(StaffPolicies.Admin).RequireRateLimiting(StaffRateLimits.Desk);
        desk.MapPost("/staff/disable", async ([FromForm] StaffForm form, HttpContext context, StaffDirectory directory, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            var actor = await StaffIdentity.ActorAsync(context);
            if (actor is null) return Results.Forbid();
            Http.NoStore(context);
            try
            {
                var member = await directory.DisableAsync(form.Email, actor.Id, actor.Signature, ct);
                return Http.Html(StaffPages.Staff(context, antiforgery.GetAndStoreTokens(context), await directory.ListAsync(ct), $"Disabled {member.Signature}.", null, null));
            }
            catch (StaffInputException ex)
            {
                return Http.Html(StaffPages.Staff(context, antiforgery.GetAndStoreTokens(context), await directory.ListAsync(ct), null, null, ex.Message), StatusCodes.Status400BadRequest);
            }
        }).RequireAuthorization(StaffPolicies.Admin).RequireRateLimiting(StaffRateLimits.Desk);
        desk.MapGet("/audit", async (string? article, string? person, HttpContext context, AuditLog audit, IAntiforgery antiforgery, CancellationToken ct) =>
        {
            Http.NoStore(context);
            return Http.Html(StaffPages.Audit(context, antiforgery.GetAndStoreTokens(context), await audit.ReadAsync(article, person, 1000, ct), article, person));
        }).RequireAuthorization(StaffPolicies.Admin);
        desk.MapGet("/audit.jsonl", async (string? article, string? person, HttpContext context, AuditLog audit, CancellationToken ct) =>
        {
            Http.NoStore(context);
            context.Response.ContentType = "application/jsonl; charset=utf-8";
            context.Response.Headers.ContentDisposition = "attachment; filename=\"galen-audit.jsonl\"";
            await audit.WriteJsonLinesAsync(context.Response.Body, article, person, ct);
        }).RequireAuthorization(StaffPolicies.Admin);
        return app;
    }

    private static void MapStep(RouteGroupBuilder desk, string action, ReviewStep step, string policy) =>
        desk.MapPost($"/articles/{{slug}}/{action}", async (string slug, [FromForm] StepForm form, HttpContext context, ReviewWorkflow workflow, CancellationToken ct) =>
        {
            if (form.Revision is null) return Http.BadRequestPage("revision: the form lacks the revision it was shown; reload the page.");
            return await RunAsync(context, slug, actor => workflow.StepAsync(slug, step, form.Revision.Value, form.Comment, actor, ct), state => $"The article is now {state}.");
        }).RequireAuthorization(policy).RequireRateLimiting(StaffRateLimits.Desk);

    /// <summary>Runs a desk step and turns its outcome into a redirect (303) or an error page naming what went wrong.</summary>
    private static async Task<IResult> RunAsync<T>(HttpContext context, string slug, Func<StaffAuthor, Task<T?>> step, Func<T, string> done)
    {
        var actor = await StaffIdentity.ActorAsync(context);
        if (actor is null) return Results.Forbid();
        try
        {
            var result = await step(actor);
            if (result is null) return Http.NotFoundPage($"There is no article '{slug}'.");
            return TypedResults.Redirect($"/desk/articles/{slug}?done={Uri.EscapeDataString(done(result))}", preserveMethod: false);
        }
        catch (StaffInputException ex)
        {
            return Http.BadRequestPage(ex.Message);
        }
        catch (ReviewStateException ex)
        {
            return Http.Html(Layout.ErrorPage(StatusCodes.Status409Conflict, "Not at this state", ex.Message), StatusCodes.Status409Conflict);
        }
        catch (ReviewConflictException ex)
        {
            return Http.Html(Layout.ErrorPage(StatusCodes.Status409Conflict, "Changed by someone else", ex.Message), StatusCodes.Status409Conflict);
        }
        catch (ReviewRuleException ex)
        {
            return Http.Html(Layout.ErrorPage(StatusCodes.Status403Forbidden, "Not allowed", ex.Message), StatusCodes.Status403Forbidden);
        }
    }

    private static async Task<IResult> DeskArticleAsync(string slug, string? done, HttpContext context, DeskQueries queries, AuditLog audit,
        IAntiforgery antiforgery, CancellationToken ct)
    {
        var article = await queries.ArticleAsync(slug, ct);
        if (article is null) return Http.NotFoundPage($"There is no article '{slug}'.");
        var latest = await queries.VersionAsync(slug, article.LatestVersion, ct);
        var clinician = ReviewWorkflow.Parse(latest!.Value.Clinician);
        var patient = ReviewWorkflow.Parse(latest.Value.Patient);
        // The change under review: against the approved version when there is one, else against the previous version.
        var baseline = article.ApprovedVersion is { } approved && approved < article.LatestVersion ? approved : article.LatestVersion - 1;
        VersionDiff? diff = null;
        if (baseline >= 1 && await queries.VersionAsync(slug, baseline, ct) is { } before)
        {
            diff = VersionDiff.Between(ReviewWorkflow.Parse(before.Clinician), clinician);
        }
        var history = await audit.ReadAsync(slug, null, 200, ct);
        Http.NoStore(context);
        return Http.Html(StaffPages.Article(context, antiforgery.GetAndStoreTokens(context), article, clinician, patient, diff, baseline, history,
            string.IsNullOrWhiteSpace(done) || done.Length > 200 ? null : done, diff is null ? null : await EditorWordingAsync(queries, slug, ct)));
    }

    private static async Task<EditorWording> EditorWordingAsync(DeskQueries queries, string slug, CancellationToken ct) =>
        EditorWording.Read((await queries.ClinicianHistoryAsync(slug, ct)).Select(v => (v.Reason, ReviewWorkflow.Parse(v.Clinician))));

    private static async Task<IResult> SignInAsync([FromForm] SignInForm form, HttpContext context, SignInManager<StaffUser> signIn,
        UserManager<StaffUser> users, IAntiforgery antiforgery, GalenDbFactory dbFactory)
    {
        var returnUrl = LocalUrl(form.ReturnUrl);
        Http.NoStore(context);
        IResult Page(string error, bool choose, int status = StatusCodes.Status400BadRequest) =>
            Http.Html(StaffPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, error, form.Email, choose), status);
        if (string.IsNullOrWhiteSpace(form.Email)) return Page("email: enter your email address.", false);
        if (string.IsNullOrEmpty(form.Password)) return Page("password: enter your password.", false);
        var user = await users.FindByEmailAsync(form.Email.Trim());
        const string wrong = "The email or password is wrong. After 5 wrong tries the account is locked for 15 minutes.";
        if (user is null) return Page(wrong, false, StatusCodes.Status401Unauthorized);
        if (user.Disabled) return Page("This account is disabled. Ask an administrator.", false, StatusCodes.Status403Forbidden);

        var check = await signIn.CheckPasswordSignInAsync(user, form.Password, lockoutOnFailure: true);
        if (check.IsLockedOut) return Page("This account is locked after repeated wrong passwords. Try again in 15 minutes.", false, StatusCodes.Status423Locked);
        if (!check.Succeeded) return Page(wrong, false, StatusCodes.Status401Unauthorized);
        if (user.PasswordChangeRequired)
        {
            // The one-time password from `galen users add` only opens the way to choosing one's own.
            if (string.IsNullOrEmpty(form.NewPassword)) return Page("Choose your own password to finish signing in for the first time.", true, StatusCodes.Status200OK);
            if (form.NewPassword == form.Password) return Page("newPassword: choose a password different from the one-time password.", true);
            var changed = await users.ChangePasswordAsync(user, form.Password, form.NewPassword);
            if (!changed.Succeeded) return Page("newPassword: " + string.Join(" ", changed.Errors.Select(e => e.Description)), true);
            user.PasswordChangeRequired = false;
            await users.UpdateAsync(user);
        }
        if (user.TwoFactorEnabled)
        {
            if (string.IsNullOrWhiteSpace(form.Code))
            {
                return Http.Html(StaffPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, "Enter your password again with the code from your authenticator app.", form.Email, false, askCode: true));
            }
            if (!await users.VerifyTwoFactorTokenAsync(user, TokenOptions.DefaultAuthenticatorProvider, form.Code.Replace(" ", "", StringComparison.Ordinal)))
            {
                // A wrong code counts toward lockout like a wrong password.
                await users.AccessFailedAsync(user);
                return Http.Html(StaffPages.SignIn(antiforgery.GetAndStoreTokens(context), returnUrl, "code: the code is wrong or has expired.", form.Email, false, askCode: true), StatusCodes.Status401Unauthorized);
            }
            await users.ResetAccessFailedCountAsync(user);
            await signIn.SignInWithClaimsAsync(user, isPersistent: false, [TwoFactor.PassedClaim()]);
        }
        else
        {
            await signIn.SignInAsync(user, isPersistent: false);
        }
        await using (var db = dbFactory.Create())
        {
            db.AuditLog.Add(new AuditEntryRow { At = DateTime.UtcNow, Action = "sign-in", ActorId = user.Id, ActorName = user.Signature, Comment = user.TwoFactorEnabled ? "with authenticator code" : null });
            await db.SaveChangesAsync();
        }
        if (!user.TwoFactorEnabled && TwoFactor.RequiredFor(await users.GetRolesAsync(user)))
        {
            return TypedResults.Redirect("/account/two-factor", preserveMethod: false);
        }
        return TypedResults.Redirect(returnUrl, preserveMethod: false);
    }

    /// <summary>Only paths on this site: an open redirect after sign-in would help phishing.</summary>
    public static string LocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url.StartsWith('/') && !url.StartsWith("//", StringComparison.Ordinal) && !url.StartsWith("/\\", StringComparison.Ordinal)
            ? url : "/desk";
}
