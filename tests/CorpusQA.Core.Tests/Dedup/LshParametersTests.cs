using CorpusQA.Core.Dedup;

namespace CorpusQA.Core.Tests.Dedup;

public class LshParametersTests
{
    // Expected values: datasketch's _optimal_param algorithm run in Python (fine trapezoid integration).
    [Theory]
    [InlineData(0.8, 128, 9, 13)]
    [InlineData(0.7, 128, 14, 9)]
    [InlineData(0.9, 256, 9, 28)]
    public void OptimalMatchesDatasketch(double threshold, int numPerm, int bands, int rows)
    {
        var lsh = LshParameters.Optimal(threshold, numPerm);
        Assert.Equal((bands, rows), (lsh.Bands, lsh.Rows));
        Assert.True(lsh.Bands * lsh.Rows <= numPerm);
    }

    [Fact]
    public void WeightsShiftTheChoice()
    {
        var fpHeavy = LshParameters.Optimal(0.8, 128, falsePositiveWeight: 0.9, falseNegativeWeight: 0.1);
        var fnHeavy = LshParameters.Optimal(0.8, 128, falsePositiveWeight: 0.1, falseNegativeWeight: 0.9);
        Assert.True(fpHeavy.CandidateProbability(0.6) < fnHeavy.CandidateProbability(0.6));
    }

    [Fact]
    public void SCurveIsMonotoneFromZeroToOne()
    {
        var curve = LshParameters.Optimal(0.8, 128).SCurve(21);
        Assert.Equal(21, curve.Count);
        Assert.Equal(0, curve[0].CandidateProbability, 12);
        Assert.Equal(1, curve[^1].CandidateProbability, 12);
        for (int i = 1; i < curve.Count; i++)
            Assert.True(curve[i].CandidateProbability >= curve[i - 1].CandidateProbability);
        Assert.Equal(1 - Math.Pow(1 - Math.Pow(0.8, 13), 9), LshParameters.Optimal(0.8, 128).CandidateProbability(0.8), 12);
    }

    [Fact]
    public void SimpsonIntegratesPolynomialsExactly() =>
        Assert.Equal(0.25, LshParameters.Integrate(s => s * s * s, 0, 1), 12);
}
