using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace Galen.Testing;

/// <summary>
/// A throwaway PostgreSQL server for the test run: installed with apt-get when missing (CI runs as
/// root), initialised in a temporary folder, started on a free local port, and stopped at the end.
/// Each test asks for a database of its own.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private static readonly Lazy<PostgresServer> Shared = new(() => new PostgresServer(), LazyThreadSafetyMode.ExecutionAndPublication);
    private readonly string root;
    private readonly string binDir;
    private readonly string? runAs;
    private int databases;

    public static PostgresServer Instance => Shared.Value;

    public int Port { get; }

    private PostgresServer()
    {
        binDir = FindBinaries() ?? Install();
        // initdb refuses to run as root: run the server as the postgres system user then.
        runAs = Environment.UserName == "root" ? "postgres" : null;
        // The test host can be ended without its exit handlers running, leaving a server behind: stop those first.
        StopServersOfEndedRuns();
        root = Path.Combine(Path.GetTempPath(), RootPrefix + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (runAs is not null) Run("chown", $"-R {runAs} {root}");
        Port = FreePort();
        var data = Path.Combine(root, "data");
        RunPg("initdb", $"-D {data} -U galen --auth=trust --encoding=UTF8 --locale=C.UTF-8");
        // The server keeps none of this process's open files: a test run started under `flock` would otherwise leave the
        // lock held for as long as the server lives.
        Run("bash", ["-c", ClosingInheritedFiles + "exec " + PgCommand("pg_ctl") + $" -D {data} -l {Path.Combine(root, "log")} -w -t 60 -o \"-p {Port} -k {root} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off\" start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
        // The test host can be ended without its exit handlers running: a watcher stops the server when it ends.
        using var watcher = Process.Start(new ProcessStartInfo("bash", ["-c", ClosingInheritedFiles
            + $"while kill -0 {Environment.ProcessId} 2>/dev/null; do sleep 2; done; {PgCommand("pg_ctl")} -D {data} -m immediate stop >/dev/null 2>&1"])
        {
            UseShellExecute = false,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        });
    }

    /// <summary>A connection string to a new, empty database.</summary>
    public string CreateDatabase()
    {
        var name = $"galen_test_{Environment.ProcessId}_{Interlocked.Increment(ref databases)}";
        using var conn = new NpgsqlConnection(ConnectionString("postgres"));
        conn.Open();
        using var cmd = new NpgsqlCommand($"CREATE DATABASE {name}", conn);
        cmd.ExecuteNonQuery();
        return ConnectionString(name);
    }

    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=galen;Database={database};Pooling=true;Include Error Detail=true";

    public void Dispose()
    {
        try { RunPg("pg_ctl", $"-D {Path.Combine(root, "data")} -m immediate stop"); } catch (InvalidOperationException) { }
        try { Directory.Delete(root, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }

    private const string RootPrefix = "galen-pg-";
    private const string OwnerFile = "owner";

    /// <summary>
    /// Stops and removes the servers of test runs whose process has ended. A folder without an owner is left alone
    /// while it is young (another run may be creating it).
    /// </summary>
    private void StopServersOfEndedRuns()
    {
        foreach (var dir in Directory.EnumerateDirectories(Path.GetTempPath(), RootPrefix + "*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            var ended = File.Exists(owner)
                ? !int.TryParse(File.ReadAllText(owner), System.Globalization.CultureInfo.InvariantCulture, out var pid) || !IsRunning(pid)
                : DateTime.UtcNow - Directory.GetLastWriteTimeUtc(dir) > TimeSpan.FromMinutes(30);
            if (!ended) continue;
            if (File.Exists(Path.Combine(dir, "data", "postmaster.pid")))
            {
                try { RunPg("pg_ctl", $"-D {Path.Combine(dir, "data")} -m immediate stop"); } catch (InvalidOperationException) { }
            }
            try { Directory.Delete(dir, true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private void RunPg(string tool, string arguments)
    {
        var exe = Path.Combine(binDir, tool);
        if (runAs is null) Run(exe, arguments);
        else Run("runuser", $"-u {runAs} -- {exe} {arguments}");
    }

    /// <summary>A PostgreSQL tool as a shell command, run as the server's user.</summary>
    private string PgCommand(string tool) => (runAs is null ? "" : $"runuser -u {runAs} -- ") + Path.Combine(binDir, tool);

    /// <summary>Shell that closes every file it inherited but standard input, output and error.</summary>
    private const string ClosingInheritedFiles = "for fd in $(ls /proc/$$/fd); do [ \"$fd\" -gt 2 ] && eval \"exec $fd>&-\"; done; ";

    private static string? FindBinaries()
    {
        const string debian = "/usr/lib/postgresql";
        if (Directory.Exists(debian))
        {
            var bin = Directory.GetDirectories(debian).Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderDescending(StringComparer.Ordinal).FirstOrDefault();
            if (bin is not null) return bin;
        }
        foreach (var dir in (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':'))
        {
            if (File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "pg_ctl"))) return dir;
        }
        return null;
    }

    private static string Install()
    {
        if (Environment.UserName != "root")
            throw new InvalidOperationException("PostgreSQL is not installed and the tests are not running as root: install the 'postgresql' package.");
        Run("apt-get", "update -q");
        Run("apt-get", "install -y -q postgresql");
        return FindBinaries() ?? throw new InvalidOperationException("apt-get installed postgresql but initdb was not found.");
    }

    /// <summary>A local port that nothing listens on now.</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, string arguments) => Run(new ProcessStartInfo(file, arguments));

    private static void Run(string file, IEnumerable<string> arguments) => Run(new ProcessStartInfo(file, arguments));

    private static void Run(ProcessStartInfo psi)
    {
        var command = psi.FileName + " " + (psi.ArgumentList.Count > 0 ? string.Join(' ', psi.ArgumentList) : psi.Arguments);
        psi.RedirectStandardOutput = true;
        psi.RedirectStandardError = true;
        psi.UseShellExecute = false;
        psi.WorkingDirectory = Path.GetTempPath();
        psi.Environment["DEBIAN_FRONTEND"] = "noninteractive";
        using var p = Process.Start(psi) ?? throw new InvalidOperationException($"could not start {psi.FileName}");
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(600_000)) { p.Kill(true); throw new InvalidOperationException($"{command} timed out"); }
        if (p.ExitCode != 0) throw new InvalidOperationException($"{command} failed ({p.ExitCode}): {stderr.Result}{stdout.Result}");
    }
}
