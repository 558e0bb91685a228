namespace CorpusQA.Classify.Features;

/// <summary>
/// The parts of one document's features that do not depend on the model: its script shares and, for equal
/// settings, its character n-gram group. One per thread; <see cref="NextDocument"/> forgets the last document.
/// </summary>
public sealed class SharedFeatures
{
    private readonly float[] _shares = new float[ScriptShares.Count];
    private int _sharesMaxChars = -1;
    private (int Min, int Max, int Bits, bool Fold, int MaxChars)? _charKey;
    private int[] _charIndices = new int[1024];
    private float[] _charValues = new float[1024];
    private int _charCount;

    /// <summary>Call before featurizing the next document.</summary>
    public void NextDocument()
    {
        _sharesMaxChars = -1;
        _charKey = null;
    }

    internal bool TryCopyShares(int maxChars, Span<float> output)
    {
        if (_sharesMaxChars != maxChars) return false;
        _shares.CopyTo(output);
        return true;
    }

    internal void StoreShares(int maxChars, ReadOnlySpan<float> shares)
    {
        shares.CopyTo(_shares);
        _sharesMaxChars = maxChars;
    }

    private static (int, int, int, bool, int) Key(FeaturizerSettings s) => (s.CharNGramMin, s.CharNGramMax, s.CharBits, s.CharCaseFold, s.MaxChars);

    internal bool TryCopyChars(FeaturizerSettings settings, FeatureBuffer buffer, int offset, ref int at)
    {
        if (_charKey != Key(settings)) return false;
        buffer.EnsureCapacity(at + _charCount);
        for (int i = 0; i < _charCount; i++) buffer.Indices[at + i] = _charIndices[i] + offset;
        _charValues.AsSpan(0, _charCount).CopyTo(buffer.Values.AsSpan(at));
        at += _charCount;
        return true;
    }

    internal void StoreChars(FeaturizerSettings settings, FeatureBuffer buffer, int offset, int from, int to)
    {
        int count = to - from;
        if (_charIndices.Length < count)
        {
            _charIndices = new int[Math.Max(count, _charIndices.Length * 2)];
            _charValues = new float[_charIndices.Length];
        }
        for (int i = 0; i < count; i++) _charIndices[i] = buffer.Indices[from + i] - offset;
        buffer.Values.AsSpan(from, count).CopyTo(_charValues);
        _charCount = count;
        _charKey = Key(settings);
    }
}
