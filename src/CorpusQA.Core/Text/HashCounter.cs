namespace CorpusQA.Core.Text;

/// <summary>
/// Open-addressing counter of 64-bit hashes (n-grams, lines, words). Reused across documents:
/// <see cref="Reset"/> only bumps a generation stamp (a slot of an older generation is empty), so a reset costs
/// nothing and steady state allocates nothing. Key, stamp and count share one 16-byte slot so a probe touches one
/// cache line. Keys are hashes, so two different strings may collide; with 64-bit hashes that is negligible.
/// </summary>
internal sealed class HashCounter
{
    private Slot[] _slots = new Slot[256];
    private int _mask = 255;
    private int _stamp = 1;

    /// <summary>Number of distinct keys.</summary>
    public int Distinct { get; private set; }

    /// <summary>Tables up to this many slots (16 MiB) keep the load ≤ 1/2; larger ones allow 3/4.</summary>
    internal const int LowLoadSlots = 1 << 20;

    /// <summary>
    /// Empties the table and makes room for <paramref name="expectedKeys"/> keys: at load ≤ 1/2 while the table fits in
    /// <see cref="LowLoadSlots"/>, else at load ≤ 3/4, so that a huge document's table takes at most 2.7 slots (43 bytes)
    /// per key instead of 4 (64 bytes), at about one more probe per lookup.
    /// </summary>
    public void Reset(int expectedKeys)
    {
        int capacity = 256;
        while (capacity < (long)expectedKeys * 2 && (capacity < LowLoadSlots || capacity < (long)expectedKeys * 4 / 3)) capacity <<= 1;
        if (capacity > _slots.Length)
        {
            _slots = new Slot[capacity];
            _stamp = 0;
        }
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_slots);
            _stamp = 1;
        }
        _mask = capacity - 1;
        Distinct = 0;
    }

    /// <summary>Adds one occurrence; returns the count after adding.</summary>
    public int Add(ulong key) => _slots[AddAt(key)].Count;

    /// <summary>Adds one occurrence and returns the key's slot, whose count <see cref="CountAt"/> reads later without probing.</summary>
    public int AddAt(ulong key)
    {
        int index = Find(key);
        ref Slot slot = ref _slots[index];
        if (slot.Stamp != _stamp)
        {
            slot.Key = key;
            slot.Stamp = _stamp;
            slot.Count = 0;
            Distinct++;
        }
        slot.Count++;
        return index;
    }

    /// <summary>The current count of the key in slot <paramref name="index"/> (from <see cref="AddAt"/>).</summary>
    public int CountAt(int index) => _slots[index].Count;

    /// <summary>Visits every distinct key's count (in slot order, which is deterministic).</summary>
    public Enumerator GetEnumerator() => new(this);

    private int Find(ulong key)
    {
        // Keys are already well-mixed hashes; fold the high bits in so sequential keys spread too.
        int index = (int)((key ^ (key >> 32)) & (uint)_mask);
        var slots = _slots;
        int stamp = _stamp;
        while (slots[index].Stamp == stamp && slots[index].Key != key) index = (index + 1) & _mask;
        return index;
    }

    private struct Slot
    {
        public ulong Key;
        public int Stamp;
        public int Count;
    }

    public struct Enumerator
    {
        private readonly HashCounter _owner;
        private int _index;

        internal Enumerator(HashCounter owner)
        {
            _owner = owner;
            _index = -1;
        }

        public readonly int Current => _owner._slots[_index].Count;

        public bool MoveNext()
        {
            while (++_index <= _owner._mask)
                if (_owner._slots[_index].Stamp == _owner._stamp) return true;
            return false;
        }
    }
}
