using Galen.Core;
using Galen.Core.Search;
using Galen.Evidence;
using Galen.Evidence.Store;
using Galen.Web.Api;
using Galen.Web.Articles;
using Galen.Web.Asking;
using Galen.Web.Assets;
using Galen.Web.Infrastructure;
using Galen.Web.Pages;
using Galen.Web.Review;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.Extensions.Options;

namespace Galen.Web;

/// <summary>The web site and JSON API. <c>galen serve</c> and Program.cs both start it here.</summary>
public static class GalenWebApp
{
    public static WebApplication Build(string[] args, GalenStoreOptions store)
    {
        // The settings shipped beside the program (appsettings.json: Warning logging) apply wherever it is started from;
        // environment variables and arguments still override them.
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
        builder.Services.AddGalenWeb(builder.Configuration, store);
        var app = builder.Build();
        app.PrepareGalenLibrary();
        app.UseGalenPipeline();
        return app;
    }

    public static IServiceCollection AddGalenWeb(this IServiceCollection services, IConfiguration configuration, GalenStoreOptions store)
    {
        services.AddGalenLibrary(store);
        services.AddSingleton(sp => new AnswerEngine(sp.GetRequiredService<IEvidenceSearch>()));
        services.AddSingleton<IAnswerWriter, EngineAnswerWriter>();
        services.AddSingleton<ArticleService>();
        services.AddSingleton<ArticlePageCache>();
        services.AddSingleton<ReviewBoard>();
        services.AddSingleton<DeskQueries>();
        services.AddSingleton<LivingArticles>();
        services.AddGalenStaff();

        services.AddOptions<GalenWebOptions>().Bind(configuration.GetSection(GalenWebOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<GalenWebOptions>, GalenWebOptionsValidator>();

        // Sign-in cookies and form tokens stay valid across restarts and across web nodes: the keys live in the database.
        services.AddDataProtection().SetApplicationName("Galen");
        services.AddOptions<KeyManagementOptions>().Configure<GalenDbFactory>((o, db) => o.XmlRepository = new StoreXmlRepository(db));
        services.AddProblemDetails();
        services.AddExceptionHandler<GalenExceptionHandler>();
        // A body that cannot be read (bad JSON, a wrong type, too deep, missing) raises an error the handler turns into
        // a problem naming the field, in every environment, instead of an empty 400.
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.ConfigureHttpJsonOptions(o => o.SerializerOptions.MaxDepth = ApiLimits.MaxJsonDepth);
        services.AddAntiforgery(o =>
        {
            o.Cookie.Name = "galen_af";
            o.FormFieldName = "__af";
            o.SuppressXFrameOptionsHeader = true;
        });
        services.AddGalenRateLimits();
        services.AddHealthChecks().AddCheck<StoreHealthCheck>("store");
        services.AddOpenApi(o => o.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "Galen API";
            document.Info.Description = "Ask clinical questions and read, rate and comment on the answer articles.";
            return Task.CompletedTask;
        }));
        services.AddRouting(o => o.LowercaseUrls = true);
        return services;
    }

    /// <summary>Migrates the embedded store and loads the starter library into an empty one. No account is created: see `galen users add`.</summary>
    public static WebApplication PrepareGalenLibrary(this WebApplication app)
    {
        app.Services.GetRequiredService<Library>().EnsureReady(StarterLibrary.DefaultPath());
        return app;
    }

    public static WebApplication UseGalenPipeline(this WebApplication app)
    {
        app.UseExceptionHandler();
        app.UseStatusCodePages(context => StatusPage(context.HttpContext));
        app.UseGalenSecurityHeaders();
        app.UseRouting();
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseRateLimiter();
        app.UseAntiforgery();

        app.MapSiteAssets();
        app.MapGalenPages();
        app.MapGalenAsking();
        app.MapGalenApi();
        app.MapGalenReview();
        app.MapHealthChecks("/healthz");
        app.MapOpenApi();
        return app;
    }

    /// <summary>A body for responses that ended with an error status and no body of their own.</summary>
    private static Task StatusPage(HttpContext context)
    {
        if (context.Response.ContentLength is not null || context.Response.HasStarted) return Task.CompletedTask;
        var status = context.Response.StatusCode;
        if (context.Features.Get<Microsoft.AspNetCore.Antiforgery.IAntiforgeryValidationFeature>() is { IsValid: false })
        {
            return ErrorResponses.WriteAsync(context, status, "The form has expired or is invalid", "The form could not be verified. Reload the page and send it again.");
        }
        var (title, detail) = status switch
        {
            404 => ("Not found", "Nothing is at this address."),
            405 => ("Method not allowed", "This address does not accept that kind of request."),
            415 => ("Unsupported media type", "Send the body as application/json."),
            _ => (Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status), "The request could not be handled."),
        };
        return ErrorResponses.WriteAsync(context, status, title, detail);
    }
}
