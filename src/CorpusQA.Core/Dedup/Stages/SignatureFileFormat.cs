using System.Buffers.Binary;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>
/// Layout of a signature shard file (little-endian). Header, 32 bytes:
/// <c>magic "CQSIGNAT" (8) | version u16 | reserved u16 | numPerm i32 | options hash u64 | record count i64</c>
/// (the count is written on close; -1 marks an unfinished file). Then fixed-size records:
/// <c>doc i32 | kind u8 | hasQuality u8 | reserved u16 | normalized length i32 | text length i32 |
/// text offset i64 | quality f64 | exact hash low u64 | exact hash high u64 | minhash u32 × numPerm</c>.
/// Text offset/length locate the normalized text (UTF-8) in the optional companion file
/// <c>{path}.txt</c>; offset -1 when it was not kept.
/// </summary>
internal static class SignatureFileFormat
{
    public static ReadOnlySpan<byte> Magic => "CQSIGNAT"u8;
    public const ushort Version = 1;
    public const int HeaderSize = 32;
    public const int FixedRecordBytes = 48;
    public const string TextSuffix = ".txt";

    public static int RecordSize(int numPerm) => FixedRecordBytes + 4 * numPerm;

    public static void WriteHeader(Span<byte> header, int numPerm, ulong optionsHash, long recordCount)
    {
        Magic.CopyTo(header);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(8), Version);
        BinaryPrimitives.WriteUInt16LittleEndian(header.Slice(10), 0);
        BinaryPrimitives.WriteInt32LittleEndian(header.Slice(12), numPerm);
        BinaryPrimitives.WriteUInt64LittleEndian(header.Slice(16), optionsHash);
        BinaryPrimitives.WriteInt64LittleEndian(header.Slice(24), recordCount);
    }

    public static void WriteRecord(Span<byte> record, DocumentSignature signature, long textOffset, int textLength)
    {
        BinaryPrimitives.WriteInt32LittleEndian(record, signature.DocIndex);
        record[4] = (byte)signature.Kind;
        record[5] = signature.Quality.HasValue ? (byte)1 : (byte)0;
        BinaryPrimitives.WriteUInt16LittleEndian(record.Slice(6), 0);
        BinaryPrimitives.WriteInt32LittleEndian(record.Slice(8), signature.NormalizedLength);
        BinaryPrimitives.WriteInt32LittleEndian(record.Slice(12), textLength);
        BinaryPrimitives.WriteInt64LittleEndian(record.Slice(16), textOffset);
        BinaryPrimitives.WriteDoubleLittleEndian(record.Slice(24), signature.Quality ?? 0);
        BinaryPrimitives.WriteUInt64LittleEndian(record.Slice(32), (ulong)signature.ExactHash);
        BinaryPrimitives.WriteUInt64LittleEndian(record.Slice(40), (ulong)(signature.ExactHash >> 64));
        Span<byte> hashes = record.Slice(FixedRecordBytes);
        for (int i = 0; i < signature.MinHashes.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(hashes.Slice(4 * i), signature.MinHashes[i]);
    }
}
