using System.Numerics;

namespace CorpusQA.Classify.Features;

/// <summary>
/// Counts hashed buckets of one feature group for one document and reads them back in ascending bucket order
/// without sorting: a dense count per bucket plus a bitmap of the touched ones, both cleared while read. The cost
/// of a read is the bitmap's 2^bits/64 words plus the distinct buckets, whatever the document's length.
/// </summary>
internal sealed class BucketCounter
{
    // 16-bit counts (saturating) halve the table, so more of it stays in cache; 1 + ln(count) is looked up.
    private readonly ushort[] _counts;
    private readonly ulong[] _touched;

    public BucketCounter(int bits)
    {
        _size = 1 << bits;
        _counts = new ushort[_size];
        _touched = new ulong[Math.Max(1, (1 << bits) / 64)];
    }

    private readonly int _size;
    private int _added;

    /// <summary>An upper bound of the distinct buckets since the last drain (the additions, at most the bucket count).</summary>
    public int Added => Math.Min(_added, _size);

    /// <summary>Branch-free: the touched bit is set every time, the count saturates at 65,535.</summary>
    public void Add(int bucket)
    {
        ref ushort count = ref _counts[bucket];
        _touched[bucket >> 6] |= 1UL << bucket;
        count = (ushort)(count + ((count + 1) >> 16 ^ 1));
        _added++;
    }

    private static readonly float[] Weights = Enumerable.Range(0, 256).Select(c => c == 0 ? 0f : 1f + MathF.Log(c)).ToArray();

    private static float Weight(int count) => count < Weights.Length ? Weights[count] : 1f + MathF.Log(count);

    public void AddAll(ReadOnlySpan<int> buckets)
    {
        var counts = _counts;
        var touched = _touched;
        foreach (int b in buckets)
        {
            ref ushort count = ref counts[b];
            touched[b >> 6] |= 1UL << b;
            count = (ushort)(count + ((count + 1) >> 16 ^ 1));
        }
        _added += buckets.Length;
    }

    /// <summary>
    /// Appends (offset + bucket, 1 + ln(count)) for every touched bucket in ascending order, L2-normalized over the
    /// group, to <paramref name="indices"/>/<paramref name="values"/> from position <paramref name="at"/>; clears the
    /// counter and returns the new end position.
    /// </summary>
    public int Drain(int offset, int[] indices, float[] values, int at)
    {
        int start = at;
        double sumSquares = 0;
        for (int w = 0; w < _touched.Length; w++)
        {
            ulong word = _touched[w];
            if (word == 0) continue;
            _touched[w] = 0;
            do
            {
                int bucket = (w << 6) + BitOperations.TrailingZeroCount(word);
                word &= word - 1;
                float value = Weight(_counts[bucket]);
                _counts[bucket] = 0;
                indices[at] = offset + bucket;
                values[at++] = value;
                sumSquares += (double)value * value;
            }
            while (word != 0);
        }
        _added = 0;
        if (sumSquares > 0)
        {
            float scale = (float)(1 / Math.Sqrt(sumSquares));
            System.Numerics.Tensors.TensorPrimitives.Multiply(values.AsSpan(start, at - start), scale, values.AsSpan(start, at - start));
        }
        return at;
    }
}
