using Microsoft.EntityFrameworkCore;

namespace Galen.Evidence.Store;

public enum StoreProvider
{
    Sqlite,
    Postgres,
}

/// <summary>Where the library lives: a data directory (SQLite file and search index) and an optional database connection string.</summary>
public sealed class GalenStoreOptions
{
    public const string DataEnvironmentVariable = "GALEN_DATA";
    public const string DatabaseEnvironmentVariable = "GALEN_DATABASE";

    public string DataDirectory { get; set; } = DefaultDataDirectory();

    /// <summary>PostgreSQL ("Host=...") or SQLite ("Data Source=...") connection string; null means the SQLite file in the data directory.</summary>
    public string? Database { get; set; }

    public StoreProvider Provider => Database is null || Database.TrimStart().StartsWith("Data Source", StringComparison.OrdinalIgnoreCase)
        ? StoreProvider.Sqlite
        : StoreProvider.Postgres;

    public string SqliteConnectionString => Database ?? $"Data Source={Path.Combine(DataDirectory, "galen.db")}";

    public string IndexDirectory => Path.Combine(DataDirectory, "index");

    /// <summary>The sentence embeddings of the sources, derived like the index.</summary>
    public string VectorDirectory => Path.Combine(DataDirectory, "vectors");

    public const string EmbeddingsEnvironmentVariable = "GALEN_EMBEDDINGS";

    public const string SentenceEmbeddingsEnvironmentVariable = "GALEN_SENTENCE_EMBEDDINGS";

    /// <summary>The model that embeds sources to find them ("arctic-xs", the default; "minilm"; or "none" for words alone).</summary>
    public string? EmbeddingModel { get; set; }

    /// <summary>
    /// The model that embeds single sentences, which the bottom line compares with the question ("minilm", the
    /// default; "arctic-xs"; "none" uses the sources' model). Ignored when <see cref="EmbeddingModel"/> is "none".
    /// </summary>
    public string? SentenceModel { get; set; }

    /// <summary>
    /// Whether the embedding stage also gives each sentence a vector (the bottom line's closeness in meaning is then a
    /// dot product). Off, sentences are encoded when a question compares them: the same values, slower questions, a
    /// much quicker embedding stage (the evaluations that import all of MedQuAD into a throwaway library turn it off).
    /// </summary>
    public bool SentenceVectors { get; set; } = true;

    /// <summary>The embedded default: the data directory is "galen-data" under the user's home (or GALEN_DATA).</summary>
    public static string DefaultDataDirectory()
    {
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        return Path.Combine(string.IsNullOrEmpty(home) ? "." : home, ".galen");
    }

    public static GalenStoreOptions FromEnvironment(string? data = null, string? database = null)
    {
        var options = new GalenStoreOptions();
        var dataDir = data ?? Environment.GetEnvironmentVariable(DataEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(dataDir)) options.DataDirectory = Path.GetFullPath(dataDir);
        var db = database ?? Environment.GetEnvironmentVariable(DatabaseEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(db)) options.Database = db;
        var model = Environment.GetEnvironmentVariable(EmbeddingsEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(model)) options.EmbeddingModel = model;
        var sentenceModel = Environment.GetEnvironmentVariable(SentenceEmbeddingsEnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(sentenceModel)) options.SentenceModel = sentenceModel;
        return options;
    }
}

/// <summary>Creates a context for the configured provider. Contexts are short-lived: one per unit of work.</summary>
public sealed class GalenDbFactory(GalenStoreOptions options)
{
    public GalenStoreOptions Options { get; } = options;

    public GalenDb Create()
    {
        if (Options.Provider == StoreProvider.Sqlite)
        {
            if (Options.Database is null) Directory.CreateDirectory(Options.DataDirectory);
            var builder = new DbContextOptionsBuilder<SqliteGalenDb>()
                .UseSqlite(Options.SqliteConnectionString, o => o.CommandTimeout(120));
            return new SqliteGalenDb(builder.Options);
        }
        var pg = new DbContextOptionsBuilder<PostgresGalenDb>()
            .UseNpgsql(Options.Database, o => o.CommandTimeout(120));
        return new PostgresGalenDb(pg.Options);
    }
}
