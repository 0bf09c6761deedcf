using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence.Store;

/// <summary>
/// The store. One schema, two providers: each provider has its own subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and SQL).
/// Staff accounts (ASP.NET Core Identity) live in the same store as the library and the articles.
/// </summary>
public abstract class GalenDb(DbContextOptions options) : IdentityDbContext<StaffUser>(options)
{
    public DbSet<SourceRow> Sources => Set<SourceRow>();
    public DbSet<LibraryStateRow> LibraryState => Set<LibraryStateRow>();
    public DbSet<SynonymRow> Synonyms => Set<SynonymRow>();
    public DbSet<ArticleRow> Articles => Set<ArticleRow>();
    public DbSet<RatingRow> Ratings => Set<RatingRow>();
    public DbSet<FeedbackRow> Feedback => Set<FeedbackRow>();
    public DbSet<ArticleVersionRow> ArticleVersions => Set<ArticleVersionRow>();
    public DbSet<AuditEntryRow> AuditLog => Set<AuditEntryRow>();
    public DbSet<DataProtectionKeyRow> DataProtectionKeys => Set<DataProtectionKeyRow>();

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RefuseHistoryRewrites();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RefuseHistoryRewrites();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The audit log and article versions are append-only: nothing in the program may change or delete a row.</summary>
    private void RefuseHistoryRewrites()
    {
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.Entity is AuditEntryRow or ArticleVersionRow && entry.State is EntityState.Modified or EntityState.Deleted)
            {
                throw new InvalidOperationException($"{entry.Entity.GetType().Name} rows are append-only: they cannot be changed or deleted.");
            }
        }
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
        modelBuilder.Entity<StaffUser>(e =>
        {
            e.ToTable("staff_users");
            e.Property(u => u.Name).HasMaxLength(200);
            e.Property(u => u.Credentials).HasMaxLength(200);
            e.Property(u => u.Specialty).HasMaxLength(200);
            e.Property(u => u.Disclosures).HasMaxLength(4000);
            e.Property(u => u.Bio).HasMaxLength(4000);
            e.Ignore(u => u.Signature);
        });
        modelBuilder.Entity<IdentityRole>().ToTable("staff_roles");
        modelBuilder.Entity<IdentityUserRole<string>>().ToTable("staff_user_roles");
        modelBuilder.Entity<IdentityUserClaim<string>>().ToTable("staff_user_claims");
        modelBuilder.Entity<IdentityUserLogin<string>>().ToTable("staff_user_logins");
        modelBuilder.Entity<IdentityUserToken<string>>().ToTable("staff_user_tokens");
        modelBuilder.Entity<IdentityRoleClaim<string>>().ToTable("staff_role_claims");
        // Passkeys (WebAuthn credentials). Identity's schema version 3 adds this table, but the Identity context only
        // learns its schema version from an application service provider, which the command line, the migrations and
        // the web site do not share; the table is declared here instead, with the same shape as version 3's.
        modelBuilder.Entity<IdentityUserPasskey<string>>(e =>
        {
            e.ToTable("staff_user_passkeys");
            e.HasKey(p => p.CredentialId);
            // WebAuthn caps a credential id at 1023 bytes.
            e.Property(p => p.CredentialId).HasMaxLength(1024);
            e.HasOne<StaffUser>().WithMany().HasForeignKey(p => p.UserId).IsRequired().OnDelete(DeleteBehavior.Cascade);
            e.HasIndex(p => p.UserId);
            e.OwnsOne(p => p.Data).ToJson();
        });
        modelBuilder.Entity<SourceRow>(e =>
        {
            e.ToTable("sources");
            e.HasIndex(s => s.Key).IsUnique();
            e.HasIndex(s => s.Kind);
            e.HasIndex(s => s.Pmid);
            e.Property(s => s.Key).HasMaxLength(300);
            e.Property(s => s.Kind).HasMaxLength(40);
            e.Property(s => s.ContentHash).HasMaxLength(64);
        });
        modelBuilder.Entity<LibraryStateRow>(e =>
        {
            e.ToTable("library_state");
            e.Property(s => s.Id).ValueGeneratedNever();
        });
        modelBuilder.Entity<SynonymRow>(e =>
        {
            e.ToTable("synonyms");
            e.HasIndex(s => s.Term).IsUnique();
            e.Property(s => s.Term).HasMaxLength(300);
        });
        modelBuilder.Entity<ArticleRow>(e =>
        {
            e.ToTable("articles");
            e.HasIndex(a => a.Slug).IsUnique();
            e.HasIndex(a => a.QuestionKey);
            e.HasIndex(a => a.UpdatedAt);
            e.Property(a => a.Slug).HasMaxLength(200);
            e.Property(a => a.QuestionKey).HasMaxLength(450);
            e.Property(a => a.ReviewState).HasMaxLength(30);
            e.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Feedback).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.ArticleId).OnDelete(DeleteBehavior.Restrict);
            e.Property(a => a.Revision).IsConcurrencyToken();
            e.Property(a => a.ApprovedBy).HasMaxLength(400);
            e.Property(a => a.ConfirmedBy).HasMaxLength(400);
            e.HasIndex(a => a.ReviewState);
        });
        modelBuilder.Entity<ArticleVersionRow>(e =>
        {
            e.ToTable("article_versions");
            e.HasIndex(v => new { v.ArticleId, v.Number }).IsUnique();
            e.Property(v => v.EngineVersion).HasMaxLength(100);
            e.Property(v => v.Reason).HasMaxLength(40);
        });
        modelBuilder.Entity<AuditEntryRow>(e =>
        {
            e.ToTable("audit_log");
            e.HasIndex(a => a.ArticleId);
            e.HasIndex(a => a.ActorId);
            e.HasIndex(a => a.SubjectId);
            e.Property(a => a.Action).HasMaxLength(40);
            e.Property(a => a.FromState).HasMaxLength(30);
            e.Property(a => a.ToState).HasMaxLength(30);
        });
        modelBuilder.Entity<DataProtectionKeyRow>(e =>
        {
            e.ToTable("data_protection_keys");
            e.Property(k => k.FriendlyName).HasMaxLength(200);
        });
        modelBuilder.Entity<RatingRow>().ToTable("ratings");
        modelBuilder.Entity<FeedbackRow>().ToTable("feedback");
    }
}

public sealed class SqliteGalenDb(DbContextOptions<SqliteGalenDb> options) : GalenDb(options);

public sealed class PostgresGalenDb(DbContextOptions<PostgresGalenDb> options) : GalenDb(options);
