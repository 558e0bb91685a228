using System.Text;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using CorpusQA.Core.Dedup;
using CorpusQA.Core.Kernels;

namespace CorpusQA.Benchmarks.Dedup;

/// <summary>
/// Char 5-gram, 128-permutation signatures of the 400-document Debian sample, single thread: the SIMD kernel
/// against its scalar reference. Throughput = UTF-8 MB of input per second (datasketch here: 2.32 MB/s).
/// Two short-run jobs: <c>simd</c> (as shipped) and <c>scalar</c> (DOTNET_EnableHWIntrinsic=0, every vector
/// path off, as in the second CI pass).
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SimdVsScalarConfig))]
public class MinHashSignatureBenchmarks
{
    private List<string> _texts = null!;
    private MinHashSigner _signer = null!;
    private DocumentSignature _scratch = null!;
    private uint[] _hashes = null!;
    private uint[] _a = null!, _b = null!, _mins = null!;

    [GlobalSetup]
    public void Setup()
    {
        _texts = SampleCorpus.LoadSample();
        var options = new DedupOptions();
        _signer = new MinHashSigner(options);
        _scratch = new DocumentSignature(options.NumPerm);
        long bytes = _texts.Sum(t => (long)Encoding.UTF8.GetByteCount(t));
        Console.WriteLine($"// corpus: {_texts.Count} docs, {bytes / 1e6:F3} MB UTF-8 (divide by the mean time for MB/s)");
        var random = new Random(7);
        _hashes = Enumerable.Range(0, 8192).Select(_ => (uint)random.NextInt64()).ToArray();
        _a = Enumerable.Range(0, 128).Select(_ => (uint)random.NextInt64() | 1u).ToArray();
        _b = Enumerable.Range(0, 128).Select(_ => (uint)random.NextInt64()).ToArray();
        _mins = new uint[128];
    }

    /// <summary>Whole signing path (normalize, hash 5-grams, SIMD kernel, exact hash) over the corpus.</summary>
    [Benchmark(Baseline = true)]
    public int SignCorpus()
    {
        int sum = 0;
        for (int i = 0; i < _texts.Count; i++)
        {
            _signer.Sign(i, _texts[i], default, null, _scratch);
            sum += (int)_scratch.MinHashes[0];
        }
        return sum;
    }

    /// <summary>Normalization only (NFKC, whitespace, punctuation fold), for the breakdown.</summary>
    [Benchmark]
    public int NormalizeCorpus()
    {
        int sum = 0;
        foreach (string text in _texts)
            sum += _signer.Normalizer.Normalize(text).Length;
        return sum;
    }

    /// <summary>XxHash3 of every UTF-16 5-gram window only, for the breakdown.</summary>
    [Benchmark]
    public ulong HashShinglesCorpus()
    {
        ulong sum = 0;
        foreach (string text in _texts)
        {
            var bytes = System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan());
            for (int i = 0; i + 10 <= bytes.Length; i += 2)
                sum += System.IO.Hashing.XxHash3.HashToUInt64(bytes.Slice(i, 10), 12345);
        }
        return sum;
    }

    /// <summary>Permutation kernel only, SIMD ladder: 8,192 shingle hashes × 128 permutations.</summary>
    [Benchmark]
    public uint KernelSimd()
    {
        Array.Fill(_mins, uint.MaxValue);
        MinHashPermutationKernel.UpdateMins(_hashes, _a, _b, _mins);
        return _mins[0];
    }

    /// <summary>Permutation kernel only, scalar reference: 8,192 shingle hashes × 128 permutations.</summary>
    [Benchmark]
    public uint KernelScalar()
    {
        Array.Fill(_mins, uint.MaxValue);
        MinHashPermutationReference.UpdateMins(_hashes, _a, _b, _mins);
        return _mins[0];
    }
}

/// <summary>The same short run with hardware intrinsics on and off.</summary>
public sealed class SimdVsScalarConfig : ManualConfig
{
    public SimdVsScalarConfig()
    {
        AddJob(Job.ShortRun.WithId("simd"));
        AddJob(Job.ShortRun.WithEnvironmentVariables(new EnvironmentVariable("DOTNET_EnableHWIntrinsic", "0")).WithId("scalar"));
    }
}
