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
        Orders = infos;
        _tables = new Table[infos.Length];
        for (int i = 0; i < infos.Length; i++) _tables[i] = new Table(data + infos[i].Offset, infos[i], exact: header.Encoding == LmValueEncoding.Float64);
        ulong start = Probe(in _tables[0], NGramHash.Extend(NGramHash.Seed, LmText.SentenceStart));
        _hasStart = start != 0;
        _startBackoff = _hasStart ? Backoff(in _tables[0], start) : 0;
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
        ulong* hashes = stackalloc ulong[LmFormat.MaxOrder];
        ulong* words = stackalloc ulong[LmFormat.MaxOrder];
        return Step(ref state, code, hashes, words, prefetch: true, out unigramLog10);
    }

    /// <summary>
    /// <see cref="Log10Prob(ref LmState, int, out double)"/> for a token whose buckets a <see cref="Lookahead"/>
    /// already hinted into cache (orders 2 and up; the unigram table stays in cache): the same result, without
    /// hinting them again.
    /// </summary>
    [SkipLocalsInit]
    private double Log10ProbPrefetched(ref LmState state, int code, out double unigramLog10)
    {
        ulong* hashes = stackalloc ulong[LmFormat.MaxOrder];
        ulong* words = stackalloc ulong[LmFormat.MaxOrder];
        return Step(ref state, code, hashes, words, prefetch: false, out unigramLog10);
    }

    /// <summary>One query and the state's move to the next token (the body of the two above).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Step(ref LmState state, int code, ulong* hashes, ulong* words, bool prefetch, out double unigramLog10)
    {
        double log10 = Lookup(ref state, code, hashes, words, prefetch, out int matched, out unigramLog10);

        // The state moves on: the backoffs of the matched orders (read after the sum, which needed the old ones),
        // then the history.
        ref Table tables = ref MemoryMarshal.GetArrayDataReference(_tables);
        ref int history = ref state.History[0];
        ref double backoffs = ref state.Backoffs[0];
        int order = _tables.Length;
        int kept = Math.Min(matched, order - 1);
        for (int n = 0; n < kept; n++) Unsafe.Add(ref backoffs, n) = Backoff(in Unsafe.Add(ref tables, n), words[n]);
        for (int i = order - 2; i > 0; i--) Unsafe.Add(ref history, i) = Unsafe.Add(ref history, i - 1);
        history = code;
        state.Length = kept;
        return log10;
    }

    /// <summary>
    /// <see cref="Log10Prob(ref LmState, int, out double)"/> without advancing the state: what the model would give
    /// <paramref name="code"/> in this context (the word-order test's alternative continuation), at the cost of the
    /// lookup alone, with no copy of the state.
    /// </summary>
    [SkipLocalsInit]
    internal double PeekLog10Prob(ref LmState state, int code, out double unigramLog10)
    {
        ulong* hashes = stackalloc ulong[LmFormat.MaxOrder];
        ulong* words = stackalloc ulong[LmFormat.MaxOrder];
        return Lookup(ref state, code, hashes, words, prefetch: true, out _, out unigramLog10);
    }

    /// <summary>
    /// The query itself: log10 p(code | state) and the unigram log10, the found words of the matched orders in
    /// <paramref name="words"/>; reads the state only. The callers own the scratch (<paramref name="hashes"/>,
    /// <paramref name="words"/>: <see cref="LmFormat.MaxOrder"/> each) since a method that allocates on the stack is
    /// never inlined.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Lookup(ref LmState state, int code, ulong* hashes, ulong* words, bool prefetch, out int matched, out double unigramLog10)
    {
        // Tables, history and backoffs are read through refs: the orders are bounded by the model's order, which the
        // file validator checked against the state's fixed size (LmFormat.MaxOrder), so no index is checked per use.
        ref Table tables = ref MemoryMarshal.GetArrayDataReference(_tables);
        ref int history = ref state.History[0];
        ref double backoffs = ref state.Backoffs[0];
        int order = _tables.Length;
        int length = state.Length;
        int limit = Math.Min(length + 1, order);
        // The n-gram hashes of every order depend only on the context, not on what the lookups find: compute them
        // all and prefetch their home buckets first, so the tables' cache misses overlap instead of queueing
        // (measured: 23 -> 30 MB/s on the Debian corpus). Each probe then compares one bucket's 8 tags at once
        // (Kernels/LmBucketKernel) instead of stepping through a linear-probing run (1.8x: 0.40 -> 0.70 of the
        // segmenter's speed in the same run).
        ulong hash = NGramHash.Extend(NGramHash.Seed, code);
        hashes[0] = hash;
        if (prefetch) Prefetch(in tables, hash);
        for (int n = 1; n < limit; n++)
        {
            hash = NGramHash.Extend(hash, Unsafe.Add(ref history, n - 1));
            hashes[n] = hash;
            if (prefetch) Prefetch(in Unsafe.Add(ref tables, n), hash);
        }

        // Probe upwards from the unigram; the first absent order ends the match.
        int found = 0;
        while (found < limit)
        {
            ulong word = Probe(in Unsafe.Add(ref tables, found), hashes[found]);
            if (word == 0) break;
            words[found++] = word;
        }

        double log10;
        if (found == 0) unigramLog10 = log10 = Header.UnknownLog10Prob;
        else
        {
            log10 = Prob(in Unsafe.Add(ref tables, found - 1), words[found - 1]);
            unigramLog10 = found == 1 ? log10 : Prob(in tables, words[0]);
        }

        // Contexts longer than the one the matched n-gram used back off: their weights multiply in.
        for (int i = Math.Max(found - 1, 0); i < length; i++) log10 += Unsafe.Add(ref backoffs, i);
        matched = found;
        return log10;
    }

    /// <summary>A cache hint for the home bucket of <paramref name="key"/> (x86; elsewhere nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Prefetch(in Table table, ulong key)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(table.Words + LmFormat.Home(key, table.Buckets) * LmFormat.Slots);
    }

    /// <summary>The word of <paramref name="key"/> in the order's table (tag and payload), or 0 when it is absent.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static ulong Probe(in Table table, ulong key)
    {
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

    /// <summary>log10 p of a found word: the quantized code, or (exact files) the stored f64.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Prob(in Table t, ulong word) =>
        t.Values is null ? t.ProbMin + (ushort)(word >> 16) * t.ProbStep : t.Values[2 * (uint)word];

    /// <summary>log10 backoff of a found word.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static double Backoff(in Table t, ulong word) =>
        t.Values is null ? t.BackoffMin + (ushort)word * t.BackoffStep : t.Values[2 * (uint)word + 1];

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
