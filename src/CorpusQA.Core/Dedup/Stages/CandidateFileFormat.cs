using System.Buffers.Binary;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>
/// Layout of the bucket stage's output (little-endian). Header, 48 bytes:
/// <c>magic "CQCANDID" (8) | version u16 | reserved u16 | bands i32 | rows i32 | doc count i32 |
/// band options hash u64 | exact pair count i64 | candidate pair count i64 | reserved i32</c>.
/// Then exact pairs <c>(duplicate i32, first occurrence i32)</c> ascending by duplicate, then candidate
/// pairs <c>(a i32, b i32)</c>, a &lt; b, ascending and unique.
/// </summary>
internal static class CandidateFileFormat
{
    public static ReadOnlySpan<byte> Magic => "CQCANDID"u8;
    public const ushort Version = 1;
    public const int HeaderSize = 48;

    public static void WriteHeader(Stream stream, LshParameters lsh, int docCount, ulong optionsHash, long exactPairs, long candidatePairs)
    {
        Span<byte> h = stackalloc byte[HeaderSize];
        h.Clear();
        Magic.CopyTo(h);
        BinaryPrimitives.WriteUInt16LittleEndian(h.Slice(8), Version);
        BinaryPrimitives.WriteInt32LittleEndian(h.Slice(12), lsh.Bands);
        BinaryPrimitives.WriteInt32LittleEndian(h.Slice(16), lsh.Rows);
        BinaryPrimitives.WriteInt32LittleEndian(h.Slice(20), docCount);
        BinaryPrimitives.WriteUInt64LittleEndian(h.Slice(24), optionsHash);
        BinaryPrimitives.WriteInt64LittleEndian(h.Slice(32), exactPairs);
        BinaryPrimitives.WriteInt64LittleEndian(h.Slice(40), candidatePairs);
        stream.Write(h);
    }

    public static void WritePairs(Stream stream, IEnumerable<(int A, int B)> pairs)
    {
        Span<byte> b = stackalloc byte[8];
        foreach (var (x, y) in pairs)
        {
            BinaryPrimitives.WriteInt32LittleEndian(b, x);
            BinaryPrimitives.WriteInt32LittleEndian(b.Slice(4), y);
            stream.Write(b);
        }
    }

    /// <summary>Reads the whole file, rejecting a foreign, truncated or mismatched one.</summary>
    public static (int DocCount, List<(int Dup, int Of)> Exact, List<(int A, int B)> Candidates) Read(string path, ulong expectedOptionsHash, LshParameters lsh)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16);
        Span<byte> h = stackalloc byte[HeaderSize];
        if (stream.Length < HeaderSize)
            throw new InvalidDataException($"{path}: too short for a candidate file header");
        stream.ReadExactly(h);
        if (!h.Slice(0, 8).SequenceEqual(Magic))
            throw new InvalidDataException($"{path}: not a CorpusQA candidate file (bad magic)");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(h.Slice(8));
        if (version != Version)
            throw new InvalidDataException($"{path}: candidate file version {version}, expected {Version}");
        int bands = BinaryPrimitives.ReadInt32LittleEndian(h.Slice(12));
        int rows = BinaryPrimitives.ReadInt32LittleEndian(h.Slice(16));
        ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(h.Slice(24));
        if (hash != expectedOptionsHash || bands != lsh.Bands || rows != lsh.Rows)
            throw new InvalidDataException($"{path}: written with different dedup options ({bands}x{rows}, hash {hash:x16})");
        int docCount = BinaryPrimitives.ReadInt32LittleEndian(h.Slice(20));
        long exact = BinaryPrimitives.ReadInt64LittleEndian(h.Slice(32));
        long candidates = BinaryPrimitives.ReadInt64LittleEndian(h.Slice(40));
        if (stream.Length != HeaderSize + 8 * (exact + candidates))
            throw new InvalidDataException($"{path}: length does not match {exact} + {candidates} pairs");
        var exactPairs = ReadPairs(stream, exact);
        var candidatePairs = ReadPairs(stream, candidates);
        return (docCount, exactPairs, candidatePairs);
    }

    private static List<(int, int)> ReadPairs(Stream stream, long count)
    {
        var list = new List<(int, int)>((int)Math.Min(count, 1 << 20));
        Span<byte> b = stackalloc byte[8];
        for (long i = 0; i < count; i++)
        {
            stream.ReadExactly(b);
            list.Add((BinaryPrimitives.ReadInt32LittleEndian(b), BinaryPrimitives.ReadInt32LittleEndian(b.Slice(4))));
        }
        return list;
    }
}
