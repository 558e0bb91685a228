using System.Runtime.CompilerServices;

namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// One consistent view of a segmenter's dictionary: the shared base trie, this instance's user
/// overlay (null until the first change), <c>total</c> and the words <c>del_word</c> forced apart.
/// A cut reads the snapshot once and uses it throughout, so a concurrent mutation, which publishes
/// a new snapshot, can never be seen half-done.
/// </summary>
internal sealed class DictionarySnapshot
{
    private readonly BaseTrie _base;
    private readonly UserOverlay? _overlay;

    internal DictionarySnapshot(BaseTrie baseTrie, UserOverlay? overlay, long total, HashSet<string>? forceSplit)
    {
        _base = baseTrie;
        _overlay = overlay;
        Total = total;
        LogTotal = Math.Log(total);
        ForceSplit = forceSplit is { Count: > 0 } ? forceSplit : null;
    }

    internal long Total { get; }

    /// <summary><c>log(self.total)</c>, subtracted from each word's log frequency exactly as jieba's <c>calc</c> does.</summary>
    internal double LogTotal { get; }

    /// <summary><c>finalseg.Force_Split_Words</c> (null when empty): HMM words that must be emitted char by char.</summary>
    internal HashSet<string>? ForceSplit { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Child(int node, char c)
    {
        int child = node < BaseTrie.IdLimit ? _base.Child(node, c) : BaseTrie.NoNode;
        if (child < 0 && _overlay is not null)
        {
            child = _overlay.Child(node, c);
        }
        return child;
    }

    /// <summary><see cref="Child"/> of the root, the first step of every walk.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int RootChild(char c)
    {
        int child = _base.RootChild(c);
        if (child < 0 && _overlay is not null)
        {
            child = _overlay.Child(BaseTrie.Root, c);
        }
        return child;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Frequency(int node) => _overlay is null ? _base.Frequency(node) : _overlay.Frequency(node);

    /// <summary><c>log(FREQ[node])</c>, or -1 when the frequency is 0 (so "is a word" is <c>&gt;= 0</c>).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double LogFrequency(int node) => _overlay is null ? _base.LogFrequency(node) : _overlay.LogFrequency(node);

    /// <summary>The node of <paramref name="key"/>, or <see cref="BaseTrie.NoNode"/> when the key is not in <c>FREQ</c>.</summary>
    internal int Find(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty)
        {
            return BaseTrie.Root;
        }
        int node = RootChild(key[0]);
        for (int i = 1; i < key.Length && node >= 0; i++)
        {
            node = Child(node, key[i]);
        }
        return node;
    }

    /// <summary><c>FREQ.get(key, missing)</c>.</summary>
    internal int FrequencyOr(ReadOnlySpan<char> key, int missing)
    {
        if (key.IsEmpty)
        {
            return missing;
        }
        int node = Find(key);
        return node < 0 ? missing : Frequency(node);
    }
}
