using System.Buffers.Binary;
using System.Runtime.CompilerServices;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation.Hmm;

/// <summary>
/// jieba's finalseg BMES model: start, transition and emission log-probabilities, the exact doubles
/// Python parses from prob_*.py. Emissions are a dense table over U+4E00..U+9FD5 (the only
/// characters the HMM ever sees), four states per character so one lookup touches one cache line;
/// a missing emission is <see cref="MinFloat"/> like <c>emit_p[y].get(c, MIN_FLOAT)</c>.
/// </summary>
internal sealed class HmmModel
{
    internal const double MinFloat = -3.14e100;
    internal const int B = 0, M = 1, E = 2, S = 3;
    private const int CjkCount = CharClass.CjkLast - CharClass.CjkFirst + 1;

    private readonly double[] _start = new double[4];
    private readonly double[] _trans = new double[16];
    private readonly double[] _emit = new double[CjkCount * 4];

    internal double Start(int state) => _start[state];

    /// <summary>The four emission log-probabilities of <paramref name="c"/>, which must be CJK.</summary>
    internal ReadOnlySpan<double> Emissions(char c) => _emit.AsSpan((c - CharClass.CjkFirst) * 4, 4);

    internal ReadOnlySpan<double> TransitionTable => _trans;

    internal ReadOnlySpan<double> EmissionTable => _emit;

    /// <summary>Parses the inflated <c>jieba.hmm.bin.z</c> layout written by tools/segmentation/build_resources.py.</summary>
    // Runs once, over half a million entries: skip tier-0 code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static HmmModel Parse(ReadOnlySpan<byte> data)
    {
        if (data.Length < 8 + (20 * 8) || !data[..4].SequenceEqual("JBHM"u8) || BinaryPrimitives.ReadUInt32LittleEndian(data[4..]) != 1)
        {
            throw new InvalidDataException("jieba HMM resource: bad header");
        }
        var model = new HmmModel();
        int pos = 8;
        for (int i = 0; i < 4; i++, pos += 8)
        {
            model._start[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[pos..]);
        }
        for (int i = 0; i < 16; i++, pos += 8)
        {
            model._trans[i] = BinaryPrimitives.ReadDoubleLittleEndian(data[pos..]);
        }
        Array.Fill(model._emit, MinFloat);
        for (int state = 0; state < 4; state++)
        {
            int n = checked((int)BinaryPrimitives.ReadUInt32LittleEndian(data[pos..]));
            pos += 4;
            ReadOnlySpan<byte> chars = data.Slice(pos, n * 2);
            ReadOnlySpan<byte> probs = data.Slice(pos + (n * 2), n * 8);
            for (int i = 0; i < n; i++)
            {
                char c = (char)BinaryPrimitives.ReadUInt16LittleEndian(chars[(2 * i)..]);
                if (!CharClass.IsCjk(c))
                {
                    throw new InvalidDataException("jieba HMM resource: emission outside U+4E00..U+9FD5");
                }
                model._emit[((c - CharClass.CjkFirst) * 4) + state] = BinaryPrimitives.ReadDoubleLittleEndian(probs[(8 * i)..]);
            }
            pos += n * 10;
        }
        if (pos != data.Length)
        {
            throw new InvalidDataException("jieba HMM resource: trailing bytes");
        }
        return model;
    }
}
