namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// Words added or re-weighted after load (<c>add_word</c>, <c>del_word</c>, user dictionaries), layered
/// over the shared <see cref="BaseTrie"/>: frequency overrides for keys the base already has, and
/// new nodes (numbered after the base's) for keys it lacks, prefixes included with frequency 0 as
/// jieba's <c>add_word</c> does. Mutated only under the owning segmenter's lock; what a snapshot
/// sees is a <see cref="Clone"/> that nobody mutates again.
/// </summary>
internal sealed class UserOverlay
{
    private readonly BaseTrie _base;
    private readonly Dictionary<long, int> _children;
    private readonly Dictionary<int, int> _overrides;
    private readonly List<int> _extraFrequency;
    private readonly List<double> _extraLogFrequency;
    // A filter over base nodes: bit set = "an overlay may override this node". Shared by all clones
    // and only ever gains bits (a racing reader at worst consults _overrides for nothing), so a
    // publish does not copy 128 KB.
    private readonly ulong[] _overridden;
    // Same kind of shared filter: bit set = "this base node may have children in _children", so a
    // walk that leaves the base trie asks the dictionary only where a user word branches off.
    private readonly ulong[] _branches;

    internal UserOverlay(BaseTrie baseTrie)
    {
        _base = baseTrie;
        _children = [];
        _overrides = [];
        _extraFrequency = [];
        _extraLogFrequency = [];
        _overridden = new ulong[BaseTrie.IdLimit / 64];
        _branches = new ulong[BaseTrie.IdLimit / 64];
    }

    private UserOverlay(UserOverlay other)
    {
        _base = other._base;
        _children = new Dictionary<long, int>(other._children);
        _overrides = new Dictionary<int, int>(other._overrides);
        _extraFrequency = [.. other._extraFrequency];
        _extraLogFrequency = [.. other._extraLogFrequency];
        _overridden = other._overridden;
        _branches = other._branches;
    }

    internal UserOverlay Clone() => new(this);

    internal int Child(int node, char c)
    {
        if (node < BaseTrie.IdLimit && (_branches[node >> 6] & (1UL << node)) == 0)
        {
            return BaseTrie.NoNode;
        }
        return _children.TryGetValue(((long)node << 16) | c, out int child) ? child : BaseTrie.NoNode;
    }

    internal int Frequency(int node)
    {
        int extra = node - BaseTrie.IdLimit;
        if (extra >= 0)
        {
            return _extraFrequency[extra];
        }
        return IsOverridden(node) && _overrides.TryGetValue(node, out int freq) ? freq : _base.Frequency(node);
    }

    internal double LogFrequency(int node)
    {
        int extra = node - BaseTrie.IdLimit;
        if (extra >= 0)
        {
            return _extraLogFrequency[extra];
        }
        return IsOverridden(node) && _overrides.TryGetValue(node, out int freq) ? LogOf(freq) : _base.LogFrequency(node);
    }

    private bool IsOverridden(int node) => (_overridden[node >> 6] & (1UL << node)) != 0;

    /// <summary>Same convention as <see cref="BaseTrie.LogFrequency"/>: -1 for frequency 0.</summary>
    private static double LogOf(int freq) => freq > 0 ? Math.Log(freq) : -1;

    /// <summary><c>FREQ[word] = freq</c> plus <c>FREQ.setdefault(prefix, 0)</c> for every prefix.</summary>
    internal void Set(ReadOnlySpan<char> word, int freq)
    {
        int node = 0;
        foreach (char c in word)
        {
            int next = node < BaseTrie.IdLimit ? _base.Child(node, c) : BaseTrie.NoNode;
            if (next < 0)
            {
                next = Child(node, c);
            }
            if (next < 0)
            {
                next = BaseTrie.IdLimit + _extraFrequency.Count;
                _extraFrequency.Add(0);
                _extraLogFrequency.Add(-1);
                _children.Add(((long)node << 16) | c, next);
                if (node < BaseTrie.IdLimit)
                {
                    Interlocked.Or(ref _branches[node >> 6], 1UL << node);
                }
            }
            node = next;
        }
        int extra = node - BaseTrie.IdLimit;
        if (extra >= 0)
        {
            _extraFrequency[extra] = freq;
            _extraLogFrequency[extra] = LogOf(freq);
        }
        else
        {
            _overrides[node] = freq;
            Interlocked.Or(ref _overridden[node >> 6], 1UL << node);
        }
    }
}
