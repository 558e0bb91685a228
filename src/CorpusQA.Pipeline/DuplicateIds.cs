using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CorpusQA.Pipeline;

/// <summary>
/// Counts documents whose id an earlier document already had, in 8 bytes per document (a 64-bit hash of each id,
/// sorted at the end; a false match needs a hash collision, about n²/2⁶⁵). Ids that are row indices (inputs without
/// an id) are not counted: they repeat in every file by design.
/// </summary>
internal sealed class DuplicateIds
{
    private readonly List<ulong> _hashes = [];

    public void Add(CorpusQA.Core.Documents.Document document)
    {
        if (document.IdIsRowIndex) return;
        _hashes.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(document.Id.AsSpan())));
    }

    /// <summary>Documents beyond the first with each id (call once, after the last document).</summary>
    public long Count()
    {
        var hashes = CollectionsMarshal.AsSpan(_hashes);
        hashes.Sort();
        long duplicates = 0;
        for (int i = 1; i < hashes.Length; i++)
            if (hashes[i] == hashes[i - 1]) duplicates++;
        return duplicates;
    }

    /// <summary>The hashes sorted into <paramref name="path"/> (8 bytes each), for <see cref="CountAcross"/> over shards.</summary>
    public void WriteSorted(string path)
    {
        var hashes = CollectionsMarshal.AsSpan(_hashes);
        hashes.Sort();
        using var stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 16);
        stream.Write(MemoryMarshal.AsBytes(hashes));
    }

    /// <summary>
    /// <see cref="Count"/> over the union of shards' sorted hash files, merged k-way (memory: one buffer per file), so
    /// that ids repeated across shards count as in one pass.
    /// </summary>
    public static long CountAcross(IReadOnlyList<string> paths)
    {
        var readers = paths.Select(p => new BinaryReader(new BufferedStream(File.OpenRead(p), 1 << 16))).ToList();
        try
        {
            var queue = new PriorityQueue<int, ulong>();
            for (int r = 0; r < readers.Count; r++)
                if (TryRead(readers[r], out ulong first)) queue.Enqueue(r, first);
            long duplicates = 0;
            bool any = false;
            ulong previous = 0;
            while (queue.TryDequeue(out int r, out ulong hash))
            {
                if (any && hash == previous) duplicates++;
                previous = hash;
                any = true;
                if (TryRead(readers[r], out ulong next)) queue.Enqueue(r, next);
            }
            return duplicates;
        }
        finally
        {
            foreach (var reader in readers) reader.Dispose();
        }
    }

    private static bool TryRead(BinaryReader reader, out ulong value)
    {
        if (reader.BaseStream.Position >= reader.BaseStream.Length)
        {
            value = 0;
            return false;
        }
        value = reader.ReadUInt64();
        return true;
    }
}
