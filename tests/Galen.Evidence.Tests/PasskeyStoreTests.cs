using Galen.Evidence.Store;
using Galen.Evidence.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence.Tests;

/// <summary>
/// Staff passkeys in the migrated store, through Identity's own user store (what the sign-in uses), on SQLite and on
/// PostgreSQL.
/// </summary>
public abstract class PasskeyStoreTests(Provider provider)
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static UserPasskeyInfo Passkey(byte first, string name, uint signCount = 0) =>
        new([first, 2, 3, 4, 5, 6, 7, 8], [9, 8, 7, 6], new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), signCount,
            ["internal", "hybrid"], isUserVerified: true, isBackupEligible: false, isBackedUp: false, attestationObject: [1, 1], clientDataJson: [2, 2])
        {
            Name = name,
        };

    private static async Task<StaffUser> AddUserAsync(UserStore<StaffUser, IdentityRole, GalenDb> store, string email)
    {
        var user = new StaffUser { UserName = email, NormalizedUserName = email.ToUpperInvariant(), Email = email, Name = "Ada Lovelace", CreatedAt = DateTime.UtcNow };
        Assert.True((await store.CreateAsync(user)).Succeeded);
        return user;
    }

    [Fact]
    public async Task A_passkey_is_stored_found_by_its_credential_and_removed()
    {
        using var t = new TestLibrary(provider);
        string userId;
        await using (var db = t.Library.Db.Create())
        using (var store = new UserStore<StaffUser, IdentityRole, GalenDb>(db))
        {
            var user = await AddUserAsync(store, "ada@example.org");
            userId = user.Id;
            await store.AddOrUpdatePasskeyAsync(user, Passkey(1, "Work laptop"), Ct);
            await store.AddOrUpdatePasskeyAsync(user, Passkey(2, "Phone"), Ct);
        }

        // A new context, as a later request would have: everything comes back from the database.
        await using (var db = t.Library.Db.Create())
        using (var store = new UserStore<StaffUser, IdentityRole, GalenDb>(db))
        {
            var owner = await store.FindByPasskeyIdAsync([1, 2, 3, 4, 5, 6, 7, 8], Ct);
            Assert.Equal(userId, owner?.Id);
            Assert.Null(await store.FindByPasskeyIdAsync([1, 2, 3, 4, 5, 6, 7, 9], Ct));
            var passkeys = (await store.GetPasskeysAsync(owner!, Ct)).OrderBy(p => p.CredentialId[0]).ToList();
            Assert.Equal(["Work laptop", "Phone"], passkeys.Select(p => p.Name));
            var first = passkeys[0];
            Assert.Equal(new byte[] { 9, 8, 7, 6 }, first.PublicKey);
            Assert.Equal(["internal", "hybrid"], first.Transports ?? []);
            Assert.True(first.IsUserVerified);
            Assert.Equal(new DateTimeOffset(2026, 12, 1, 8, 30, 0, TimeSpan.Zero), first.CreatedAt);

            // A sign-in moves the signature counter on; the same credential is updated, not added twice.
            await store.AddOrUpdatePasskeyAsync(owner!, Passkey(1, "Work laptop", signCount: 7), Ct);
            await store.RemovePasskeyAsync(owner!, [2, 2, 3, 4, 5, 6, 7, 8], Ct);
        }

        await using (var db = t.Library.Db.Create())
        {
            var rows = await db.Set<IdentityUserPasskey<string>>().AsNoTracking().ToListAsync();
            var row = Assert.Single(rows);
            Assert.Equal(userId, row.UserId);
            Assert.Equal(7u, row.Data.SignCount);
            Assert.Equal("Work laptop", row.Data.Name);
        }
    }

    [Fact]
    public async Task A_credential_belongs_to_one_account_and_goes_with_it()
    {
        using var t = new TestLibrary(provider);
        await using var db = t.Library.Db.Create();
        using var store = new UserStore<StaffUser, IdentityRole, GalenDb>(db);
        var ada = await AddUserAsync(store, "ada@example.org");
        var ben = await AddUserAsync(store, "ben@example.org");
        await store.AddOrUpdatePasskeyAsync(ada, Passkey(1, "Ada's key"), Ct);

        // The credential id is the key: a second account cannot claim a credential already registered.
        db.ChangeTracker.Clear();
        db.Set<IdentityUserPasskey<string>>().Add(new IdentityUserPasskey<string>
        {
            UserId = ben.Id,
            CredentialId = [1, 2, 3, 4, 5, 6, 7, 8],
            Data = new IdentityPasskeyData { PublicKey = [1], Name = "copy", CreatedAt = DateTimeOffset.UtcNow, AttestationObject = [1], ClientDataJson = [1] },
        });
        await Assert.ThrowsAsync<DbUpdateException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();

        // Deleting an account deletes its passkeys in the database itself.
        await db.Users.Where(u => u.Id == ada.Id).ExecuteDeleteAsync();
        Assert.Equal(0, await db.Set<IdentityUserPasskey<string>>().CountAsync());
    }
}

public sealed class SqlitePasskeyStoreTests() : PasskeyStoreTests(Provider.Sqlite);

[Trait("Category", "PostgreSQL")]
public sealed class PostgresPasskeyStoreTests() : PasskeyStoreTests(Provider.Postgres);
