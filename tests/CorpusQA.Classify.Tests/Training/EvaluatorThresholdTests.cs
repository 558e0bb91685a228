using CorpusQA.Classify.Training;

namespace CorpusQA.Classify.Tests.Training;

public class EvaluatorThresholdTests
{
    [Fact]
    public void ThresholdKeepingKeepsTheAskedShareOfPositives()
    {
        var random = new Random(4);
        var p = Enumerable.Range(0, 1000).Select(_ => random.NextDouble()).ToArray();
        var y = p.Select((v, i) => i % 3 != 0).ToArray();
        foreach (double keep in new[] { 0.5, 0.9, 0.98, 0.99, 1.0 })
        {
            double t = Evaluator.ThresholdKeeping(p, y, keep);
            int positives = y.Count(v => v), kept = p.Where((v, i) => y[i] && v >= t).Count();
            Assert.True(kept >= keep * positives, $"keep {keep}: {kept} of {positives} at {t}");
            // The highest such threshold (to the stored 6 decimals): a step up keeps fewer than asked.
            int above = p.Where((v, i) => y[i] && v >= t + 1e-6).Count();
            Assert.True(above < keep * positives || t >= p.Where((v, i) => y[i]).Max(), $"keep {keep}: {above} still kept above {t}");
        }

        Assert.Throws<ArgumentOutOfRangeException>(() => Evaluator.ThresholdKeeping(p, y, 0));
        Assert.Equal(0.5, Evaluator.ThresholdKeeping([0.1, 0.2], [false, false], 0.9));
    }
}
