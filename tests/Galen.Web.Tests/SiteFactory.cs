using System.Net;
using System.Text.RegularExpressions;
using Galen.Evidence;
using Galen.Evidence.Store;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;

namespace Galen.Web.Tests;

/// <summary>A temporary data directory, removed when the test ends.</summary>
public sealed class TempDataDirectory : IDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "galen-web-" + Guid.NewGuid().ToString("N"));

    public TempDataDirectory() => Directory.CreateDirectory(Path);

    public void Dispose()
    {
        try { Directory.Delete(Path, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}

/// <summary>The site on a test server over its own data directory (the embedded SQLite default).</summary>
public sealed class SiteFactory(string dataDirectory, IReadOnlyDictionary<string, string>? settings = null, string? database = null) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services => services.AddGalenLibrary(new GalenStoreOptions { DataDirectory = dataDirectory, Database = database }));
    }

    public HttpClient Browser(bool followRedirects = true)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }
}

/// <summary>A test's own site: fresh data directory, disposed with the test.</summary>
public sealed class TestSite : IDisposable
{
    private readonly TempDataDirectory _data;
    private readonly bool _ownsData;

    public TestSite(IReadOnlyDictionary<string, string>? settings = null, TempDataDirectory? data = null, string? database = null)
    {
        _ownsData = data is null;
        _data = data ?? new TempDataDirectory();
        Factory = new SiteFactory(_data.Path, settings, database);
    }

    public SiteFactory Factory { get; }
    public string DataDirectory => _data.Path;

    public void Dispose()
    {
        Factory.Dispose();
        if (_ownsData) _data.Dispose();
    }
}

public static partial class Pages
{
    public const string RestlessLegs = "Can magnesium be used to treat restless legs syndrome?";
    public const string AcuteDystonia = "How is acute dystonia caused by antipsychotics treated?";

    [GeneratedRegex("name=\"__af\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    public static string Token(string html)
    {
        var match = TokenPattern().Match(html);
        Assert.True(match.Success, "The page has no antiforgery field.");
        return WebUtility.HtmlDecode(match.Groups[1].Value);
    }

    public static async Task<string> TokenFrom(HttpClient client, string path)
    {
        var html = await client.GetStringAsync(path);
        return Token(html);
    }

    public static FormUrlEncodedContent Form(params (string Key, string Value)[] fields) =>
        new(fields.Select(f => new KeyValuePair<string, string>(f.Key, f.Value)));

    /// <summary>Asks through the home page form and returns the article path the reader lands on.</summary>
    public static async Task<string> AskByForm(HttpClient noRedirects, string question, string? parent = null, string? audience = null)
    {
        var token = await TokenFrom(noRedirects, "/");
        var fields = new List<(string, string)> { ("__af", token), ("question", question) };
        if (parent is not null) fields.Add(("parent", parent));
        if (audience is not null) fields.Add(("audience", audience));
        var response = await noRedirects.PostAsync("/ask", Form([.. fields]));
        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        return response.Headers.Location!.OriginalString;
    }
}
