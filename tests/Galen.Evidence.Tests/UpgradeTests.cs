using Galen.Evidence.Store;
using Galen.Evidence.Tests.Infrastructure;
using Galen.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Galen.Evidence.Tests;

/// <summary>
/// Upgrading a store written before staff accounts: articles keep their answers as version 1, the review steps taken
/// under the shared editor key move into the audit log, and their approvals go back to the queue.
/// </summary>
public abstract class UpgradeTests(Provider provider)
{
    [Fact]
    public void A_store_from_before_staff_accounts_is_upgraded_without_losing_history()
    {
        using var dir = new TempDirectory();
        var options = new GalenStoreOptions
        {
            DataDirectory = dir.Path,
            Database = provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase() : null,
        };
        var factory = new GalenDbFactory(options);
        var at = new DateTime(2026, 11, 20, 10, 0, 0, DateTimeKind.Utc);
        using (var db = factory.Create())
        {
            db.GetService<IMigrator>().Migrate(db.Database.GetMigrations().First());
            db.Database.ExecuteSqlRaw("""
                INSERT INTO articles ("Slug", "Question", "QuestionKey", "ClinicianJson", "PatientJson", "ReviewState", "Version", "Urgent", "LibraryVersion", "CreatedAt", "UpdatedAt")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})
                """, "old-article", "Old question?", "old question", "{\"c\":1}", "{\"p\":1}", "Approved", 1, false, 7L, at, at);
            db.Database.ExecuteSqlRaw("""
                INSERT INTO articles ("Slug", "Question", "QuestionKey", "ClinicianJson", "PatientJson", "ReviewState", "Version", "Urgent", "LibraryVersion", "CreatedAt", "UpdatedAt")
                VALUES ({0}, {1}, {2}, {3}, {4}, {5}, {6}, {7}, {8}, {9}, {10})
                """, "fresh-article", "Fresh question?", "fresh question", "{}", "{}", "Submitted", 1, false, 7L, at, at);
            db.Database.ExecuteSqlRaw("""
                INSERT INTO review_events ("ArticleId", "FromState", "ToState", "ReviewerId", "ReviewerName", "Note", "At")
                SELECT "Id", 'Under Review', 'Approved', 1, 'Dr. Alex Example, MD', 'Checked.', {0} FROM articles WHERE "Slug" = 'old-article'
                """, at);
        }

        new Library(options).Migrate();

        using var after = factory.Create();
        var old = after.Articles.AsNoTracking().Single(a => a.Slug == "old-article");
        Assert.Equal("Submitted", old.ReviewState);
        Assert.Equal(1, old.LatestVersion);
        Assert.Null(old.ApprovedVersion);
        Assert.Equal("Submitted", after.Articles.AsNoTracking().Single(a => a.Slug == "fresh-article").ReviewState);

        var version = after.ArticleVersions.AsNoTracking().Single(v => v.ArticleId == old.Id);
        Assert.Equal((1, "{\"c\":1}", "{\"p\":1}", 7L, "asked"), (version.Number, version.ClinicianJson, version.PatientJson, version.LibraryVersion, version.Reason));
        Assert.Equal(2, after.ArticleVersions.Count());

        var audit = after.AuditLog.AsNoTracking().Where(e => e.ArticleId == old.Id).OrderBy(e => e.Id).ToList();
        Assert.Equal(["review", "requeue"], audit.Select(e => e.Action));
        Assert.Equal(("Dr. Alex Example, MD", "Under Review", "Approved", "Checked.", "old-article"), (audit[0].ActorName, audit[0].FromState, audit[0].ToState, audit[0].Comment, audit[0].ArticleSlug));
        Assert.Equal(at, DateTime.SpecifyKind(audit[0].At, DateTimeKind.Utc));
        Assert.Equal(("Approved", "Submitted"), (audit[1].FromState, audit[1].ToState));
        Assert.Contains("two reviewers", audit[1].Comment);
        Assert.Empty(after.AuditLog.Where(e => e.ArticleSlug == "fresh-article"));
        Assert.Empty(after.Users);
    }
}

public sealed class SqliteUpgradeTests() : UpgradeTests(Provider.Sqlite);

public sealed class PostgresUpgradeTests() : UpgradeTests(Provider.Postgres);
