using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Testing;

namespace Galen.Evidence.Tests.Infrastructure;

/// <summary>The two stores every store test runs against.</summary>
public enum Provider
{
    Sqlite,
    Postgres,
}

/// <summary>A fresh, migrated library in a fresh data directory, on the chosen provider.</summary>
public sealed class TestLibrary : IDisposable
{
    private readonly TempDirectory dir = new();

    public TestLibrary(Provider provider)
    {
        Options = new GalenStoreOptions
        {
            DataDirectory = dir.Path,
            Database = provider == Provider.Postgres ? PostgresServer.Instance.CreateDatabase() : null,
        };
        Library = new Library(Options);
        Library.Migrate();
    }

    public GalenStoreOptions Options { get; }
    public Library Library { get; private set; }
    public string DataDirectory => dir.Path;

    /// <summary>Closes and reopens the library, as a new process would.</summary>
    public Library Reopen(Action? whileClosed = null)
    {
        Library.Dispose();
        whileClosed?.Invoke();
        Library = new Library(Options);
        return Library;
    }

    public void Dispose()
    {
        Library.Dispose();
        dir.Dispose();
    }
}
