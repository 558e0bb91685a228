namespace CorpusQA.Segmentation;

/// <summary>
/// Per-thread working memory of a cut (route DP, Viterbi tables, intermediate tokens), grown on
/// demand and reused, so a cut allocates nothing once the buffers fit the longest block seen.
/// A thread uses one at a time; no cut calls another cut while holding it.
/// </summary>
internal sealed class Scratch
{
    [ThreadStatic]
    private static Scratch? t_current;

    private double[] _routeProb = new double[256];
    private int[] _routeEnd = new int[256];
    private byte[] _states = new byte[256];
    private byte[] _back = new byte[1024];
    private int[] _ends = new int[32];

    internal static Scratch Current => t_current ??= new Scratch();

    /// <summary>Accurate-mode tokens that search mode expands.</summary>
    internal List<TokenSpan> Words { get; } = new(256);

    /// <summary>Pending non-adjacent pieces of full mode's glued letter runs (almost always empty).</summary>
    internal List<TokenSpan> EngPieces { get; } = [];

    internal Span<double> RouteProb(int length) => Grow(ref _routeProb, length);

    internal Span<int> RouteEnd(int length) => Grow(ref _routeEnd, length);

    internal Span<byte> States(int length) => Grow(ref _states, length);

    internal Span<byte> BackPointers(int length) => Grow(ref _back, length);

    /// <summary>DAG end positions of one start position (at most the longest word, but user words may be long).</summary>
    internal int[] Ends(int length)
    {
        Grow(ref _ends, length);
        return _ends;
    }

    private static Span<T> Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, buffer.Length * 2)];
        }
        return buffer.AsSpan(0, length);
    }
}
