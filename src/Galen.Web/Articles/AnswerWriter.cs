using Galen.Core;
using Galen.Core.Answers;

namespace Galen.Web.Articles;

/// <summary>Writes the answer for a question; the answer engine in production, anything deterministic in tests.</summary>
public interface IAnswerWriter
{
    Answer Ask(string question, Audience audience, IReadOnlyList<string> after);
}

public sealed class EngineAnswerWriter(AnswerEngine engine) : IAnswerWriter
{
    public Answer Ask(string question, Audience audience, IReadOnlyList<string> after) =>
        engine.Ask(new AskRequest(question, audience, after));
}
