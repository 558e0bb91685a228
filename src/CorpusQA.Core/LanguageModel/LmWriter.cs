using System.Buffers.Binary;

namespace CorpusQA.Core.LanguageModel;

/// <summary>Writes the tables of an estimated model in the <see cref="LmFormat"/> layout.</summary>
public sealed partial class CharLmTrainer
{
    private static class LmWriter
    {
        private const int Levels = ushort.MaxValue;

        public static byte[] Write(LmHeader header, Dictionary<ulong, Gram>[] grams, (double D1, double D2, double D3)[] discounts,
            CharLmBuildOptions options, ulong start)
        {
            int order = header.Order;
            var kept = new (ulong Key, Gram Gram)[order][];
            var offsets = new long[order];
            var buckets = new long[order];
            long size = LmFormat.HeaderSize + (long)order * LmFormat.OrderSize;
            for (int n = 1; n <= order; n++)
            {
                bool prune = options.PruneFromOrder > 0 && n >= options.PruneFromOrder;
                var list = new List<(ulong, Gram)>(grams[n - 1].Count);
                foreach (var (key, gram) in grams[n - 1])
                    if (!prune || gram.Raw >= options.PruneMinCount) list.Add((key, gram));
                list.Sort((a, b) => a.Item1.CompareTo(b.Item1)); // table layout independent of counting order
                kept[n - 1] = [.. list];
                size = (size + LmFormat.BucketBytes - 1) & ~(long)(LmFormat.BucketBytes - 1);
                offsets[n - 1] = size;
                buckets[n - 1] = LmFormat.Buckets(list.Count);
                size += LmFormat.TableBytes(buckets[n - 1], list.Count, header.Encoding);
            }

            var file = new byte[size];
            var span = file.AsSpan();
            BinaryPrimitives.WriteUInt64LittleEndian(span, LmFormat.Magic);
            BinaryPrimitives.WriteUInt32LittleEndian(span[8..], LmFormat.Version);
            BinaryPrimitives.WriteInt32LittleEndian(span[12..], order);
            BinaryPrimitives.WriteInt32LittleEndian(span[16..], header.VocabularySize);
            BinaryPrimitives.WriteUInt32LittleEndian(span[20..], (uint)header.Encoding);
            BinaryPrimitives.WriteUInt64LittleEndian(span[24..], header.TrainingDataHash);
            BinaryPrimitives.WriteInt64LittleEndian(span[32..], header.TrainingTokens);
            BinaryPrimitives.WriteDoubleLittleEndian(span[40..], header.UnknownLog10Prob);
            for (int n = 1; n <= order; n++)
            {
                var entries = kept[n - 1];
                var (probMin, probStep) = Range(entries, start, backoff: false);
                var (backoffMin, backoffStep) = Range(entries, start, backoff: true);
                var d = span.Slice(LmFormat.HeaderSize + (n - 1) * LmFormat.OrderSize, LmFormat.OrderSize);
                BinaryPrimitives.WriteInt64LittleEndian(d, entries.Length);
                BinaryPrimitives.WriteInt64LittleEndian(d[8..], buckets[n - 1]);
                BinaryPrimitives.WriteInt64LittleEndian(d[16..], offsets[n - 1]);
                BinaryPrimitives.WriteInt32LittleEndian(d[24..], options.PruneFromOrder > 0 && n >= options.PruneFromOrder ? options.PruneMinCount : 1);
                BinaryPrimitives.WriteDoubleLittleEndian(d[32..], probMin);
                BinaryPrimitives.WriteDoubleLittleEndian(d[40..], probStep);
                BinaryPrimitives.WriteDoubleLittleEndian(d[48..], backoffMin);
                BinaryPrimitives.WriteDoubleLittleEndian(d[56..], backoffStep);
                BinaryPrimitives.WriteDoubleLittleEndian(d[64..], discounts[n - 1].D1);
                BinaryPrimitives.WriteDoubleLittleEndian(d[72..], discounts[n - 1].D2);
                BinaryPrimitives.WriteDoubleLittleEndian(d[80..], discounts[n - 1].D3);
                ulong count = (ulong)buckets[n - 1];
                var words = span.Slice((int)offsets[n - 1], (int)(buckets[n - 1] * LmFormat.BucketBytes));
                var values = span.Slice((int)offsets[n - 1] + words.Length, entries.Length * LmFormat.ValueBytes(header.Encoding));
                for (int i = 0; i < entries.Length; i++)
                {
                    var (key, gram) = entries[i];
                    int slot = (int)LmFormat.Home(key, count) * LmFormat.Slots;
                    while (BinaryPrimitives.ReadUInt64LittleEndian(words[(slot * 8)..]) != 0)
                        slot = slot + 1 == words.Length / 8 ? 0 : slot + 1;
                    double prob = key == start && n == 1 ? probMin : gram.Log10Prob;
                    ulong payload;
                    if (header.Encoding == LmValueEncoding.Float64)
                    {
                        payload = (uint)i;
                        BinaryPrimitives.WriteDoubleLittleEndian(values[(16 * i)..], key == start && n == 1 ? -99 : prob);
                        BinaryPrimitives.WriteDoubleLittleEndian(values[(16 * i + 8)..], gram.Log10Backoff);
                    }
                    else
                        payload = ((ulong)Quantize(prob, probMin, probStep) << 16) | Quantize(gram.Log10Backoff, backoffMin, backoffStep);

                    BinaryPrimitives.WriteUInt64LittleEndian(words[(slot * 8)..], LmFormat.Tag(key) | payload);
                }
            }

            LmFormat.WriteChecksum(span);
            return file;
        }

        /// <summary>[min, max] of the order's values split into 65,535 steps; backoffs always include 0 (no backoff).</summary>
        private static (double Min, double Step) Range((ulong Key, Gram Gram)[] entries, ulong start, bool backoff)
        {
            double min = backoff ? 0 : double.PositiveInfinity, max = backoff ? 0 : double.NegativeInfinity;
            foreach (var (key, gram) in entries)
            {
                double v = backoff ? gram.Log10Backoff : gram.Log10Prob;
                if (!backoff && key == start) continue;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
            }

            if (!double.IsFinite(min)) return (0, 0);
            return (min, (max - min) / Levels);
        }

        private static ushort Quantize(double value, double min, double step) =>
            step == 0 ? (ushort)0 : (ushort)Math.Clamp(Math.Round((value - min) / step), 0, Levels);
    }
}
