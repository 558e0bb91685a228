using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using CorpusQA.Core.Kernels;
using CorpusQA.Core.Text;

namespace CorpusQA.Core.LanguageModel;

/// <summary>
/// A character n-gram language model (interpolated modified Kneser-Ney, see <see cref="CharLmTrainer"/>) read
/// from an <c>lm.bin</c> (<see cref="LmFormat"/>) that stays memory-mapped: opening costs one checksum pass and
/// queries read the mapped tables through pointers, allocating nothing. Thread-safe for queries.
/// Query semantics are those of an ARPA back-off model: p(w | h) is the stored probability of the longest
/// n-gram h'w present times the backoff weights of the longer contexts of h.
/// </summary>
public sealed unsafe partial class CharLanguageModel : IDisposable
{
    private readonly MemoryMappedFile? _file;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly UnmanagedMemoryStream? _resource;
    private byte* _native;
    private readonly Table[] _tables;
    private readonly bool _quantized;
    private readonly double _startBackoff;
    private readonly bool _hasStart;

    private readonly struct Table
    {
        public readonly ulong* Words;
        public readonly ulong Buckets;
        public readonly double* Values;
        public readonly double ProbMin, ProbStep, BackoffMin, BackoffStep;

        public Table(byte* table, in LmOrderInfo info, bool exact)
        {
            Words = (ulong*)table;
            Buckets = (ulong)info.Buckets;
            Values = exact ? (double*)(table + info.Buckets * LmFormat.BucketBytes) : null;
            (ProbMin, ProbStep, BackoffMin, BackoffStep) = (info.ProbMin, info.ProbStep, info.BackoffMin, info.BackoffStep);
        }
    }

    private static readonly Lazy<CharLanguageModel> LazyDefault = new(LoadDefault);

    /// <summary>The bundled default model (embedded in CorpusQA.Core; see docs/lm.md), loaded on first use.</summary>
    public static CharLanguageModel Default => LazyDefault.Value;

    /// <summary>Opens and memory-maps <paramref name="path"/>; a bad file throws a one-line <see cref="LanguageModelException"/>.</summary>
    public static CharLanguageModel Open(string path)
    {
        if (!File.Exists(path)) throw new LanguageModelException($"{path}: language model not found");
        long length;
        try
        {
            length = new FileInfo(path).Length;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FileNotFoundException)
        {
            throw new LanguageModelException($"{path}: cannot read the language model ({ex.Message})");
        }

        if (length < LmFormat.HeaderSize) throw new LanguageModelException($"{path}: not a CorpusQA language model (only {length} bytes)");
        MemoryMappedFile? file = null;
        MemoryMappedViewAccessor? view = null;
        try
        {
            file = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
            view = file.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
            byte* pointer = null;
            view.SafeMemoryMappedViewHandle.AcquirePointer(ref pointer);
            return new CharLanguageModel(path, pointer + view.PointerOffset, length, file, view, null, null);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            view?.Dispose();
            file?.Dispose();
            throw new LanguageModelException($"{path}: cannot read the language model ({ex.Message})");
        }
        catch
        {
            view?.Dispose();
            file?.Dispose();
            throw;
        }
    }

    /// <summary>A model over a copy of <paramref name="bytes"/> (unmanaged memory), e.g. a freshly trained one.</summary>
    public static CharLanguageModel FromBytes(ReadOnlySpan<byte> bytes, string name = "lm.bin")
    {
        byte* copy = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, bytes.Length), LmFormat.BucketBytes);
        bytes.CopyTo(new Span<byte>(copy, bytes.Length));
        try
        {
            return new CharLanguageModel(name, copy, bytes.Length, null, null, null, copy);
        }
        catch
        {
            NativeMemory.AlignedFree(copy);
            throw;
        }
    }

    private static CharLanguageModel LoadDefault()
    {
        var stream = DataFiles.Open("lm.bin");
        // The tables are read a cache line per bucket: use the resource in place only where it is 64-byte aligned.
        if (stream is UnmanagedMemoryStream resource && (ulong)resource.PositionPointer % LmFormat.BucketBytes == 0)
            return new CharLanguageModel("embedded lm.bin", resource.PositionPointer, resource.Length, null, null, resource, null);
        using (stream)
        {
            var bytes = new byte[stream.Length];
            stream.ReadExactly(bytes);
            return FromBytes(bytes, "embedded lm.bin");
        }
    }

    private CharLanguageModel(string source, byte* data, long length, MemoryMappedFile? file, MemoryMappedViewAccessor? view,
        UnmanagedMemoryStream? resource, byte* native)
    {
        (_file, _view, _resource) = (file, view, resource);
        _native = native;
        var span = new ReadOnlySpan<byte>(data, checked((int)length));
        var infos = LmFileValidator.Validate(source, span, out var header);
        Header = header;
        _quantized = header.Encoding == LmValueEncoding.Quantized16;
        Orders = infos;
        _tables = new Table[infos.Length];
        for (int i = 0; i < infos.Length; i++) _tables[i] = new Table(data + infos[i].Offset, infos[i], !_quantized);
        ulong start = Probe(0, NGramHash.Extend(NGramHash.Seed, LmText.SentenceStart));
        _hasStart = start != 0;
        _startBackoff = _hasStart ? Backoff(0, start) : 0;
    }

    /// <summary>What the header says (order, vocabulary, encoding, training-data hash...).</summary>
    public LmHeader Header { get; }

    /// <summary>The n-gram order.</summary>
    public int Order => Header.Order;

    internal IReadOnlyList<LmOrderInfo> Orders { get; }

    /// <summary>n-grams stored for <paramref name="order"/> (1-based).</summary>
    public long NGramCount(int order) => Orders[order - 1].Entries;

    /// <summary>The state at the start of a line (context &lt;s&gt;).</summary>
    public LmState BeginLine()
    {
        var state = default(LmState);
        state.History[0] = LmText.SentenceStart;
        state.Backoffs[0] = _startBackoff;
        state.Length = _hasStart && Order > 1 ? 1 : 0;
        return state;
    }

    /// <summary>
    /// log10 p(<paramref name="code"/> | state) for a code unit (0..0xFFFF) or <see cref="LmText.SentenceEnd"/>,
    /// and advances the state. A token absent from the vocabulary gets log10 p(&lt;unk&gt;) (times the context's
    /// backoffs) and empties the context.
    /// </summary>
    public double Log10Prob(ref LmState state, int code) => Log10Prob(ref state, code, out _);

    /// <summary>
    /// <see cref="Log10Prob(ref LmState, int)"/>, and <paramref name="unigramLog10"/> = log10 of the token's unigram
    /// probability in the model (p(&lt;unk&gt;) for an unknown token), which the first probe finds anyway.
    /// </summary>
    [SkipLocalsInit]
    public double Log10Prob(ref LmState state, int code, out double unigramLog10)
    {
        int length = state.Length;
        int limit = Math.Min(length + 1, Order);
        // The n-gram hashes of every order depend only on the context, not on what the lookups find: compute them
        // all and prefetch their home buckets first, so the tables' cache misses overlap instead of queueing
        // (measured: 23 -> 30 MB/s on the Debian corpus). Each probe then compares one bucket's 8 tags at once
        // (Kernels/LmBucketKernel) instead of stepping through a linear-probing run (1.8x: 0.40 -> 0.70 of the
        // segmenter's speed in the same run).
        Span<ulong> hashes = stackalloc ulong[LmFormat.MaxOrder];
        ulong hash = NGramHash.Extend(NGramHash.Seed, code);
        hashes[0] = hash;
        Prefetch(0, hash);
        for (int n = 2; n <= limit; n++)
        {
            hash = NGramHash.Extend(hash, state.History[n - 2]);
            hashes[n - 1] = hash;
            Prefetch(n - 1, hash);
        }

        double log10;
        int matched;
        LmState.BackoffRing found = default;
        ulong word = Probe(0, hashes[0]);
        ulong words0 = word;
        if (word == 0)
        {
            log10 = Header.UnknownLog10Prob;
            matched = 0;
        }
        else
        {
            log10 = Prob(0, word);
            found[0] = Backoff(0, word);
            matched = 1;
            for (int n = 2; n <= limit; n++)
            {
                word = Probe(n - 1, hashes[n - 1]);
                if (word == 0) break;
                log10 = Prob(n - 1, word);
                found[n - 1] = Backoff(n - 1, word);
                matched = n;
            }
        }

        unigramLog10 = matched == 0 ? log10 : Prob(0, words0);
        // Contexts longer than the one the matched n-gram used back off: their weights multiply in.
        for (int i = Math.Max(matched - 1, 0); i < length; i++) log10 += state.Backoffs[i];
        for (int i = Order - 2; i > 0; i--) state.History[i] = state.History[i - 1];
        state.History[0] = code;
        state.Length = Math.Min(matched, Order - 1);
        state.Backoffs = found;
        return log10;
    }

    /// <summary>A cache hint for the home bucket of <paramref name="key"/> (x86; elsewhere nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(int order, ulong key)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        ref readonly Table table = ref _tables[order];
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(table.Words + LmFormat.Home(key, table.Buckets) * LmFormat.Slots);
    }

    /// <summary>The word of <paramref name="key"/> in the order's table (tag and payload), or 0 when it is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private ulong Probe(int order, ulong key)
    {
        ref readonly Table table = ref _tables[order];
        ulong bucket = LmFormat.Home(key, table.Buckets);
        ulong tag = LmFormat.Tag(key);
        ulong word = LmBucketKernel.Probe(table.Words + bucket * LmFormat.Slots, tag, out bool overflow);
        return overflow ? ProbeOverflow(in table, bucket, tag) : word;
    }

    /// <summary>The rare continuation of a probe past a full bucket (load ≤ 1/2 keeps it rare).</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private static ulong ProbeOverflow(in Table table, ulong bucket, ulong tag)
    {
        while (true)
        {
            bucket = bucket + 1 == table.Buckets ? 0 : bucket + 1;
            ulong word = LmBucketKernel.Probe(table.Words + bucket * LmFormat.Slots, tag, out bool overflow);
            if (!overflow) return word;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Prob(int order, ulong word)
    {
        ref readonly Table t = ref _tables[order];
        if (!_quantized) return t.Values[2 * (uint)word];
        return t.ProbMin + (ushort)(word >> 16) * t.ProbStep;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Backoff(int order, ulong word)
    {
        ref readonly Table t = ref _tables[order];
        if (!_quantized) return t.Values[2 * (uint)word + 1];
        return t.BackoffMin + (ushort)word * t.BackoffStep;
    }

    public void Dispose()
    {
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }

        _file?.Dispose();
        _resource?.Dispose();
        if (_native is not null)
        {
            NativeMemory.AlignedFree(_native);
            _native = null;
        }
    }

    internal static ulong ReadU64(ReadOnlySpan<byte> s, int at) => BinaryPrimitives.ReadUInt64LittleEndian(s[at..]);
}
