using Galen.Core.Search;
using Galen.Evidence.Store;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Evidence;

/// <summary>Where the starter library (the project's own evidence files) is found.</summary>
public static class StarterLibrary
{
    /// <summary>The "knowledge" folder shipped beside the program, or the repository's when run from source.</summary>
    public static string? DefaultPath()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "knowledge");
            if (Directory.Exists(candidate)) return candidate;
        }
        return null;
    }
}

public static class LibraryServices
{
    /// <summary>Registers the library, its store and its search: the same registrations for the site and the command line.</summary>
    public static IServiceCollection AddGalenLibrary(this IServiceCollection services, GalenStoreOptions options)
    {
        services.AddSingleton(options);
        services.AddSingleton(_ => new Library(options));
        services.AddSingleton(sp => sp.GetRequiredService<Library>().Db);
        services.AddSingleton<IEvidenceSearch>(sp => sp.GetRequiredService<Library>().Search);
        return services;
    }
}
