using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence.Store;

/// <summary>
/// The store. One schema, two providers: each provider has its own subclass so that each keeps its own
/// migrations (SQLite and PostgreSQL differ in types and SQL).
/// </summary>
public abstract class GalenDb(DbContextOptions options) : DbContext(options)
{
    public DbSet<SourceRow> Sources => Set<SourceRow>();
    public DbSet<LibraryStateRow> LibraryState => Set<LibraryStateRow>();
    public DbSet<SynonymRow> Synonyms => Set<SynonymRow>();
    public DbSet<ArticleRow> Articles => Set<ArticleRow>();
    public DbSet<RatingRow> Ratings => Set<RatingRow>();
    public DbSet<FeedbackRow> Feedback => Set<FeedbackRow>();
    public DbSet<ReviewerRow> Reviewers => Set<ReviewerRow>();
    public DbSet<ReviewEventRow> ReviewEvents => Set<ReviewEventRow>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
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
            e.Property(a => a.ReviewState).HasMaxLength(20);
            e.HasMany(a => a.Ratings).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.Feedback).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(a => a.ReviewEvents).WithOne().HasForeignKey(r => r.ArticleId).OnDelete(DeleteBehavior.Cascade);
        });
        modelBuilder.Entity<RatingRow>().ToTable("ratings");
        modelBuilder.Entity<FeedbackRow>().ToTable("feedback");
        modelBuilder.Entity<ReviewerRow>().ToTable("reviewers");
        modelBuilder.Entity<ReviewEventRow>().ToTable("review_events");
    }
}

public sealed class SqliteGalenDb(DbContextOptions<SqliteGalenDb> options) : GalenDb(options);

public sealed class PostgresGalenDb(DbContextOptions<PostgresGalenDb> options) : GalenDb(options);
