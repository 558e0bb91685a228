namespace CorpusQA.Core.Stats;

/// <summary>
/// A value distribution in bounded memory: exact count, min, max and mean, and quantiles with a relative error of
/// at most <see cref="RelativeAccuracy"/> (the DDSketch construction of Masson et al., VLDB 2019: logarithmic
/// buckets, so memory grows with the value range's logarithm, never with the number of values).
/// Deterministic: the same values in the same order give the same state; bucket counts do not depend on order.
/// </summary>
public sealed class DistributionSketch
{
    /// <summary>Quantile values are within this relative error of a true sample quantile.</summary>
    public const double RelativeAccuracy = 0.005;

    // Values closer to zero than this share the zero bucket; signal values below it are rounding noise.
    private const double ZeroThreshold = 1e-9;

    private static readonly double Gamma = (1 + RelativeAccuracy) / (1 - RelativeAccuracy);
    private static readonly double LogGamma = Math.Log(Gamma);

    // Bucket counts by key, hashed (a sorted tree cost most of `rules apply` on a million rows); read in key order.
    private readonly Dictionary<int, long> _positive = new();
    private readonly Dictionary<int, long> _negative = new();
    private long _zeros;
    private long _nonFinite;
    private readonly ExactSum _sum = new();

    /// <summary>Finite values added.</summary>
    public long Count { get; private set; }

    /// <summary>NaN or infinite values seen (not part of the distribution).</summary>
    public long NonFiniteCount => _nonFinite;

    public double Min { get; private set; } = double.PositiveInfinity;

    public double Max { get; private set; } = double.NegativeInfinity;

    public double Mean => Count == 0 ? double.NaN : _sum.Value / Count;

    public void Add(double value)
    {
        if (!double.IsFinite(value))
        {
            _nonFinite++;
            return;
        }

        Count++;
        _sum.Add(value);
        if (value < Min) Min = value;
        if (value > Max) Max = value;
        if (Math.Abs(value) < ZeroThreshold)
        {
            _zeros++;
        }
        else if (value > 0)
        {
            Increment(_positive, KeyOf(value));
        }
        else
        {
            Increment(_negative, KeyOf(-value));
        }
    }

    /// <summary>Adds every value of <paramref name="other"/> (for merging per-shard sketches).</summary>
    public void Merge(DistributionSketch other)
    {
        // Counts add up in any order; only the JSON and the quantiles read the buckets in key order.
        foreach (var (k, c) in other._positive) Increment(_positive, k, c);
        foreach (var (k, c) in other._negative) Increment(_negative, k, c);
        _zeros += other._zeros;
        _nonFinite += other._nonFinite;
        _sum.Add(other._sum);
        Count += other.Count;
        if (other.Count > 0)
        {
            Min = Math.Min(Min, other.Min);
            Max = Math.Max(Max, other.Max);
        }
    }

    /// <summary>The whole state as JSON (doubles round-trip exactly), for <see cref="ReadState"/> in another process.</summary>
    public void WriteState(System.Text.Json.Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteNumber("count", Count);
        json.WriteNumber("zeros", _zeros);
        json.WriteNumber("non_finite", _nonFinite);
        json.WriteString("min", Min.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteString("max", Max.ToString("R", System.Globalization.CultureInfo.InvariantCulture));
        json.WriteStartArray("sum");
        foreach (var part in _sum.Partials) json.WriteNumberValue(part);
        json.WriteEndArray();
        WriteBuckets(json, "positive", _positive);
        WriteBuckets(json, "negative", _negative);
        json.WriteEndObject();
    }

    /// <summary>A sketch from <see cref="WriteState"/>: merging read states equals adding the values in one process.</summary>
    public static DistributionSketch ReadState(System.Text.Json.JsonElement state)
    {
        var sketch = new DistributionSketch
        {
            Count = state.GetProperty("count").GetInt64(),
            Min = double.Parse(state.GetProperty("min").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
            Max = double.Parse(state.GetProperty("max").GetString()!, System.Globalization.CultureInfo.InvariantCulture),
        };
        sketch._zeros = state.GetProperty("zeros").GetInt64();
        sketch._nonFinite = state.GetProperty("non_finite").GetInt64();
        foreach (var part in state.GetProperty("sum").EnumerateArray()) sketch._sum.Add(part.GetDouble());
        ReadBuckets(state.GetProperty("positive"), sketch._positive);
        ReadBuckets(state.GetProperty("negative"), sketch._negative);
        return sketch;
    }

    private static void WriteBuckets(System.Text.Json.Utf8JsonWriter json, string name, Dictionary<int, long> buckets)
    {
        json.WriteStartArray(name);
        foreach (var (k, c) in Ascending(buckets))
        {
            json.WriteNumberValue(k);
            json.WriteNumberValue(c);
        }
        json.WriteEndArray();
    }

    private static void ReadBuckets(System.Text.Json.JsonElement array, Dictionary<int, long> into)
    {
        var items = array.EnumerateArray().ToArray();
        for (int i = 0; i + 1 < items.Length; i += 2) into[items[i].GetInt32()] = items[i + 1].GetInt64();
    }

    /// <summary>The q-quantile (0 ≤ q ≤ 1), clamped to [Min, Max]; NaN when empty.</summary>
    public double Quantile(double q)
    {
        if (Count == 0) return double.NaN;
        if (q <= 0) return Min;
        if (q >= 1) return Max;
        long rank = (long)Math.Floor(q * (Count - 1));
        long seen = 0;
        foreach (var (k, c) in Descending(_negative))
        {
            seen += c;
            if (seen > rank) return Clamp(-ValueOf(k));
        }

        seen += _zeros;
        if (seen > rank) return Clamp(0);
        foreach (var (k, c) in Ascending(_positive))
        {
            seen += c;
            if (seen > rank) return Clamp(ValueOf(k));
        }

        return Max;
    }

    /// <summary>
    /// Counts in <paramref name="bins"/> equal-width bins between Min and Max; each bucket's values are placed at the
    /// bucket's representative value, so a count may sit one bin off near a bin edge (within the relative accuracy).
    /// </summary>
    public long[] Histogram(int bins)
    {
        var counts = new long[bins];
        if (Count == 0) return counts;
        double width = (Max - Min) / bins;
        void Put(double v, long c)
        {
            int i = width <= 0 ? 0 : (int)Math.Floor((Math.Clamp(v, Min, Max) - Min) / width);
            counts[Math.Clamp(i, 0, bins - 1)] += c;
        }

        // Integer counts into bins: the order of the buckets does not matter here.
        foreach (var (k, c) in _negative) Put(-ValueOf(k), c);
        if (_zeros > 0) Put(0, _zeros);
        foreach (var (k, c) in _positive) Put(ValueOf(k), c);
        return counts;
    }

    private double Clamp(double v) => Math.Clamp(v, Min, Max);

    private static int KeyOf(double magnitude) => (int)Math.Ceiling(Math.Log(magnitude) / LogGamma);

    // The bucket (gamma^(k-1), gamma^k] is represented by the value with equal relative error to both ends.
    private static double ValueOf(int key) => 2 * Math.Pow(Gamma, key) / (Gamma + 1);

    private static void Increment(Dictionary<int, long> buckets, int key, long by = 1)
    {
        System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(buckets, key, out _) += by;
    }

    private static KeyValuePair<int, long>[] Ascending(Dictionary<int, long> buckets)
    {
        var items = buckets.ToArray();
        Array.Sort(items, (a, b) => a.Key.CompareTo(b.Key));
        return items;
    }

    private static IEnumerable<KeyValuePair<int, long>> Descending(Dictionary<int, long> buckets) => Ascending(buckets).Reverse();
}
