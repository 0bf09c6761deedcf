using System.Text.Json;
using Galen.Evidence;
using Galen.Web.Review;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Cli.Commands;

/// <summary>
/// `galen users add|list|disable`: staff accounts without a web form, so the first administrator can be created on
/// the server itself. There is no default account and no default password.
/// </summary>
public static class UsersCommand
{
    public const string Usage = "usage: galen users add --email E --name N --role admin|editor|reviewer [--credentials C] [--specialty S] [--disclosures D]\n" +
                                "       galen users list [--json]\n" +
                                "       galen users disable --email E";

    public static async Task<int> RunAsync(Library library, List<string> rest, ParsedArgs args, TextWriter stdout)
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(library.Options);
        services.AddSingleton(library.Db);
        services.AddGalenStaffStore();
        await using var provider = services.BuildServiceProvider();
        await using var scope = provider.CreateAsyncScope();
        var directory = scope.ServiceProvider.GetRequiredService<StaffDirectory>();
        var actor = $"command line ({Environment.UserName})";
        try
        {
            switch (rest)
            {
                case ["add"]:
                {
                    args.Allow("--email", "--name", "--role", "--credentials", "--specialty", "--disclosures");
                    var roles = args.All("--role").SelectMany(r => r.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)).ToList();
                    var (member, password) = await directory.AddAsync(new NewStaffMember(args.Get("--email"), args.Get("--name"), roles,
                        args.Get("--credentials"), args.Get("--specialty"), args.Get("--disclosures")), actor);
                    stdout.WriteLine($"Added {member.Signature} <{member.Email}> as {string.Join(", ", member.Roles)}.");
                    stdout.WriteLine($"One-time password: {password}");
                    stdout.WriteLine("Give it to the person privately. At /sign-in they enter it once and choose their own password.");
                    return ExitCodes.Done;
                }
                case ["list"]:
                {
                    args.Allow("--json");
                    var members = await directory.ListAsync();
                    if (args.Has("--json"))
                    {
                        foreach (var m in members)
                        {
                            stdout.WriteLine(JsonSerializer.Serialize(new
                            {
                                id = m.Id, email = m.Email, name = m.Name, credentials = m.Credentials, specialty = m.Specialty,
                                roles = m.Roles, disabled = m.Disabled, createdAt = m.CreatedAt,
                            }, CliJson.Options));
                        }
                        return ExitCodes.Done;
                    }
                    if (members.Count == 0) stdout.WriteLine("No staff accounts. Create the first administrator with `galen users add --role admin`.");
                    foreach (var m in members)
                    {
                        stdout.WriteLine($"{m.Email,-32} {m.Signature,-36} {string.Join(",", m.Roles),-24} {(m.Disabled ? "disabled" : "active")}");
                    }
                    return ExitCodes.Done;
                }
                case ["disable"]:
                {
                    args.Allow("--email");
                    var member = await directory.DisableAsync(args.Get("--email"), null, actor);
                    stdout.WriteLine($"Disabled {member.Signature} <{member.Email}>: they can no longer sign in, and open sessions have ended.");
                    return ExitCodes.Done;
                }
                default:
                    throw new UsageException(Usage);
            }
        }
        catch (StaffInputException ex)
        {
            throw new UsageException(ex.Message);
        }
    }
}
