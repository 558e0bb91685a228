using System.Numerics.Tensors;
using CorpusQA.Classify.Bundles;
using CorpusQA.Core.Signals;

namespace CorpusQA.Classify.Features;

/// <summary>Fits and applies the numeric signals' scaling (<see cref="SignalScaling"/>).</summary>
internal sealed class SignalScaler
{
    /// <summary>Scaled values are clamped to ±this, so one extreme document cannot dominate a linear model.</summary>
    public const float Clamp = 8f;

    private readonly int[] _registryIndex;
    private readonly bool[] _log;
    private readonly float[] _mean;
    private readonly float[] _inverseStd;

    public SignalScaler(IReadOnlyList<SignalScaling> signals, SignalRegistry registry)
    {
        _registryIndex = new int[signals.Count];
        _log = new bool[signals.Count];
        _mean = new float[signals.Count];
        _inverseStd = new float[signals.Count];
        for (int i = 0; i < signals.Count; i++)
        {
            int index = registry.IndexOf(signals[i].Name);
            if (index < 0) throw new ModelBundleException($"the model uses signal '{signals[i].Name}', which this version of CorpusQA does not compute");
            _registryIndex[i] = index;
            _log[i] = signals[i].Log;
            _mean[i] = (float)signals[i].Mean;
            _inverseStd[i] = (float)(1 / signals[i].Std);
        }
    }

    public int Count => _registryIndex.Length;

    /// <summary>Writes the scaled signals into <paramref name="output"/> (length ≥ <see cref="Count"/>).</summary>
    public void Apply(ReadOnlySpan<double> signalValues, Span<float> output)
    {
        var x = output[..Count];
        for (int i = 0; i < x.Length; i++)
        {
            double v = signalValues[_registryIndex[i]];
            if (!double.IsFinite(v)) v = 0;
            x[i] = (float)(_log[i] ? Math.CopySign(Math.Log(1 + Math.Abs(v)), v) : v);
        }
        TensorPrimitives.Subtract(x, _mean, x);
        TensorPrimitives.Multiply(x, _inverseStd, x);
        TensorPrimitives.Max(x, -Clamp, x);
        TensorPrimitives.Min(x, Clamp, x);
    }

    /// <summary>
    /// The scaling of each named signal fitted on training rows (registry-indexed values): a signal whose values
    /// exceed 1.5 anywhere (a count or length) is log-scaled; a constant one gets std 1.
    /// </summary>
    public static List<SignalScaling> Fit(IReadOnlyList<string> names, SignalRegistry registry, IReadOnlyList<double[]> rows)
    {
        var result = new List<SignalScaling>(names.Count);
        foreach (string name in names)
        {
            int index = registry.IndexOf(name);
            if (index < 0) throw new ArgumentException($"unknown signal '{name}'", nameof(names));
            bool log = rows.Any(r => Math.Abs(Finite(r[index])) > 1.5);
            double sum = 0, sumSquares = 0;
            foreach (var row in rows)
            {
                double x = Transform(Finite(row[index]), log);
                sum += x;
                sumSquares += x * x;
            }
            double mean = rows.Count > 0 ? sum / rows.Count : 0;
            double variance = rows.Count > 0 ? Math.Max(0, sumSquares / rows.Count - mean * mean) : 0;
            double std = Math.Sqrt(variance);
            result.Add(new SignalScaling(name, log, Round(mean), std > 1e-9 ? Round(std) : 1));
        }
        return result;
    }

    private static double Finite(double v) => double.IsFinite(v) ? v : 0;

    private static double Transform(double v, bool log) => log ? Math.CopySign(Math.Log(1 + Math.Abs(v)), v) : v;

    // Stored rounded, so the bundle's JSON text is the exact value used (no float-printing drift across runs).
    private static double Round(double v) => Math.Round(v, 9);
}
