using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
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
    private readonly int _stride;
    private readonly double _startBackoff;
    private readonly bool _hasStart;

    private readonly struct Table
    {
        public readonly byte* Entries;
        public readonly ulong Capacity;
        public readonly double ProbMin, ProbStep, BackoffMin, BackoffStep;

        public Table(byte* entries, in LmOrderInfo info)
        {
            Entries = entries;
            Capacity = (ulong)info.Capacity;
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
        byte* copy = (byte*)NativeMemory.AlignedAlloc((nuint)Math.Max(1, bytes.Length), 8);
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
        if (stream is UnmanagedMemoryStream resource)
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
        _stride = LmFormat.EntrySize(header.Encoding);
        Orders = infos;
        _tables = new Table[infos.Length];
        for (int i = 0; i < infos.Length; i++) _tables[i] = new Table(data + infos[i].Offset, infos[i]);
        _hasStart = TryFind(0, NGramHash.Extend(NGramHash.Seed, LmText.SentenceStart), out byte* start);
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
    [SkipLocalsInit]
    public double Log10Prob(ref LmState state, int code)
    {
        int length = state.Length;
        int limit = Math.Min(length + 1, Order);
        // The n-gram hashes of every order depend only on the context, not on what the lookups find: compute them
        // all and prefetch their home slots first, so the tables' cache misses overlap instead of queueing
        // (measured: 23 -> 30 MB/s on the Debian corpus).
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
        if (!TryFind(0, hashes[0], out byte* entry))
        {
            log10 = Header.UnknownLog10Prob;
            matched = 0;
        }
        else
        {
            log10 = Prob(0, entry);
            found[0] = Backoff(0, entry);
            matched = 1;
            for (int n = 2; n <= limit; n++)
            {
                if (!TryFind(n - 1, hashes[n - 1], out entry)) break;
                log10 = Prob(n - 1, entry);
                found[n - 1] = Backoff(n - 1, entry);
                matched = n;
            }
        }

        // Contexts longer than the one the matched n-gram used back off: their weights multiply in.
        for (int i = Math.Max(matched - 1, 0); i < length; i++) log10 += state.Backoffs[i];
        for (int i = Order - 2; i > 0; i--) state.History[i] = state.History[i - 1];
        state.History[0] = code;
        state.Length = Math.Min(matched, Order - 1);
        state.Backoffs = found;
        return log10;
    }

    /// <summary>A cache hint for the home slot of <paramref name="key"/> (x86; elsewhere nothing).</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void Prefetch(int order, ulong key)
    {
        if (!System.Runtime.Intrinsics.X86.Sse.IsSupported) return;
        ref readonly Table table = ref _tables[order];
        System.Runtime.Intrinsics.X86.Sse.Prefetch0(table.Entries + LmFormat.Home(key, table.Capacity) * (ulong)_stride);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private bool TryFind(int order, ulong key, out byte* entry)
    {
        ref readonly Table table = ref _tables[order];
        ulong capacity = table.Capacity;
        ulong slot = LmFormat.Home(key, capacity);
        int stride = _stride;
        byte* e = table.Entries + slot * (ulong)stride;
        while (true)
        {
            ulong k = Unsafe.ReadUnaligned<ulong>(e);
            if (k == key)
            {
                entry = e;
                return true;
            }

            if (k == 0)
            {
                entry = null;
                return false;
            }

            if (++slot == capacity)
            {
                slot = 0;
                e = table.Entries;
            }
            else e += stride;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Prob(int order, byte* entry)
    {
        if (!_quantized) return Unsafe.ReadUnaligned<double>(entry + 8);
        ref readonly Table t = ref _tables[order];
        return t.ProbMin + Unsafe.ReadUnaligned<ushort>(entry + 8) * t.ProbStep;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private double Backoff(int order, byte* entry)
    {
        if (!_quantized) return Unsafe.ReadUnaligned<double>(entry + 16);
        ref readonly Table t = ref _tables[order];
        return t.BackoffMin + Unsafe.ReadUnaligned<ushort>(entry + 10) * t.BackoffStep;
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
