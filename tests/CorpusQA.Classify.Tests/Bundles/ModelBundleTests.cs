using System.IO.Compression;
using System.Text;
using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Tests.Training;

namespace CorpusQA.Classify.Tests.Bundles;

public class ModelBundleTests
{
    private static readonly Lazy<byte[]> Bundle = new(() => TrainerTests.TrainBundle(TestCorpus.Binary(20, seed: 5), seed: 1));

    private static ModelBundleException Fails(byte[] bytes)
    {
        var ex = Assert.Throws<ModelBundleException>(() => ModelBundle.Load(new MemoryStream(bytes), "model.zip"));
        Assert.StartsWith("model.zip: ", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
        return ex;
    }

    private static byte[] WithManifest(Func<string, string> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(Bundle.Value), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var reader = new StreamReader(entry.Open());
                string content = entry.Name == "bundle.json" ? edit(reader.ReadToEnd()) : null!;
                var copy = target.CreateEntry(entry.FullName);
                using var s = copy.Open();
                if (content is not null) s.Write(Encoding.UTF8.GetBytes(content));
                else
                {
                    using var original = source.GetEntry(entry.FullName)!.Open();
                    original.CopyTo(s);
                }
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void RoundTripsItsManifest()
    {
        var bundle = ModelBundle.Load(new MemoryStream(Bundle.Value), "model.zip");
        Assert.Equal(CorpusQA.Classify.Training.ModelTask.Binary, bundle.Task);
        Assert.Equal(["bad", "good"], bundle.Manifest.Labels);
        Assert.NotNull(bundle.Manifest.CrossValidation);
    }

    [Fact]
    public void NotAZipIsRefused() => Assert.Contains("not a CorpusQA model bundle", Fails(Encoding.UTF8.GetBytes("hello, not a model")).Message);

    [Fact]
    public void TruncatedBundleIsRefused() => Fails(Bundle.Value[..(Bundle.Value.Length / 2)]);

    [Fact]
    public void AnotherFeaturizerVersionIsRefused() =>
        Assert.Contains("featurizer", Fails(WithManifest(j => j.Replace("corpusqa-features-1", "corpusqa-features-0"))).Message);

    [Fact]
    public void AnotherDictionaryIsRefused() =>
        Assert.Contains("segmenter dictionary", Fails(WithManifest(j => j.Replace(CorpusQA.Segmentation.JiebaSegmenter.DefaultDictionaryHash, new string('0', 64)))).Message);

    [Fact]
    public void BrokenManifestJsonIsRefused() => Assert.Contains("bundle.json", Fails(WithManifest(j => j[..20])).Message);

    private static byte[] WithEntry(string name, Func<byte[], byte[]> edit)
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(Bundle.Value), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                using var original = new MemoryStream();
                entry.Open().CopyTo(original);
                using var s = target.CreateEntry(entry.FullName).Open();
                s.Write(entry.Name == name ? edit(original.ToArray()) : original.ToArray());
            }
        }
        return output.ToArray();
    }

    [Fact]
    public void LinearBundleScoresWithoutDeserializingTheMlNetModel()
    {
        var bundle = ModelBundle.Load(new MemoryStream(Bundle.Value), "model.zip");
        Assert.NotNull(bundle.Manifest.Files?.LinearSha256);
        Assert.NotNull(bundle.Linear);
        Assert.False(bundle.IsMlLoaded);
        _ = bundle.Model; // on demand, it is still there
        Assert.True(bundle.IsMlLoaded);
    }

    [Fact]
    public void CorruptedLinearEntryIsRefused()
    {
        Assert.Contains("linear.bin", Fails(WithEntry("linear.bin", b => { b[^3] ^= 1; return b; })).Message);
        Assert.Contains("linear.bin", Fails(WithEntry("linear.bin", b => b[..^4])).Message);
    }

    [Fact]
    public void FlippedModelByteIsRefusedOnLoad() =>
        Assert.Contains("ML.NET model", Fails(WithEntry("model.mlnet", b => { b[b.Length / 2] ^= 1; return b; })).Message);

    [Fact]
    public void CorruptedModelEntryIsRefused()
    {
        using var output = new MemoryStream();
        using (var source = new ZipArchive(new MemoryStream(Bundle.Value), ZipArchiveMode.Read))
        using (var target = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in source.Entries)
            {
                var copy = target.CreateEntry(entry.FullName);
                using var s = copy.Open();
                if (entry.Name == "model.mlnet") s.Write(Encoding.UTF8.GetBytes("garbage"));
                else entry.Open().CopyTo(s);
            }
        }
        Assert.Contains("ML.NET model", Fails(output.ToArray()).Message);
    }
}
