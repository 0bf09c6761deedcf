using Galen.Core.Answers;

namespace Galen.Web.Review;

/// <summary>
/// Editors' rewordings of statements, read back from an article's versions, so that a re-answer after new evidence
/// keeps them. An editor's revision is stored as a whole new version ("revised") whose statements stand where the
/// previous version's stood, with the same citations and only the text changed; comparing each revised version with
/// the one before it gives "this statement, citing these sources, now reads so". A re-answer whose statement is the
/// same text citing the same sources gets the editor's wording; a statement the evidence changed keeps the engine's
/// new text, and the diff shows the editor's wording removed and the new statement added.
/// </summary>
public sealed class EditorWording
{
    private sealed record Edit(string Before, string After, string Sources);

    private readonly List<Edit> _edits;

    private EditorWording(List<Edit> edits) => _edits = edits;

    public bool IsEmpty => _edits.Count == 0;

    /// <param name="versions">The article's versions, oldest first: why each was written, and its answer for one audience.</param>
    public static EditorWording Read(IEnumerable<(string Reason, Answer Answer)> versions)
    {
        var edits = new List<Edit>();
        Answer? previous = null;
        foreach (var (reason, answer) in versions)
        {
            if (reason == ArticleVersionReasons.Revised && previous is not null)
            {
                var before = Statements(previous);
                var after = Statements(answer);
                if (before.Count == after.Count)
                {
                    for (var i = 0; i < before.Count; i++)
                    {
                        var sources = Sources(before[i]);
                        if (before[i].Text != after[i].Text && sources == Sources(after[i])) edits.Add(new Edit(before[i].Text, after[i].Text, sources));
                    }
                }
            }
            previous = answer;
        }
        return new EditorWording(edits);
    }

    /// <summary>The engine's answer with every statement an editor reworded, and which the evidence left as it was, in the editor's words.</summary>
    public Answer ApplyTo(Answer engine, out int kept)
    {
        var count = 0;
        Statement Reword(Statement statement)
        {
            var sources = Sources(statement);
            var text = statement.Text;
            // In the order they were made: an editor may reword a statement twice, or back to the engine's words.
            foreach (var edit in _edits)
            {
                if (edit.Before == text && edit.Sources == sources) text = edit.After;
            }
            if (text == statement.Text) return statement;
            count++;
            return statement with { Text = text };
        }
        var result = engine with
        {
            BottomLineStatement = Reword(engine.BottomLineStatement),
            Sections = engine.Sections.Select(s => s with { Statements = s.Statements.Select(Reword).ToList() }).ToList(),
        };
        kept = count;
        return result;
    }

    /// <summary>Whether an editor wrote this statement text.</summary>
    public bool Wrote(string text) => _edits.Exists(e => e.After == text);

    /// <summary>How many statements of <paramref name="current"/> are an editor's wording that <paramref name="next"/> no longer has.</summary>
    public int Replaced(Answer current, Answer next)
    {
        var edited = _edits.Select(e => e.After).ToHashSet(StringComparer.Ordinal);
        var kept = Statements(next).Select(s => s.Text).ToHashSet(StringComparer.Ordinal);
        return Statements(current).Count(s => edited.Contains(s.Text) && !kept.Contains(s.Text));
    }

    private static List<Statement> Statements(Answer answer) =>
        [answer.BottomLineStatement, .. answer.Sections.SelectMany(s => s.Statements)];

    /// <summary>The sources a statement cites, by key (numbering may change between versions).</summary>
    private static string Sources(Statement statement) =>
        string.Join('\n', statement.Spans.Select(s => s.SourceKey).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal));
}

/// <summary>Why a version was written (the article_versions.Reason column).</summary>
public static class ArticleVersionReasons
{
    public const string Asked = "asked";
    public const string Revised = "revised";
    public const string NewEvidence = "new-evidence";
}
