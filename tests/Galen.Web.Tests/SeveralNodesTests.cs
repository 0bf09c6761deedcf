using System.Net;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Testing;
using Galen.Web.Review;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace Galen.Web.Tests;

/// <summary>
/// Two `serve` processes on one PostgreSQL database, on two ports: a sign-in on one is accepted by the other, a form
/// shown by one is accepted by the other, and the review workflow and accounts work on PostgreSQL.
/// </summary>
public sealed class SeveralNodesTests
{
    [Fact]
    public async Task Two_web_nodes_on_one_postgres_accept_each_others_sign_ins_and_forms()
    {
        var database = PostgresServer.Instance.CreateDatabase();
        using var dataA = new TempDataDirectory();
        using var dataB = new TempDataDirectory();
        using (var library = new Library(new GalenStoreOptions { DataDirectory = dataA.Path, Database = database })) library.Migrate();

        await using var nodeA = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], new GalenStoreOptions { DataDirectory = dataA.Path, Database = database });
        await nodeA.StartAsync();
        var a = new Uri(nodeA.Urls.Single());
        // Node A has written the first data-protection key to the database; node B starts after and reads it from there.
        using var warmUp = new HttpClient();
        Assert.Equal(HttpStatusCode.OK, (await warmUp.GetAsync(new Uri(a, "/sign-in"))).StatusCode);
        await using var nodeB = GalenWebApp.Build(["--urls", "http://127.0.0.1:0", "--environment", "Production"], new GalenStoreOptions { DataDirectory = dataB.Path, Database = database });
        await nodeB.StartAsync();
        var b = new Uri(nodeB.Urls.Single());

        StaffLogin first, second;
        using (var scope = nodeA.Services.CreateScope())
        {
            var directory = scope.ServiceProvider.GetRequiredService<StaffDirectory>();
            var (m1, p1) = await directory.AddAsync(new NewStaffMember("ada@example.org", "Ada Reviewer", ["reviewer"], "MD"), "test");
            var (m2, p2) = await directory.AddAsync(new NewStaffMember("ben@example.org", "Ben Second", ["reviewer"], "PharmD"), "test");
            first = new StaffLogin(m1.Id, m1.Email, p1, m1.Signature);
            second = new StaffLogin(m2.Id, m2.Email, p2, m2.Signature);
        }

        // A reader asks on node B; the article is in the shared database.
        using var reader = Browser();
        var token = Pages.Token(await reader.GetStringAsync(new Uri(b, "/")));
        var asked = await reader.PostAsync(new Uri(b, "/ask"), Pages.Form(("__af", token), ("question", Pages.RestlessLegs)));
        Assert.Equal(HttpStatusCode.SeeOther, asked.StatusCode);
        var location = asked.Headers.Location!.OriginalString;
        var slug = location["/articles/".Length..];

        // Ada signs in on A; B accepts her cookie, and a form token that A issued.
        using var ada = Browser();
        await SignInAsync(ada, a, first);
        Assert.Equal(HttpStatusCode.OK, (await ada.GetAsync(new Uri(b, "/desk"))).StatusCode);
        var formFromA = Pages.Token(await ada.GetStringAsync(new Uri(a, $"/desk/articles/{slug}")));
        var claim = await ada.PostAsync(new Uri(b, $"/desk/articles/{slug}/claim"), Pages.Form(("__af", formFromA), ("revision", "0")));
        Assert.Equal(HttpStatusCode.Redirect, claim.StatusCode);
        var approve = await ada.PostAsync(new Uri(a, $"/desk/articles/{slug}/approve"), Pages.Form(("__af", formFromA), ("revision", "1")));
        Assert.Equal(HttpStatusCode.Redirect, approve.StatusCode);

        // Ben signs in on B and confirms on A.
        using var ben = Browser();
        await SignInAsync(ben, b, second);
        var formFromB = Pages.Token(await ben.GetStringAsync(new Uri(b, $"/desk/articles/{slug}")));
        var confirm = await ben.PostAsync(new Uri(a, $"/desk/articles/{slug}/confirm"), Pages.Form(("__af", formFromB), ("revision", "2")));
        Assert.Equal(HttpStatusCode.Redirect, confirm.StatusCode);

        var page = WebUtility.HtmlDecode(await reader.GetStringAsync(new Uri(b, location)));
        Assert.Contains(">Ada Reviewer, MD</a> and <a href=\"/review-board#reviewer-" + second.Id + "\">Ben Second, PharmD</a>", page);
    }

    private static HttpClient Browser()
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() });
        client.DefaultRequestHeaders.Accept.ParseAdd("text/html");
        return client;
    }

    private static async Task SignInAsync(HttpClient client, Uri node, StaffLogin login)
    {
        var token = Pages.Token(await client.GetStringAsync(new Uri(node, "/sign-in")));
        var response = await client.PostAsync(new Uri(node, "/sign-in"), Pages.Form(("__af", token), ("email", login.Email), ("password", login.Password), ("newPassword", "chosen-" + login.Password)));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        await StaffKit.CompleteTwoFactorAsync(client, node, response);
    }
}
