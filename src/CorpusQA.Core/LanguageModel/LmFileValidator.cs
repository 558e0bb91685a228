using System.Buffers.Binary;

namespace CorpusQA.Core.LanguageModel;

/// <summary>What an <c>lm.bin</c> header says.</summary>
public sealed record LmHeader(
    int Order, int VocabularySize, LmValueEncoding Encoding, ulong TrainingDataHash, long TrainingTokens, double UnknownLog10Prob);

/// <summary>Checks an <c>lm.bin</c> before any pointer into it is used: every failure is one line naming the source.</summary>
internal static class LmFileValidator
{
    public static LmOrderInfo[] Validate(string source, ReadOnlySpan<byte> file, out LmHeader header)
    {
        if (file.Length < LmFormat.HeaderSize || BinaryPrimitives.ReadUInt64LittleEndian(file) != LmFormat.Magic)
            throw Bad(source, "not a CorpusQA language model (bad magic)");
        uint version = BinaryPrimitives.ReadUInt32LittleEndian(file[8..]);
        if (version != LmFormat.Version)
            throw Bad(source, $"language model format version {version}, this build reads version {LmFormat.Version}; retrain it with 'corpusqa lm train'");
        int order = BinaryPrimitives.ReadInt32LittleEndian(file[12..]);
        int vocabulary = BinaryPrimitives.ReadInt32LittleEndian(file[16..]);
        uint encoding = BinaryPrimitives.ReadUInt32LittleEndian(file[20..]);
        if (order is < 1 or > LmFormat.MaxOrder) throw Bad(source, $"corrupt language model (order {order})");
        if (encoding > 1) throw Bad(source, $"corrupt language model (value encoding {encoding})");
        long descriptorsEnd = LmFormat.HeaderSize + (long)order * LmFormat.OrderSize;
        if (file.Length < descriptorsEnd) throw Bad(source, $"truncated language model ({file.Length} bytes, header needs {descriptorsEnd})");
        var valueEncoding = (LmValueEncoding)encoding;
        var infos = new LmOrderInfo[order];
        long end = descriptorsEnd;
        for (int n = 0; n < order; n++)
        {
            var d = file.Slice(LmFormat.HeaderSize + n * LmFormat.OrderSize, LmFormat.OrderSize);
            var info = new LmOrderInfo(
                BinaryPrimitives.ReadInt64LittleEndian(d), BinaryPrimitives.ReadInt64LittleEndian(d[8..]),
                BinaryPrimitives.ReadInt64LittleEndian(d[16..]), BinaryPrimitives.ReadInt32LittleEndian(d[24..]),
                F64(d, 32), F64(d, 40), F64(d, 48), F64(d, 56), F64(d, 64), F64(d, 72), F64(d, 80));
            if (info.Entries < 0 || info.Buckets < 1 || info.Buckets > long.MaxValue / 1024
                || info.Buckets * LmFormat.Slots <= info.Entries || info.Offset < descriptorsEnd || info.Offset % LmFormat.BucketBytes != 0
                || !double.IsFinite(info.ProbMin) || !double.IsFinite(info.ProbStep) || !double.IsFinite(info.BackoffMin)
                || !double.IsFinite(info.BackoffStep))
                throw Bad(source, $"corrupt language model (order {n + 1} descriptor)");
            long tableEnd = info.Offset + LmFormat.TableBytes(info.Buckets, info.Entries, valueEncoding);
            if (tableEnd > file.Length)
                throw Bad(source, $"truncated language model ({file.Length} bytes, the order-{n + 1} table ends at {tableEnd})");
            end = Math.Max(end, tableEnd);
            infos[n] = info;
        }

        if (end != file.Length) throw Bad(source, $"corrupt language model ({file.Length} bytes, the tables end at {end})");
        if (LmFormat.Checksum(file) != BinaryPrimitives.ReadUInt64LittleEndian(file[48..]))
            throw Bad(source, "corrupt language model (checksum mismatch)");
        if (valueEncoding == LmValueEncoding.Float64)
            for (int n = 0; n < order; n++)
            {
                // Exact payloads index the value pairs: every one must be in range before a pointer follows it.
                var words = file.Slice((int)infos[n].Offset, (int)(infos[n].Buckets * LmFormat.BucketBytes));
                for (int i = 0; i < words.Length; i += 8)
                {
                    ulong word = BinaryPrimitives.ReadUInt64LittleEndian(words[i..]);
                    if (word != 0 && (uint)word >= infos[n].Entries) throw Bad(source, $"corrupt language model (order {n + 1} table)");
                }
            }

        header = new LmHeader(order, vocabulary, valueEncoding, BinaryPrimitives.ReadUInt64LittleEndian(file[24..]),
            BinaryPrimitives.ReadInt64LittleEndian(file[32..]), F64(file, 40));
        return infos;
    }

    private static double F64(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadDoubleLittleEndian(s[at..]);

    private static LanguageModelException Bad(string source, string what) => new($"{source}: {what}");
}
