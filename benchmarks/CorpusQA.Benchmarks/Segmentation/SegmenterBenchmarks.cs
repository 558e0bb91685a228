using System.Text;
using BenchmarkDotNet.Attributes;
using CorpusQA.Segmentation;

namespace CorpusQA.Benchmarks.Segmentation;

/// <summary>
/// <see cref="JiebaSegmenter.Cut(ReadOnlySpan{char}, List{TokenSpan}, CutMode, bool)"/> over the 400
/// committed Debian-docs sample documents, once per mode. One operation cuts all documents, so
/// "Allocated" divided by the token count printed at setup is the allocation per token (expected 0).
/// Run: <c>dotnet run -c Release --project benchmarks/CorpusQA.Benchmarks -- --filter *SegmenterBenchmarks* --job short</c>.
/// </summary>
[MemoryDiagnoser]
public class SegmenterBenchmarks
{
    private JiebaSegmenter _segmenter = null!;
    private string[] _texts = [];
    private readonly List<TokenSpan> _output = new(1 << 16);

    /// <summary>UTF-8 size of the input, to turn the mean time into MB/s.</summary>
    public long InputBytes { get; private set; }

    [GlobalSetup]
    public void Setup()
    {
        _segmenter = JiebaSegmenter.CreateDefault();
        _texts = [.. SampleCorpus.LoadSample()];
        InputBytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        foreach ((string name, CutMode mode, bool hmm) in Modes)
        {
            Console.WriteLine($"// {name}: {_texts.Length} docs, {InputBytes} UTF-8 bytes, {CountTokens(mode, hmm)} tokens per operation");
        }
    }

    [Benchmark(Baseline = true)]
    public int AccurateHmm() => CutAll(CutMode.Accurate, hmm: true);

    [Benchmark]
    public int AccurateNoHmm() => CutAll(CutMode.Accurate, hmm: false);

    [Benchmark]
    public int Full() => CutAll(CutMode.Full, hmm: true);

    [Benchmark]
    public int Search() => CutAll(CutMode.Search, hmm: true);

    private static readonly (string Name, CutMode Mode, bool Hmm)[] Modes =
    [
        ("AccurateHmm", CutMode.Accurate, true),
        ("AccurateNoHmm", CutMode.Accurate, false),
        ("Full", CutMode.Full, true),
        ("Search", CutMode.Search, true),
    ];

    private int CutAll(CutMode mode, bool hmm)
    {
        int tokens = 0;
        string[] texts = _texts;
        for (int i = 0; i < texts.Length; i++)
        {
            _output.Clear();
            _segmenter.Cut(texts[i].AsSpan(), _output, mode, hmm);
            tokens += _output.Count;
        }
        return tokens;
    }

    private int CountTokens(CutMode mode, bool hmm) => CutAll(mode, hmm);
}
