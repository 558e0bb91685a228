using CorpusQA.Core.Stats;

namespace CorpusQA.Core.Tests.Stats;

public class DistributionSketchTests
{
    [Fact]
    public void QuantilesAreWithinRelativeAccuracyOfExactOnes()
    {
        var rng = new Random(42);
        var values = new double[20_000];
        var sketch = new DistributionSketch();
        for (int i = 0; i < values.Length; i++)
        {
            // A skewed mix with zeros and negatives, like real signal values.
            values[i] = i % 10 == 0 ? 0 : Math.Exp(rng.NextDouble() * 12 - 6) * (i % 7 == 0 ? -1 : 1);
            sketch.Add(values[i]);
        }

        Array.Sort(values);
        foreach (var q in new[] { 0.01, 0.1, 0.25, 0.5, 0.75, 0.9, 0.99 })
        {
            double exact = values[(long)Math.Floor(q * (values.Length - 1))];
            double approx = sketch.Quantile(q);
            Assert.True(Math.Abs(approx - exact) <= Math.Abs(exact) * DistributionSketch.RelativeAccuracy * 1.0001 + 1e-12,
                $"q={q}: sketch {approx} vs exact {exact}");
        }

        Assert.Equal(values[0], sketch.Min);
        Assert.Equal(values[^1], sketch.Max);
        Assert.Equal(values.Length, sketch.Count);
        Assert.Equal(values.Average(), sketch.Mean, 9);
    }

    [Fact]
    public void HistogramCountsEveryValueAndMergeEqualsOneSketch()
    {
        var a = new DistributionSketch();
        var b = new DistributionSketch();
        var all = new DistributionSketch();
        for (int i = 0; i < 1000; i++)
        {
            double v = i / 10.0;
            (i % 2 == 0 ? a : b).Add(v);
            all.Add(v);
        }

        a.Merge(b);
        Assert.Equal(1000, a.Histogram(20).Sum());
        Assert.Equal(all.Histogram(20), a.Histogram(20));
        Assert.Equal(all.Quantile(0.5), a.Quantile(0.5));
        Assert.Equal(all.Min, a.Min);
        Assert.Equal(all.Max, a.Max);
    }

    [Fact]
    public void NonFiniteValuesAreCountedApartAndEmptySketchIsNaN()
    {
        var s = new DistributionSketch();
        Assert.True(double.IsNaN(s.Quantile(0.5)));
        s.Add(double.NaN);
        s.Add(double.PositiveInfinity);
        s.Add(3);
        Assert.Equal(1, s.Count);
        Assert.Equal(2, s.NonFiniteCount);
        Assert.Equal(3, s.Quantile(0.5));
    }
}
