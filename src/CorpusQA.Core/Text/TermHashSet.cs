using System.Runtime.CompilerServices;

namespace CorpusQA.Core.Text;

/// <summary>
/// Read-only set of 64-bit term hashes (stopwords, whole-line boilerplate) probed once per token or line: open
/// addressing at load ≤ 1/4 over a plain <c>ulong[]</c>, so a miss usually costs one load and one compare, with no
/// comparer call or modulo as in <see cref="HashSet{T}"/>. Zero marks an empty slot; a term hashing to zero is
/// remembered apart. Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class TermHashSet
{
    private readonly ulong[] _slots;
    private readonly int _mask;
    private readonly bool _containsZero;

    public TermHashSet(IEnumerable<ulong> hashes)
    {
        var distinct = new HashSet<ulong>(hashes);
        int capacity = 16;
        while (capacity < distinct.Count * 4) capacity <<= 1;
        _slots = new ulong[capacity];
        _mask = capacity - 1;
        foreach (ulong hash in distinct)
        {
            if (hash == 0)
            {
                _containsZero = true;
                continue;
            }
            int index = IndexOf(hash);
            while (_slots[index] != 0) index = (index + 1) & _mask;
            _slots[index] = hash;
        }
        Count = distinct.Count;
    }

    /// <summary>Number of distinct hashes.</summary>
    public int Count { get; }

    /// <summary>The set of the XxHash3 of each term (see <see cref="TextHash.Of"/>).</summary>
    public static TermHashSet OfTerms(IEnumerable<string> terms) => new(terms.Select(t => TextHash.Of(t)));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(ulong hash)
    {
        if (hash == 0) return _containsZero;
        var slots = _slots;
        int index = IndexOf(hash);
        while (true)
        {
            ulong slot = slots[index];
            if (slot == hash) return true;
            if (slot == 0) return false;
            index = (index + 1) & _mask;
        }
    }

    // XxHash3 values are well mixed; folding the high half in keeps sequential test keys spread as well.
    private int IndexOf(ulong hash) => (int)((hash ^ (hash >> 32)) & (uint)_mask);
}
