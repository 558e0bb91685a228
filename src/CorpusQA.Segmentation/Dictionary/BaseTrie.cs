using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.CompilerServices;

namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// The immutable prefix dictionary (jieba's <c>FREQ</c>: every word and every prefix of a word) as a
/// trie. Node 0 is the root (the empty string); a key is present exactly when its node exists, and
/// its frequency is 0 for a prefix that is not itself a word. Children of the root sit in a direct
/// table indexed by the character; deeper edges live in one open-addressing hash table whose
/// entries pack (parent, char, child) into a single <see cref="ulong"/>, so a step is one multiply
/// and usually one cache line. Shared by every segmenter instance; never mutated after load.
/// </summary>
internal sealed class BaseTrie
{
    internal const int NoNode = -1;
    private const int NodeBits = 20;
    private const ulong NodeMask = (1UL << NodeBits) - 1;
    internal const int MaxNodes = 1 << NodeBits;

    private readonly int[] _rootChildren;
    private readonly ulong[] _edges;
    private readonly int _edgeShift;
    private readonly int[] _frequency;
    private readonly double[] _logFrequency;

    /// <summary>Number of nodes including the root.</summary>
    internal int NodeCount { get; }

    /// <summary>Sum of all word frequencies as <c>gen_pfdict</c> computes it (duplicates counted twice).</summary>
    internal long Total { get; }

    private BaseTrie(int nodeCount, long total)
    {
        NodeCount = nodeCount;
        Total = total;
        _rootChildren = new int[char.MaxValue + 1];
        Array.Fill(_rootChildren, NoNode);
        int capacity = (int)BitOperations.RoundUpToPowerOf2((uint)Math.Max(16, nodeCount * 2));
        _edges = new ulong[capacity];
        _edgeShift = 64 - BitOperations.Log2((uint)capacity);
        _frequency = new int[nodeCount];
        _logFrequency = new double[nodeCount];
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Child(int node, char c)
    {
        if (node == 0)
        {
            return _rootChildren[c];
        }
        ulong key = ((ulong)(uint)node << 16) | c;
        ulong[] edges = _edges;
        int mask = edges.Length - 1;
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _edgeShift);
        while (true)
        {
            ulong entry = edges[slot];
            if ((entry >> NodeBits) == key)
            {
                return (int)(entry & NodeMask);
            }
            if (entry == 0)
            {
                return NoNode;
            }
            slot = (slot + 1) & mask;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Frequency(int node) => _frequency[node];

    /// <summary><c>math.log(freq)</c>; meaningful only where the frequency is positive.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double LogFrequency(int node) => _logFrequency[node];

    private void AddEdge(int parent, char c, int child)
    {
        if (parent == 0)
        {
            _rootChildren[c] = child;
            return;
        }
        ulong key = ((ulong)(uint)parent << 16) | c;
        int mask = _edges.Length - 1;
        int slot = (int)((key * 0x9E3779B97F4A7C15UL) >> _edgeShift);
        while (_edges[slot] != 0)
        {
            slot = (slot + 1) & mask;
        }
        _edges[slot] = (key << NodeBits) | (uint)child;
    }

    /// <summary>Parses the inflated <c>jieba.dict.bin.z</c> layout written by tools/segmentation/build_resources.py.</summary>
    internal static BaseTrie Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 20 || !data[..4].SequenceEqual("JBDT"u8) || BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != 1)
        {
            throw new InvalidDataException("jieba dictionary resource: bad header");
        }
        int count = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data[8..]));
        long total = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(data[12..]));
        if (count + 1 > MaxNodes)
        {
            throw new InvalidDataException("jieba dictionary resource: too many nodes");
        }
        var trie = new BaseTrie(count + 1, total);
        ReadOnlySpan<byte> depths = data.Slice(20, count);
        ReadOnlySpan<byte> chars = data.Slice(20 + count, count * 2);
        ReadOnlySpan<byte> freqs = data[(20 + (3 * count))..];
        Span<int> path = stackalloc int[257];
        path[0] = 0;
        int pos = 0;
        var logCache = new LogCache();
        for (int i = 0; i < count; i++)
        {
            int node = i + 1;
            int depth = depths[i];
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(chars[(2 * i)..]);
            trie.AddEdge(path[depth], c, node);
            path[depth + 1] = node;
            int freq = ReadVarint(freqs, ref pos);
            trie._frequency[node] = freq;
            trie._logFrequency[node] = freq > 0 ? logCache.Log(freq) : 0;
        }
        if (pos != freqs.Length)
        {
            throw new InvalidDataException("jieba dictionary resource: trailing bytes");
        }
        return trie;
    }

    private static int ReadVarint(ReadOnlySpan<byte> data, ref int pos)
    {
        int value = 0;
        for (int shift = 0; ; shift += 7)
        {
            byte b = data[pos++];
            value |= (b & 0x7F) << shift;
            if (b < 0x80)
            {
                return value;
            }
        }
    }

    /// <summary>Most frequencies are small and repeat; <see cref="Math.Log(double)"/> is the cost of loading.</summary>
    private sealed class LogCache
    {
        private readonly double[] _small = new double[4096];

        internal double Log(int freq)
        {
            if (freq >= _small.Length)
            {
                return Math.Log(freq);
            }
            double v = _small[freq];
            if (v == 0 && freq != 1)
            {
                v = _small[freq] = Math.Log(freq);
            }
            return v;
        }
    }
}
