namespace Galen.Core.Composition;

/// <summary>One page of patient information considered for a patient's message: its signals and, when judged, its grade.</summary>
public sealed record PatientPageSignals(string SourceKey, double[] Features);

/// <summary>
/// Orders pages of patient information by how well they answer a patient's message: a weighted sum of a few
/// signals (the topic named, the kind of question the page answers, the words and rare words it shares with the
/// message, its search score, and how close in meaning the question it answers is to the message). The weights
/// are fitted on judged consumer questions (<c>galen eval liveqa ... --fit-ordering OUT</c>) and shipped as a table.
/// </summary>
public sealed class ConsumerOrdering
{
    /// <summary>Names of the signals, in order (the rows of the weights table).</summary>
    public static IReadOnlyList<string> FeatureNames { get; } =
        ["topic-named", "kind-asked-on-topic", "kind-asked-off-topic", "words-shared", "rare-words-shared", "word-score", "meaning"];

    /// <summary>The meaning signal is the cosine below the closest page, in tenths: 0 for the closest, -1 a tenth further.</summary>
    public const double MeaningUnit = 0.1;

    private readonly double[] _weights;

    public ConsumerOrdering(double[] weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        if (weights.Length != FeatureNames.Count)
        {
            throw new ArgumentException($"expected {FeatureNames.Count} weights", nameof(weights));
        }
        _weights = weights;
    }

    public IReadOnlyList<double> Weights => _weights;

    /// <summary>
    /// Where the fit starts: the weights once set by hand (the topic first; the kind of question asked, then shared
    /// words, among pages on it). Fixed, so that the fit gives the same table from the same data every time.
    /// </summary>
    public static ConsumerOrdering Start { get; } = new([1, 0.6, 0.1, 0.2, 0.3, 0.1, 0]);

    /// <summary>The ordering shipped with Galen (Composition/consumer-ordering.txt).</summary>
    public static ConsumerOrdering Default { get; } = Parse(Vocabulary.ReadResource("consumer-ordering.txt"), "consumer-ordering.txt");

    public static double[] Features(double topic, double kindScore, double wordsShared, double rareShared, double relativeWordScore, double meaning) =>
        [topic, topic >= 1 ? kindScore : 0, topic >= 1 ? 0 : kindScore, wordsShared, rareShared, relativeWordScore, meaning];

    public double Score(double[] features)
    {
        ArgumentNullException.ThrowIfNull(features);
        var sum = 0.0;
        for (var i = 0; i < _weights.Length; i++)
        {
            sum += _weights[i] * features[i];
        }
        return Math.Round(sum, 6);
    }

    /// <summary>The index of the page this ordering puts first (the earliest of equals).</summary>
    public int First(IReadOnlyList<double[]> pages)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var best = -1;
        var bestScore = double.NegativeInfinity;
        for (var i = 0; i < pages.Count; i++)
        {
            var score = Score(pages[i]);
            if (score > bestScore)
            {
                best = i;
                bestScore = score;
            }
        }
        return best;
    }

    /// <summary>The mean grade of the first page over judged questions (each a list of pages with their grades).</summary>
    public double MeanFirstGrade(IReadOnlyList<IReadOnlyList<(double[] Features, int Grade)>> questions)
    {
        ArgumentNullException.ThrowIfNull(questions);
        if (questions.Count == 0) return 0;
        return questions.Sum(q => First([.. q.Select(p => p.Features)]) is var i and >= 0 ? q[i].Grade : 0) / (double)questions.Count;
    }

    /// <summary>
    /// How strongly the fit is held to its start: with a few dozen judged questions, the data may move it only where
    /// they agree. Chosen among 0.01, 0.03, 0.1, 0.3 and 1 by 5-fold cross-validation on the LiveQA dev questions
    /// (EVALUATION.md).
    /// </summary>
    public const double Regularization = 0.3;

    /// <summary>
    /// Fits the weights to order better-graded pages above worse ones on the same question: a pairwise logistic
    /// loss over every pair of pages with different grades (each question weighing the same), held to the start
    /// by an L2 penalty, minimised by gradient descent from the start. Deterministic.
    /// </summary>
    public static ConsumerOrdering Fit(IReadOnlyList<IReadOnlyList<(double[] Features, int Grade)>> questions, ConsumerOrdering start)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentNullException.ThrowIfNull(start);
        var n = FeatureNames.Count;
        var pairs = new List<(double[] Difference, double Weight)>();
        foreach (var q in questions)
        {
            var local = new List<double[]>();
            for (var i = 0; i < q.Count; i++)
            {
                for (var j = 0; j < q.Count; j++)
                {
                    if (q[i].Grade > q[j].Grade)
                    {
                        local.Add([.. Enumerable.Range(0, n).Select(k => q[i].Features[k] - q[j].Features[k])]);
                    }
                }
            }
            pairs.AddRange(local.Select(d => (d, 1.0 / local.Count)));
        }
        var w = start._weights.ToArray();
        if (pairs.Count == 0) return new ConsumerOrdering(w);
        var questionsWithPairs = pairs.Sum(p => p.Weight);
        const double rate = 0.2;
        for (var iteration = 0; iteration < 600; iteration++)
        {
            var gradient = new double[n];
            foreach (var (d, weight) in pairs)
            {
                var margin = 0.0;
                for (var k = 0; k < n; k++) margin += w[k] * d[k];
                // d/dw of log(1 + e^-margin) is -d / (1 + e^margin).
                var g = -weight / (1 + Math.Exp(Math.Clamp(margin, -30, 30))) / questionsWithPairs;
                for (var k = 0; k < n; k++) gradient[k] += g * d[k];
            }
            for (var k = 0; k < n; k++)
            {
                gradient[k] += 2 * Regularization * (w[k] - start._weights[k]);
                w[k] -= rate * gradient[k];
            }
        }
        return new ConsumerOrdering([.. w.Select(x => Math.Round(x, 3))]);
    }

    /// <summary>
    /// The mean grade of the first page on questions held out from the fit, k folds (question i in fold i mod k): the
    /// figure to report for a fitted ordering.
    /// </summary>
    public static double CrossValidate(IReadOnlyList<IReadOnlyList<(double[] Features, int Grade)>> questions, ConsumerOrdering start, int folds)
    {
        ArgumentNullException.ThrowIfNull(questions);
        ArgumentOutOfRangeException.ThrowIfLessThan(folds, 2);
        var total = 0.0;
        for (var f = 0; f < folds; f++)
        {
            var train = questions.Where((_, i) => i % folds != f).ToList();
            var test = questions.Where((_, i) => i % folds == f).ToList();
            total += Fit(train, start).MeanFirstGrade(test) * test.Count;
        }
        return questions.Count == 0 ? 0 : total / questions.Count;
    }

    public string Format(string header) => SignalWeights.Format(FeatureNames, _weights, header);

    public static ConsumerOrdering Parse(IEnumerable<string> lines, string file) => new(SignalWeights.Parse(lines, file, FeatureNames));
}
