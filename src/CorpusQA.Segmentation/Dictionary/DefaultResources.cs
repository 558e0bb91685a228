using System.IO.Compression;
using CorpusQA.Segmentation.Hmm;

namespace CorpusQA.Segmentation.Dictionary;

/// <summary>
/// The embedded jieba 0.42.1 dictionary and HMM tables, inflated and parsed once per process on
/// first use. Both are immutable, so every segmenter instance shares them.
/// </summary>
internal static class DefaultResources
{
    internal const string DictionaryResource = "CorpusQA.Segmentation.jieba.dict.bin.z";
    internal const string HmmResource = "CorpusQA.Segmentation.jieba.hmm.bin.z";
    internal const string LicenseResource = "CorpusQA.Segmentation.LICENSE-jieba.txt";

    private static readonly Lazy<BaseTrie> s_trie = new(() => BaseTrie.Parse(Inflate(DictionaryResource)));
    private static readonly Lazy<HmmModel> s_hmm = new(() => HmmModel.Parse(Inflate(HmmResource)));

    private static readonly Lazy<string> s_hash = new(() =>
    {
        using var sha = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (string name in new[] { DictionaryResource, HmmResource })
        {
            using Stream stream = typeof(DefaultResources).Assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"embedded resource {name} is missing");
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            sha.AppendData(buffer.ToArray());
        }
        return Convert.ToHexStringLower(sha.GetHashAndReset());
    });

    internal static string Hash => s_hash.Value;

    internal static BaseTrie Trie => s_trie.Value;

    internal static HmmModel Hmm => s_hmm.Value;

    private static byte[] Inflate(string name)
    {
        using Stream stream = typeof(DefaultResources).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"embedded resource {name} is missing");
        using var zlib = new ZLibStream(stream, CompressionMode.Decompress);
        using var buffer = new MemoryStream(capacity: (int)stream.Length * 3);
        zlib.CopyTo(buffer);
        return buffer.ToArray();
    }
}
