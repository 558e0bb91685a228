using System.Buffers.Binary;
using System.Runtime.CompilerServices;

namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// The immutable prefix dictionary (jieba's <c>FREQ</c>: every word and every prefix of a word) as a
/// hashed trie. A key is present exactly when its node exists; a prefix that is not itself a word
/// has frequency 0. Every edge (parent, char) is one 64-bit entry of an open-addressing table and
/// the child node's id is the entry's slot, so the entry also carries the child's payload, a 13-bit
/// index into the distinct frequencies and their logarithms: one step of a dictionary walk reads one
/// cache line of the table plus a table of a few thousand doubles that stays in cache. Shared by
/// every segmenter instance; never mutated after load.
/// </summary>
internal sealed class BaseTrie
{
    internal const int NoNode = -1;
    internal const int Root = 0;
    private const int SlotBits = 20;
    private const int PayloadBits = 13;
    private const ulong PayloadMask = (1UL << PayloadBits) - 1;
    private const ulong Occupied = ulong.MaxValue; // reserves slot 0 for the root; no real key is all ones

    private readonly ulong[] _slots = new ulong[1 << SlotBits];
    // Every DAG walk starts at the root: a direct table saves the hash probe of that first step.
    private readonly int[] _rootChildren = new int[char.MaxValue + 1];
    private readonly int[] _frequencies;
    private readonly double[] _logFrequencies;

    private BaseTrie(long total, int[] frequencies)
    {
        Total = total;
        _frequencies = frequencies;
        _logFrequencies = new double[frequencies.Length];
        for (int i = 0; i < frequencies.Length; i++)
        {
            // -1 marks "not a word" (frequency 0); a real log(freq) is >= 0.
            _logFrequencies[i] = frequencies[i] > 0 ? Math.Log(frequencies[i]) : -1;
        }
        _slots[Root] = Occupied;
        Array.Fill(_rootChildren, NoNode);
    }

    /// <summary>Node ids are below this; ids at or above it are free for a <see cref="UserOverlay"/>.</summary>
    internal static int IdLimit => 1 << SlotBits;

    /// <summary>Sum of all word frequencies as <c>gen_pfdict</c> computes it (duplicates counted twice).</summary>
    internal long Total { get; }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Home(ulong key) => (int)((key * 0x9E3779B97F4A7C15UL) >> (64 - SlotBits));

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Child(int node, char c)
    {
        ulong key = ((ulong)(uint)node << 16) | c;
        ulong[] slots = _slots;
        int slot = Home(key);
        while (true)
        {
            ulong entry = slots[slot];
            if ((entry >> PayloadBits) == key)
            {
                return slot;
            }
            if (entry == 0)
            {
                return NoNode;
            }
            slot = (slot + 1) & ((1 << SlotBits) - 1);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int RootChild(char c) => _rootChildren[c];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal int Frequency(int node) => node == Root ? 0 : _frequencies[(int)(_slots[node] & PayloadMask)];

    /// <summary><c>math.log(freq)</c>, or -1 when the frequency is 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal double LogFrequency(int node) => _logFrequencies[(int)(_slots[node] & PayloadMask)];

    private int Add(int parent, char c, int payload)
    {
        ulong key = ((ulong)(uint)parent << 16) | c;
        int slot = Home(key);
        while (_slots[slot] != 0)
        {
            slot = (slot + 1) & ((1 << SlotBits) - 1);
        }
        _slots[slot] = (key << PayloadBits) | (uint)payload;
        if (parent == Root)
        {
            _rootChildren[c] = slot;
        }
        return slot;
    }

    /// <summary>Parses the inflated <c>jieba.dict.bin.z</c> layout written by tools/segmentation/build_resources.py.</summary>
    // Runs once, over half a million entries: skip tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static BaseTrie Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 24 || !data[..4].SequenceEqual("JBDT"u8) || BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != 2)
        {
            throw new InvalidDataException("jieba dictionary resource: bad header");
        }
        int count = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data[8..]));
        long total = checked((long)BinaryPrimitives.ReadUInt64LittleEndian(data[12..]));
        int distinct = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data[20..]));
        if (distinct > 1 << PayloadBits || count + 1 > IdLimit / 2)
        {
            throw new InvalidDataException("jieba dictionary resource: too large for the packed trie");
        }
        int pos = 24;
        var frequencies = new int[distinct];
        for (int i = 0; i < distinct; i++, pos += 4)
        {
            frequencies[i] = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]));
        }
        if (data.Length != pos + (count * 5))
        {
            throw new InvalidDataException("jieba dictionary resource: wrong length");
        }
        var trie = new BaseTrie(total, frequencies);
        ReadOnlySpan<byte> depths = data.Slice(pos, count);
        ReadOnlySpan<byte> chars = data.Slice(pos + count, count * 2);
        ReadOnlySpan<byte> payloads = data.Slice(pos + (3 * count), count * 2);
        Span<int> path = stackalloc int[257];
        path[0] = Root;
        for (int i = 0; i < count; i++)
        {
            int depth = depths[i];
            char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(chars[(2 * i)..]);
            int payload = BinaryPrimitives.ReadUInt16LittleEndian(payloads[(2 * i)..]);
            if (payload >= distinct)
            {
                throw new InvalidDataException("jieba dictionary resource: bad frequency index");
            }
            path[depth + 1] = trie.Add(path[depth], c, payload);
        }
        return trie;
    }
}
