using Galen.Cli.Rendering;
using Galen.Core.Answers;
using Galen.Core.Composition;

namespace Galen.Cli.Tests;

/// <summary>The Markdown article tells the reader when its topic was read from the question's meaning.</summary>
public sealed class AnswerMarkdownTests
{
    private static Answer Sample(string? topicRead) => new()
    {
        Question = "Every night my shins ache and twitch until I get up. Would a supplement help with this?",
        Audience = "patient",
        QuestionKind = "yes-no-efficacy",
        BottomLineStatement = new Statement("A sample bottom line.", [], []),
        Disclaimer = Wording.PatientDisclaimer,
        TopicReadFromMeaning = topicRead,
    };

    [Fact]
    public void An_article_whose_topic_was_read_from_meaning_says_so_before_the_bottom_line()
    {
        var markdown = AnswerMarkdown.Write(Sample("restless legs syndrome"));

        var note = markdown.IndexOf("read it as being about restless legs syndrome", StringComparison.Ordinal);
        Assert.True(note >= 0, markdown);
        Assert.True(note < markdown.IndexOf("## Bottom line", StringComparison.Ordinal), markdown);
    }

    [Fact]
    public void An_article_whose_question_named_its_topic_has_no_such_note()
    {
        var markdown = AnswerMarkdown.Write(Sample(null));

        Assert.DoesNotContain("read it as being about", markdown, StringComparison.Ordinal);
    }
}
