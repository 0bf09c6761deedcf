namespace Galen.Testing;

/// <summary>Finds the repository and the shared data beside it (../shared), by walking up from the test binaries.</summary>
public static class TestPaths
{
    public static string RepositoryRoot { get; } = Find();

    public static string Shared => Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared"));

    public static string SharedData(params string[] parts) => Path.Combine([Shared, "data", .. parts]);

    public static string Knowledge => Path.Combine(RepositoryRoot, "knowledge");

    public static string Fixture(params string[] parts) => Path.Combine([AppContext.BaseDirectory, "Fixtures", .. parts]);

    private static string Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Galen.slnx"))) return dir.FullName;
        }
        throw new InvalidOperationException("Tests must run inside the Galen repository.");
    }
}

/// <summary>A fresh, empty folder that is deleted afterwards.</summary>
public sealed class TempDirectory : IDisposable
{
    public TempDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "galen-test-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
