using System.Text.Json;
using System.Text.RegularExpressions;
using Galen.Evidence.Store;
using Galen.Testing;
using Microsoft.EntityFrameworkCore;

namespace Galen.Cli.Tests;

/// <summary>`galen users`: the only way to create the first administrator; no account exists before it.</summary>
public sealed class UsersCommandTests : IDisposable
{
    private readonly TempDirectory data = new();

    private Task<CliResult> Galen(params string[] args) => Cli.RunAsync(["--data", data.Path, "--quiet", .. args]);

    public void Dispose() => data.Dispose();

    [Fact]
    public async Task Adding_listing_and_disabling_staff()
    {
        var none = await Galen("users", "list");
        Assert.Equal(0, none.ExitCode);
        Assert.Contains("No staff accounts.", none.Stdout);

        var added = await Galen("users", "add", "--email", "ada@example.org", "--name", "Ada Lovelace", "--role", "reviewer",
            "--credentials", "MD, FACP", "--specialty", "Neurology", "--disclosures", "None.");
        Assert.Equal(0, added.ExitCode);
        Assert.Contains("Added Ada Lovelace, MD, FACP <ada@example.org> as reviewer.", added.Stdout);
        var password = Regex.Match(added.Stdout, "One-time password: (\\S+)").Groups[1].Value;
        Assert.Equal(20, password.Length);

        // The password is stored only as Identity's hash, and must be replaced at first sign-in.
        var options = GalenStoreOptions.FromEnvironment(data.Path);
        await using (var db = new GalenDbFactory(options).Create())
        {
            var user = await db.Users.SingleAsync();
            Assert.DoesNotContain(password, user.PasswordHash!);
            Assert.True(user.PasswordChangeRequired);
            Assert.Equal("Neurology", user.Specialty);
            Assert.True(user.LockoutEnabled);
            Assert.Equal("staff-added", (await db.AuditLog.SingleAsync()).Action);
        }

        await Galen("users", "add", "--email", "al@example.org", "--name", "Al Admin", "--role", "admin,editor");
        var list = await Galen("users", "list", "--json");
        var rows = list.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(["ada@example.org", "al@example.org"], rows.Select(r => r.GetProperty("email").GetString()));
        Assert.Equal(["admin", "editor"], rows[1].GetProperty("roles").EnumerateArray().Select(r => r.GetString()));

        var disabled = await Galen("users", "disable", "--email", "ada@example.org");
        Assert.Equal(0, disabled.ExitCode);
        Assert.Contains("ada@example.org", (await Galen("users", "list")).Stdout.Split('\n').Single(l => l.Contains("disabled")));
    }

    [Theory]
    [InlineData("email: give the person's email address.", "users|add|--name|X|--role|admin")]
    [InlineData("email: 'ada' is not an email address.", "users|add|--email|ada|--name|X|--role|admin")]
    [InlineData("name: give the person's name", "users|add|--email|a@example.org|--role|admin")]
    [InlineData("role: 'owner' is not a role; choose admin, editor or reviewer.", "users|add|--email|a@example.org|--name|X|--role|owner")]
    [InlineData("role: choose admin, editor or reviewer.", "users|add|--email|a@example.org|--name|X")]
    [InlineData("email: there is no account for b@example.org.", "users|disable|--email|b@example.org")]
    [InlineData("unknown option --password", "users|add|--email|a@example.org|--name|X|--role|admin|--password|x")]
    [InlineData("usage: galen users", "users|remove")]
    public async Task Bad_input_is_exit_2_with_a_message_naming_the_field(string message, string args)
    {
        var result = await Galen(args.Split('|'));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains(message, result.Stderr);
        await using var db = new GalenDbFactory(GalenStoreOptions.FromEnvironment(data.Path)).Create();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task The_same_email_twice_is_refused()
    {
        Assert.Equal(0, (await Galen("users", "add", "--email", "a@example.org", "--name", "A", "--role", "editor")).ExitCode);
        var again = await Galen("users", "add", "--email", "a@example.org", "--name", "B", "--role", "editor");
        Assert.Equal(2, again.ExitCode);
        Assert.Contains("email: an account for a@example.org already exists.", again.Stderr);
    }
}
