using System.Numerics;

namespace CorpusQA.Classify.Features;

/// <summary>
/// Counts hashed buckets of one feature group for one document and reads them back in ascending bucket order
/// without sorting: a dense count per bucket plus a bitmap of the touched ones, both cleared while read. The cost
/// of a read is the bitmap's 2^bits/64 words plus the distinct buckets, whatever the document's length.
/// </summary>
internal sealed class BucketCounter
{
    private readonly int[] _counts;
    private readonly ulong[] _touched;

    public BucketCounter(int bits)
    {
        _counts = new int[1 << bits];
        _touched = new ulong[Math.Max(1, (1 << bits) / 64)];
    }

    public int Distinct { get; private set; }

    public void Add(int bucket)
    {
        if (_counts[bucket]++ == 0)
        {
            _touched[bucket >> 6] |= 1UL << bucket;
            Distinct++;
        }
    }

    public void AddAll(ReadOnlySpan<int> buckets)
    {
        foreach (int b in buckets) Add(b);
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
                float value = 1f + MathF.Log(_counts[bucket]);
                _counts[bucket] = 0;
                indices[at] = offset + bucket;
                values[at++] = value;
                sumSquares += (double)value * value;
            }
            while (word != 0);
        }
        Distinct = 0;
        if (sumSquares > 0)
        {
            float scale = (float)(1 / Math.Sqrt(sumSquares));
            System.Numerics.Tensors.TensorPrimitives.Multiply(values.AsSpan(start, at - start), scale, values.AsSpan(start, at - start));
        }
        return at;
    }
}
