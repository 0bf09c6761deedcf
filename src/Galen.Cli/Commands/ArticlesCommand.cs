using Galen.Core;
using Galen.Evidence;
using Galen.Web.Articles;
using Galen.Web.Review;

namespace Galen.Cli.Commands;

/// <summary>`galen articles refresh`: living articles, re-answered against the library as it is now (also run after every import).</summary>
public static class ArticlesCommand
{
    public static int Run(Library library, List<string> rest, ParsedArgs args, TextWriter stdout)
    {
        args.Allow();
        if (rest is not ["refresh"]) throw new UsageException("usage: galen articles refresh");
        stdout.WriteLine(Refresh(library));
        return ExitCodes.Done;
    }

    public static string Refresh(Library library)
    {
        var writer = new EngineAnswerWriter(new AnswerEngine(library.Search));
        return new LivingArticles(library.Db, writer, library).RefreshAsync().GetAwaiter().GetResult().ToString();
    }
}
