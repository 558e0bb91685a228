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
            int stride = LmFormat.EntrySize(header.Encoding);
            var kept = new (ulong Key, Gram Gram)[order][];
            var offsets = new long[order];
            var capacities = new long[order];
            long size = LmFormat.HeaderSize + (long)order * LmFormat.OrderSize;
            for (int n = 1; n <= order; n++)
            {
                bool prune = options.PruneFromOrder > 0 && n >= options.PruneFromOrder;
                var list = new List<(ulong, Gram)>(grams[n - 1].Count);
                foreach (var (key, gram) in grams[n - 1])
                    if (!prune || gram.Raw >= options.PruneMinCount) list.Add((key, gram));
                list.Sort((a, b) => a.Item1.CompareTo(b.Item1)); // table layout independent of counting order
                kept[n - 1] = [.. list];
                size = (size + 7) & ~7L;
                offsets[n - 1] = size;
                capacities[n - 1] = LmFormat.Capacity(list.Count);
                size += capacities[n - 1] * stride;
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
                BinaryPrimitives.WriteInt64LittleEndian(d[8..], capacities[n - 1]);
                BinaryPrimitives.WriteInt64LittleEndian(d[16..], offsets[n - 1]);
                BinaryPrimitives.WriteInt32LittleEndian(d[24..], options.PruneFromOrder > 0 && n >= options.PruneFromOrder ? options.PruneMinCount : 1);
                BinaryPrimitives.WriteDoubleLittleEndian(d[32..], probMin);
                BinaryPrimitives.WriteDoubleLittleEndian(d[40..], probStep);
                BinaryPrimitives.WriteDoubleLittleEndian(d[48..], backoffMin);
                BinaryPrimitives.WriteDoubleLittleEndian(d[56..], backoffStep);
                BinaryPrimitives.WriteDoubleLittleEndian(d[64..], discounts[n - 1].D1);
                BinaryPrimitives.WriteDoubleLittleEndian(d[72..], discounts[n - 1].D2);
                BinaryPrimitives.WriteDoubleLittleEndian(d[80..], discounts[n - 1].D3);
                var table = span.Slice((int)offsets[n - 1], (int)(capacities[n - 1] * stride));
                foreach (var (key, gram) in entries)
                {
                    ulong capacity = (ulong)capacities[n - 1];
                    ulong slot = LmFormat.Home(key, capacity);
                    while (BinaryPrimitives.ReadUInt64LittleEndian(table[(int)(slot * (ulong)stride)..]) != 0)
                        slot = slot + 1 == capacity ? 0 : slot + 1;
                    var e = table[(int)(slot * (ulong)stride)..];
                    BinaryPrimitives.WriteUInt64LittleEndian(e, key);
                    double prob = key == start && n == 1 ? probMin : gram.Log10Prob;
                    if (header.Encoding == LmValueEncoding.Float64)
                    {
                        BinaryPrimitives.WriteDoubleLittleEndian(e[8..], key == start && n == 1 ? -99 : prob);
                        BinaryPrimitives.WriteDoubleLittleEndian(e[16..], gram.Log10Backoff);
                    }
                    else
                    {
                        BinaryPrimitives.WriteUInt16LittleEndian(e[8..], Quantize(prob, probMin, probStep));
                        BinaryPrimitives.WriteUInt16LittleEndian(e[10..], Quantize(gram.Log10Backoff, backoffMin, backoffStep));
                    }
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
