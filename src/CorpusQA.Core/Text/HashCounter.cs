namespace CorpusQA.Core.Text;

/// <summary>
/// Open-addressing counter of 64-bit hashes (n-grams, lines, words) with a payload per key. Reused across documents:
/// <see cref="Reset"/> sizes it for the next document and clears only what that size needs, so steady state
/// allocates nothing. Keys are hashes, so two different strings may collide; with 64-bit hashes that is negligible.
/// </summary>
internal sealed class HashCounter
{
    private ulong[] _keys = new ulong[256];
    private int[] _counts = new int[256];
    private int[] _payloads = new int[256];
    private int _mask = 255;

    /// <summary>Number of distinct keys.</summary>
    public int Distinct { get; private set; }

    /// <summary>Empties the table and makes room for <paramref name="expectedKeys"/> keys at load ≤ 1/2.</summary>
    public void Reset(int expectedKeys)
    {
        int capacity = 256;
        while (capacity < expectedKeys * 2) capacity <<= 1;
        if (capacity > _keys.Length)
        {
            _keys = new ulong[capacity];
            _counts = new int[capacity];
            _payloads = new int[capacity];
        }
        else
        {
            Array.Clear(_counts, 0, capacity);
        }
        _mask = capacity - 1;
        Distinct = 0;
    }

    /// <summary>Adds one occurrence; returns the count after adding. The payload is kept from the first occurrence.</summary>
    public int Add(ulong key, int payload = 0)
    {
        int slot = Find(key);
        if (_counts[slot] == 0)
        {
            _keys[slot] = key;
            _payloads[slot] = payload;
            Distinct++;
        }
        return ++_counts[slot];
    }

    /// <summary>Occurrences of <paramref name="key"/> so far.</summary>
    public int CountOf(ulong key) => _counts[Find(key)];

    /// <summary>Visits every distinct key's count and payload (in slot order, which is deterministic).</summary>
    public Enumerator GetEnumerator() => new(this);

    private int Find(ulong key)
    {
        // Keys are already well-mixed hashes; fold the high bits in so sequential keys spread too.
        int slot = (int)((key ^ (key >> 32)) & (uint)_mask);
        while (_counts[slot] != 0 && _keys[slot] != key) slot = (slot + 1) & _mask;
        return slot;
    }

    public struct Enumerator
    {
        private readonly HashCounter _owner;
        private int _slot;

        internal Enumerator(HashCounter owner)
        {
            _owner = owner;
            _slot = -1;
        }

        public readonly (int Count, int Payload) Current => (_owner._counts[_slot], _owner._payloads[_slot]);

        public bool MoveNext()
        {
            while (++_slot <= _owner._mask)
                if (_owner._counts[_slot] != 0) return true;
            return false;
        }
    }
}
