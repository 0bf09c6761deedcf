using System.Net.Mail;
using System.Security.Cryptography;
using System.Threading.RateLimiting;
using System.Xml.Linq;
using Galen.Evidence.Store;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;

namespace Galen.Web.Review;

/// <summary>Authorization policies of the staff endpoints. Roles do not nest: an admin who also reviews holds both roles.</summary>
public static class StaffPolicies
{
    public const string Staff = "staff";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";
    public const string Admin = "admin";
}

/// <summary>A field of a staff form or command that was wrong; the message names the field.</summary>
public sealed class StaffInputException(string message) : Exception(message);

public sealed record StaffMember(
    string Id, string Email, string Name, string? Credentials, string? Specialty, string? Disclosures, string? Bio,
    IReadOnlyList<string> Roles, bool Disabled, bool PasswordChangeRequired, DateTime CreatedAt)
{
    public string Signature => string.IsNullOrWhiteSpace(Credentials) ? Name : $"{Name}, {Credentials}";
}

public sealed record NewStaffMember(string? Email, string? Name, IReadOnlyList<string> Roles, string? Credentials = null, string? Specialty = null, string? Disclosures = null);

/// <summary>Registers staff accounts: ASP.NET Core Identity over the Galen store, for the web site and the command line.</summary>
public static class StaffAccounts
{
    /// <summary>Identity's stores and managers on the Galen database (no HTTP parts): what <c>galen users</c> needs.</summary>
    public static IdentityBuilder AddGalenStaffStore(this IServiceCollection services)
    {
        services.AddScoped<GalenDb>(sp => sp.GetRequiredService<GalenDbFactory>().Create());
        services.AddScoped<StaffDirectory>();
        return services.AddIdentityCore<StaffUser>(o =>
            {
                o.User.RequireUniqueEmail = true;
                // Length protects a password; composition rules mostly make people write them down.
                o.Password.RequiredLength = 12;
                o.Password.RequireDigit = false;
                o.Password.RequireLowercase = false;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = false;
                o.Password.RequiredUniqueChars = 4;
                o.Lockout.AllowedForNewUsers = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<GalenDb>()
            .AddTokenProvider<AuthenticatorTokenProvider<StaffUser>>(TokenOptions.DefaultAuthenticatorProvider);
    }

    private static RateLimitPartition<string> Window(string key, int permitsPerMinute) =>
        RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = permitsPerMinute, Window = TimeSpan.FromMinutes(1), QueueLimit = 0, AutoReplenishment = true,
        });

    /// <summary>Sign-in cookies, role policies, and data-protection keys kept in the database (shared by every web node).</summary>
    public static IServiceCollection AddGalenStaff(this IServiceCollection services)
    {
        services.AddGalenStaffStore().AddSignInManager();
        services.AddGalenPasskeys();
        services.AddHttpContextAccessor();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.Cookie.Name = "galen_staff";
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.LoginPath = "/sign-in";
            o.ExpireTimeSpan = TimeSpan.FromHours(10);
            o.SlidingExpiration = true;
            // Staff endpoints answer 401 and 403 with a page (and a sign-in link), never a redirect, so the status is honest.
            // (The events object is Identity's own, which also re-checks the security stamp: change it, do not replace it.)
            o.Events.OnRedirectToLogin = context => StaffPages.WriteStatusAsync(context.HttpContext, StatusCodes.Status401Unauthorized, context.Request.PathBase + context.Request.Path + context.Request.QueryString);
            o.Events.OnRedirectToAccessDenied = context => StaffPages.WriteStatusAsync(context.HttpContext, StatusCodes.Status403Forbidden, null);
        });
        // Every request re-checks the account's security stamp: disabling someone ends their sessions at once.
        services.Configure<SecurityStampValidatorOptions>(o =>
        {
            o.ValidationInterval = TimeSpan.Zero;
            // The re-check rebuilds the sign-in from the store; the second-factor mark comes from the sign-in itself.
            o.OnRefreshingPrincipal = context =>
            {
                if (TwoFactor.Passed(context.CurrentPrincipal) && context.NewPrincipal?.Identity is System.Security.Claims.ClaimsIdentity identity)
                {
                    identity.AddClaim(TwoFactor.PassedClaim());
                }
                return Task.CompletedTask;
            };
        });
        services.AddAuthorizationBuilder()
            .AddPolicy(StaffPolicies.Staff, p => p.RequireRole(StaffRoles.All).RequireAssertion(c => TwoFactor.Satisfied(c.User)))
            .AddPolicy(StaffPolicies.Editor, p => p.RequireRole(StaffRoles.Editor).RequireAssertion(c => TwoFactor.Satisfied(c.User)))
            .AddPolicy(StaffPolicies.Reviewer, p => p.RequireRole(StaffRoles.Reviewer).RequireAssertion(c => TwoFactor.Satisfied(c.User)))
            .AddPolicy(StaffPolicies.Admin, p => p.RequireRole(StaffRoles.Admin).RequireAssertion(c => TwoFactor.Satisfied(c.User)));
        services.AddScoped<ReviewWorkflow>();
        services.AddScoped<AuditLog>();
        services.Configure<RateLimiterOptions>(o =>
        {
            // Password guessing is limited per address here and per account by lockout.
            o.AddPolicy(StaffRateLimits.SignIn, context => Window("sign-in|" + RateLimiting.ClientOf(context), 30));
            // Desk steps are limited per person: a reviewer working through the queue is not a reader spamming a form.
            o.AddPolicy(StaffRateLimits.Desk, context => Window("desk|" + (context.User.Identity?.Name ?? RateLimiting.ClientOf(context)), 240));
        });
        return services;
    }
}

/// <summary>
/// The second factor (an authenticator app's time-based code). Reviewers and admins must use it: their sign-in counts
/// for the desk only once the code was given; editors may turn it on.
/// </summary>
public static class TwoFactor
{
    public const string ClaimType = "amr";
    public const string ClaimValue = "mfa";

    public static System.Security.Claims.Claim PassedClaim() => new(ClaimType, ClaimValue);

    public static bool Passed(System.Security.Claims.ClaimsPrincipal? user) => user?.HasClaim(ClaimType, ClaimValue) == true;

    public static bool Required(System.Security.Claims.ClaimsPrincipal user) => user.IsInRole(StaffRoles.Reviewer) || user.IsInRole(StaffRoles.Admin);

    public static bool RequiredFor(IEnumerable<string> roles) => roles.Contains(StaffRoles.Reviewer) || roles.Contains(StaffRoles.Admin);

    public static bool Satisfied(System.Security.Claims.ClaimsPrincipal user) => !Required(user) || Passed(user);
}

public static class StaffRateLimits
{
    public const string SignIn = "sign-in";
    public const string Desk = "desk";
}

/// <summary>Staff accounts: add, list, disable; the review board is read from here.</summary>
public sealed class StaffDirectory(UserManager<StaffUser> users, RoleManager<IdentityRole> roles, GalenDb db)
{
    /// <summary>Creates an account with a one-time password that must be replaced at first sign-in. Returns that password.</summary>
    public async Task<(StaffMember Member, string OneTimePassword)> AddAsync(NewStaffMember input, string? actorName, CancellationToken ct = default)
    {
        var email = input.Email?.Trim() ?? "";
        if (email.Length == 0) throw new StaffInputException("email: give the person's email address.");
        if (!MailAddress.TryCreate(email, out var parsed) || parsed.Address != email) throw new StaffInputException($"email: '{email}' is not an email address.");
        var name = input.Name?.Trim() ?? "";
        if (name.Length == 0) throw new StaffInputException("name: give the person's name as it should appear on approvals.");
        if (name.Length > 200) throw new StaffInputException("name: at most 200 characters.");
        if (input.Roles.Count == 0) throw new StaffInputException("role: choose admin, editor or reviewer.");
        foreach (var role in input.Roles)
        {
            if (!StaffRoles.All.Contains(role)) throw new StaffInputException($"role: '{role}' is not a role; choose admin, editor or reviewer.");
        }
        if (await users.FindByEmailAsync(email) is not null) throw new StaffInputException($"email: an account for {email} already exists.");

        var password = OneTimePassword();
        var user = new StaffUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            Name = name,
            Credentials = Blank(input.Credentials),
            Specialty = Blank(input.Specialty),
            Disclosures = Blank(input.Disclosures),
            PasswordChangeRequired = true,
            CreatedAt = DateTime.UtcNow,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        Check(await users.CreateAsync(user, password), "email");
        foreach (var role in input.Roles.Distinct())
        {
            if (!await roles.RoleExistsAsync(role)) Check(await roles.CreateAsync(new IdentityRole(role)), "role");
            Check(await users.AddToRoleAsync(user, role), "role");
        }
        db.AuditLog.Add(new AuditEntryRow
        {
            At = DateTime.UtcNow, Action = "staff-added", ActorName = actorName, SubjectId = user.Id,
            Comment = $"{user.Signature} <{email}> as {string.Join(", ", input.Roles.Distinct())}",
        });
        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return (ToMember(user, [.. input.Roles.Distinct()]), password);
    }

    public async Task<IReadOnlyList<StaffMember>> ListAsync(CancellationToken ct = default)
    {
        var accounts = await db.Users.AsNoTracking().OrderBy(u => u.CreatedAt).ThenBy(u => u.Email).ToListAsync(ct);
        var roleRows = await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(ct);
        var byUser = roleRows.ToLookup(r => r.UserId, r => r.Name!);
        return accounts.Select(u => ToMember(u, [.. byUser[u.Id].Order(StringComparer.Ordinal)])).ToList();
    }

    /// <summary>Disables the account: it can no longer sign in, and its open sessions end at their next request.</summary>
    public async Task<StaffMember> DisableAsync(string? email, string? actorId, string? actorName, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(email)) throw new StaffInputException("email: say whose account to disable.");
        var user = await users.FindByEmailAsync(email.Trim()) ?? throw new StaffInputException($"email: there is no account for {email.Trim()}.");
        if (!user.Disabled)
        {
            user.Disabled = true;
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            Check(await users.UpdateAsync(user), "email");
            Check(await users.UpdateSecurityStampAsync(user), "email");
            db.AuditLog.Add(new AuditEntryRow { At = DateTime.UtcNow, Action = "staff-disabled", ActorId = actorId, ActorName = actorName, SubjectId = user.Id, Comment = user.Email });
            await db.SaveChangesAsync(ct);
        }
        return ToMember(user, [.. (await users.GetRolesAsync(user)).Order(StringComparer.Ordinal)]);
    }

    private static StaffMember ToMember(StaffUser u, IReadOnlyList<string> roleNames) =>
        new(u.Id, u.Email ?? "", u.Name, u.Credentials, u.Specialty, u.Disclosures, u.Bio, roleNames, u.Disabled, u.PasswordChangeRequired, u.CreatedAt);

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    private static void Check(IdentityResult result, string field)
    {
        if (!result.Succeeded) throw new StaffInputException($"{field}: {string.Join(" ", result.Errors.Select(e => e.Description))}");
    }

    /// <summary>20 characters from an alphabet without look-alikes (0/O, 1/l/I), about 100 bits.</summary>
    public static string OneTimePassword()
    {
        const string alphabet = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++) span[i] = alphabet[RandomNumberGenerator.GetInt32(alphabet.Length)];
        });
    }
}

/// <summary>
/// Data-protection keys (sign-in cookies, form tokens) in the Galen database, so that several web nodes on one
/// PostgreSQL accept each other's cookies and forms.
/// </summary>
public sealed class StoreXmlRepository(GalenDbFactory dbFactory) : IXmlRepository
{
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var db = dbFactory.Create();
        return db.DataProtectionKeys.AsNoTracking().OrderBy(k => k.Id).Select(k => k.Xml).ToList().Select(XElement.Parse).ToList();
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var db = dbFactory.Create();
        db.DataProtectionKeys.Add(new DataProtectionKeyRow { FriendlyName = friendlyName, Xml = element.ToString(SaveOptions.DisableFormatting) });
        db.SaveChanges();
    }
}
