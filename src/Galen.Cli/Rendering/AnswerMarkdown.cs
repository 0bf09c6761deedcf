using System.Text;
using Galen.Core.Answers;

namespace Galen.Cli.Rendering;

/// <summary>Writes an answer article as Markdown: the bottom line first, sections, then the numbered reference list.</summary>
public static class AnswerMarkdown
{
    public static string Write(Answer answer)
    {
        var sb = new StringBuilder();
        sb.Append("# ").AppendLine(answer.Question).AppendLine();
        if (answer.Urgent && answer.UrgentNotice is not null)
        {
            sb.Append("> **Urgent:** ").AppendLine(answer.UrgentNotice).AppendLine();
        }
        if (answer.TopicReadFromMeaning is { } topic)
        {
            sb.Append("> ").AppendLine(Galen.Core.Composition.Wording.TopicReadNote(topic)).AppendLine();
        }
        if (answer.Verdict is not null) sb.Append("**Verdict:** ").AppendLine(answer.Verdict).AppendLine();
        sb.AppendLine("## Bottom line").AppendLine();
        sb.AppendLine(WithCitations(answer.BottomLineStatement)).AppendLine();
        foreach (var section in answer.Sections)
        {
            sb.Append("## ").AppendLine(section.Title).AppendLine();
            var n = 1;
            foreach (var statement in section.Statements)
            {
                sb.Append(section.Numbered ? $"{n++}. " : "- ").AppendLine(WithCitations(statement));
            }
            sb.AppendLine();
        }
        if (answer.References.Count > 0)
        {
            sb.AppendLine("## References").AppendLine();
            foreach (var r in answer.References)
            {
                sb.Append(r.N).Append(". *").Append(r.Kind).Append("* — ").Append(r.Title);
                if (r.Container is not null) sb.Append(' ').Append(r.Container).Append('.');
                if (r.Year is int y) sb.Append(' ').Append(y).Append('.');
                if (r.ExternalIds.Pmid is { } pmid) sb.Append(" PMID ").Append(pmid).Append(" https://pubmed.ncbi.nlm.nih.gov/").Append(pmid).Append("/ .");
                if (r.ExternalIds.Doi is { } doi) sb.Append(" https://doi.org/").Append(doi).Append(" .");
                if (r.ExternalIds.Url is { } url) sb.Append(' ').Append(url);
                if (r.Edition is { } edition) sb.Append(" Edition: ").Append(edition).Append('.');
                if (r.NewerEdition is { } newer) sb.Append(" **Newer edition:** ").Append(newer).Append('.');
                sb.AppendLine();
            }
            sb.AppendLine();
        }
        if (answer.FollowUps.Count > 0)
        {
            sb.AppendLine("## Follow-up questions").AppendLine();
            foreach (var f in answer.FollowUps) sb.Append("- ").AppendLine(f);
            sb.AppendLine();
        }
        if (answer.ReadingGrade is double grade) sb.AppendLine($"_Reading grade: {grade:F1}_").AppendLine();
        sb.Append('_').Append(answer.Disclaimer).AppendLine("_");
        return sb.ToString();
    }

    private static string WithCitations(Statement s) =>
        s.Citations.Count == 0 ? s.Text : $"{s.Text} [{string.Join(", ", s.Citations)}]";
}
