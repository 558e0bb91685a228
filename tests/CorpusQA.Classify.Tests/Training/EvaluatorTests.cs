using CorpusQA.Classify.Training;

namespace CorpusQA.Classify.Tests.Training;

public class EvaluatorTests
{
    [Fact]
    public void AucCountsTiesAsHalf()
    {
        Assert.Equal(1.0, Evaluator.Auc([0.1, 0.2, 0.8, 0.9], [false, false, true, true]));
        Assert.Equal(0.0, Evaluator.Auc([0.9, 0.8, 0.2, 0.1], [false, false, true, true]));
        Assert.Equal(0.5, Evaluator.Auc([0.5, 0.5], [false, true]));
        Assert.Equal(0.75, Evaluator.Auc([0.1, 0.6, 0.4, 0.9], [false, false, true, true]));
    }

    [Fact]
    public void ChosenThresholdMaximisesBalancedAccuracy()
    {
        double[] p = [0.05, 0.2, 0.3, 0.35, 0.7, 0.8, 0.9];
        bool[] y = [false, false, false, true, true, true, true];
        Assert.Equal(0.35, Evaluator.ChooseThreshold(p, y));
    }

    [Fact]
    public void BinaryReportHasConfusionReliabilityAndGroups()
    {
        var report = Evaluator.Evaluate(ModelTask.Binary, [[0.9f], [0.8f], [0.3f], [0.6f]], [1, 1, 0, 0],
            ["clean", "clean", "spam", "spam"], ["bad", "good"], threshold: 0.5, minScore: null);
        var b = report.Binary!;
        Assert.Equal(new ConfusionCounts(2, 1, 1, 0), b.Confusion);
        Assert.Equal(1.0, b.Recall);
        Assert.Equal(0.5, b.Specificity);
        Assert.Equal(4, b.Reliability!.Sum(r => r.Count));
        var spam = report.Groups!.Single(g => g.Group == "spam");
        Assert.Equal(0.5, spam.PredictedPositive);
    }
}
