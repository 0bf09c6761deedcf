// Writes a new EF Core migration for both providers after a model change:
//   dotnet run --project tools/Galen.MigrationScaffolder -- AddSomething
// (The dotnet-ef tool does the same; this keeps the project buildable where that tool is not installed.)
using Galen.Evidence.Store;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 1)
{
    Console.Error.WriteLine("usage: Galen.MigrationScaffolder MIGRATION-NAME");
    return 2;
}

var root = FindRepositoryRoot();
var projectDir = Path.Combine(root, "src", "Galen.Evidence");

Scaffold(new SqliteGalenDb(new DbContextOptionsBuilder<SqliteGalenDb>().UseSqlite("Data Source=:memory:").Options),
    "Sqlite", services => new Microsoft.EntityFrameworkCore.Sqlite.Design.Internal.SqliteDesignTimeServices().ConfigureDesignTimeServices(services));
Scaffold(new PostgresGalenDb(new DbContextOptionsBuilder<PostgresGalenDb>().UseNpgsql("Host=localhost").Options),
    "Postgres", services => new Npgsql.EntityFrameworkCore.PostgreSQL.Design.Internal.NpgsqlDesignTimeServices().ConfigureDesignTimeServices(services));
return 0;

void Scaffold(GalenDb db, string provider, Action<IServiceCollection> providerServices)
{
    var services = new ServiceCollection();
    services.AddEntityFrameworkDesignTimeServices();
    services.AddDbContextDesignTimeServices(db);
    providerServices(services);
    using var sp = services.BuildServiceProvider();
    var scaffolder = sp.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(args[0], "Galen.Evidence", $"Store.Migrations.{provider}");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Store", "Migrations", provider));
    Console.WriteLine($"{provider}: {files.MigrationFile}");
}

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "Galen.slnx"))) return dir.FullName;
    }
    throw new InvalidOperationException("Run from inside the Galen repository.");
}
