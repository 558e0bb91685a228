using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>One LSH bucket entry: a 64-bit band (or exact) key and the document index. 12 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Pack = 4)]
internal readonly record struct BandKey(ulong Key, int Doc) : IComparable<BandKey>
{
    public const int Size = 12;

    public int CompareTo(BandKey other)
    {
        int c = Key.CompareTo(other.Key);
        return c != 0 ? c : Doc.CompareTo(other.Doc);
    }
}

/// <summary>
/// External sort of <see cref="BandKey"/>s: entries collect in a buffer of at most
/// <c>budget / 12</c> keys; a full buffer is sorted and spilled to a run file; <see cref="Groups"/> merges
/// the runs (k-way, with a priority queue) and yields the documents sharing each key, in key order.
/// </summary>
internal sealed class BandKeySorter : IDisposable
{
    private readonly string _tempDirectory;
    private readonly int _capacity;
    private readonly List<string> _runs = new();
    private BandKey[] _buffer;
    private int _count;

    public BandKeySorter(long memoryBudgetBytes, string tempDirectory)
    {
        _capacity = (int)Math.Clamp(memoryBudgetBytes / BandKey.Size, 1024, Array.MaxLength);
        _buffer = new BandKey[Math.Min(_capacity, 4096)];
        _tempDirectory = tempDirectory;
    }

    /// <summary>Most keys held in memory at once.</summary>
    public int Capacity => _capacity;

    /// <summary>Number of sorted runs spilled to disk so far.</summary>
    public int SpilledRuns => _runs.Count;

    public void Add(ulong key, int doc)
    {
        if (_count == _buffer.Length)
        {
            if (_buffer.Length < _capacity)
                Array.Resize(ref _buffer, (int)Math.Min((long)_buffer.Length * 2, _capacity));
            else
                Spill();
        }
        _buffer[_count++] = new BandKey(key, doc);
    }

    /// <summary>Groups of ≥ 2 documents sharing a key, each in ascending document order.</summary>
    public IEnumerable<int[]> Groups()
    {
        Array.Sort(_buffer, 0, _count);
        var sources = new List<IEnumerator<BandKey>> { InMemory().GetEnumerator() };
        foreach (var run in _runs)
            sources.Add(ReadRun(run).GetEnumerator());
        var queue = new PriorityQueue<int, BandKey>();
        for (int i = 0; i < sources.Count; i++)
        {
            if (sources[i].MoveNext())
                queue.Enqueue(i, sources[i].Current);
        }
        var group = new List<int>();
        ulong groupKey = 0;
        while (queue.TryDequeue(out int source, out BandKey entry))
        {
            if (group.Count > 0 && entry.Key != groupKey)
            {
                if (group.Count > 1)
                    yield return group.ToArray();
                group.Clear();
            }
            groupKey = entry.Key;
            group.Add(entry.Doc);
            if (sources[source].MoveNext())
                queue.Enqueue(source, sources[source].Current);
        }
        if (group.Count > 1)
            yield return group.ToArray();
        foreach (var s in sources)
            s.Dispose();
    }

    private IEnumerable<BandKey> InMemory()
    {
        for (int i = 0; i < _count; i++)
            yield return _buffer[i];
    }

    private void Spill()
    {
        Array.Sort(_buffer, 0, _count);
        string path = Path.Combine(_tempDirectory, $"{RunFilePrefix}{Pipeline.RunTag.Current}-{Guid.NewGuid():N}.run");
        _runs.Add(path); // listed before writing: a run cut off by a full disk is deleted too
        using (var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16))
        {
            Span<byte> bytes = stackalloc byte[BandKey.Size];
            for (int i = 0; i < _count; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(bytes, _buffer[i].Key);
                BinaryPrimitives.WriteInt32LittleEndian(bytes.Slice(8), _buffer[i].Doc);
                stream.Write(bytes);
            }
        }
        _count = 0;
    }

    private static IEnumerable<BandKey> ReadRun(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        var bytes = new byte[BandKey.Size];
        while (stream.Read(bytes, 0, BandKey.Size) is int read && read > 0)
        {
            if (read < BandKey.Size)
                stream.ReadExactly(bytes, read, BandKey.Size - read);
            yield return new BandKey(BinaryPrimitives.ReadUInt64LittleEndian(bytes), BinaryPrimitives.ReadInt32LittleEndian(bytes.AsSpan(8)));
        }
    }

    /// <summary>Clears the buffer and deletes the run files so the sorter can take the next band.</summary>
    public void Reset()
    {
        DeleteRuns();
        _count = 0;
    }

    /// <summary>Sorted runs are hidden files <c>.bandkeys-PID-START-GUID.run</c> (see <see cref="Pipeline.RunTag"/>).</summary>
    public const string RunFilePrefix = ".bandkeys-";

    public void Dispose() => DeleteRuns();

    private void DeleteRuns()
    {
        foreach (var run in _runs)
        {
            try { File.Delete(run); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
        _runs.Clear();
    }
}
