namespace Galen.Core.Composition;

/// <summary>
/// The Flesch-Kincaid grades of a set of patient answers in brief: how many, their mean and median, and how many
/// read at the target grade or below (grade 8, what health-literacy guidance asks of patient material).
/// </summary>
public sealed record ReadingGradeSummary(int Count, double Mean, double Median, int AtOrBelowTarget)
{
    public const double TargetGrade = 8;

    public static ReadingGradeSummary Of(IReadOnlyCollection<double> grades)
    {
        if (grades.Count == 0)
        {
            return new ReadingGradeSummary(0, 0, 0, 0);
        }
        var sorted = grades.Order().ToList();
        var middle = sorted.Count / 2;
        var median = sorted.Count % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
        return new ReadingGradeSummary(sorted.Count, Math.Round(sorted.Average(), 2), Math.Round(median, 2), sorted.Count(g => g <= TargetGrade));
    }
}
