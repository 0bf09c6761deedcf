using Microsoft.AspNetCore.Identity;

namespace Galen.Evidence.Store;

/// <summary>A staff account (editor, reviewer, admin). Readers have none. The profile is what the review board page shows.</summary>
public sealed class StaffUser : IdentityUser
{
    public required string Name { get; set; }
    /// <summary>Degrees and memberships as the person writes them, e.g. "MD, FACP".</summary>
    public string? Credentials { get; set; }
    public string? Specialty { get; set; }
    /// <summary>Declared conflicts of interest; shown on the board page.</summary>
    public string? Disclosures { get; set; }
    public string? Bio { get; set; }
    public bool Disabled { get; set; }
    /// <summary>Set for a password the command line printed: the person must choose their own at first sign-in.</summary>
    public bool PasswordChangeRequired { get; set; }
    public DateTime CreatedAt { get; set; }

    /// <summary>"Name, credentials": how the person signs an approval.</summary>
    public string Signature => string.IsNullOrWhiteSpace(Credentials) ? Name : $"{Name}, {Credentials}";
}

/// <summary>The staff roles. Readers need no account and hold none.</summary>
public static class StaffRoles
{
    public const string Admin = "admin";
    public const string Editor = "editor";
    public const string Reviewer = "reviewer";

    public static readonly IReadOnlyList<string> All = [Admin, Editor, Reviewer];
}
