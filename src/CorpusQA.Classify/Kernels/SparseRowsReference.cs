namespace CorpusQA.Classify.Kernels;

/// <summary>
/// The scalar definition of <see cref="SparseRowsKernel"/>: acc[k] += Σ values[i] · rows[indices[i]·8 + k] for
/// k in 0..7 — a sparse vector times a weight matrix stored one 8-float row per feature (a linear model of up
/// to eight outputs), in index order, one float multiply-add at a time.
/// </summary>
internal static class SparseRowsReference
{
    public const int Width = 8;

    public static void Accumulate(ReadOnlySpan<float> rows, ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> acc)
    {
        for (int i = 0; i < indices.Length; i++)
        {
            int row = indices[i] * Width;
            for (int k = 0; k < Width; k++) acc[k] = MathF.FusedMultiplyAdd(values[i], rows[row + k], acc[k]);
        }
    }
}
