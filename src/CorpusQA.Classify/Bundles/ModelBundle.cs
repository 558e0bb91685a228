using System.IO.Compression;
using System.Text.Json;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;
using Microsoft.ML;

namespace CorpusQA.Classify.Bundles;

/// <summary>
/// A model bundle: one .zip holding <c>bundle.json</c> (<see cref="BundleManifest"/>), <c>model.mlnet</c> (the
/// ML.NET model) and, for SDCA models, <c>linear.bin</c> (their weights in the sparse-scoring layout). Written byte
/// for byte the same for the same model (fixed entry times), loaded with checks that the features it expects are
/// the ones this build makes. A bundle with <c>linear.bin</c> scores without deserializing the ML.NET model (a few
/// tenths of a second of start-up per model); its <c>model.mlnet</c> is checked against the manifest's SHA-256 on load
/// and deserialized only when something asks for ML.NET (<c>eval</c>'s comparison, LightGBM).
/// </summary>
public sealed class ModelBundle
{
    private const string ManifestEntry = "bundle.json";
    private const string ModelEntry = "model.mlnet";
    private const string LinearEntry = "linear.bin";
    private static readonly DateTimeOffset EntryTime = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);

    internal static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly Lazy<(MLContext Ml, ITransformer Model)> _ml;

    private ModelBundle(string origin, BundleManifest manifest, Lazy<(MLContext, ITransformer)> ml, Scoring.LinearModel? linear)
    {
        Origin = origin;
        Manifest = manifest;
        _ml = ml;
        Featurizer = new Featurizer(manifest.Featurizer, SignalRegistry.Default);
        if (linear is not null)
        {
            _linear = linear;
            _linearResolved = true;
        }
    }

    /// <summary>Where the bundle was loaded from (a path, or "bundled:NAME").</summary>
    public string Origin { get; }

    public BundleManifest Manifest { get; }

    public Featurizer Featurizer { get; }

    public ModelTask Task => Manifest.TaskKind;

    internal MLContext Ml => _ml.Value.Ml;

    internal ITransformer Model => _ml.Value.Model;

    /// <summary>Whether the ML.NET model has been deserialized (linear bundles: only once something asks for it).</summary>
    internal bool IsMlLoaded => _ml.IsValueCreated;

    private Scoring.LinearModel? _linear;
    private bool _linearResolved;

    /// <summary>The model's weights in the sparse-scoring layout (SDCA models), or null (score through ML.NET).</summary>
    internal Scoring.LinearModel? Linear
    {
        get
        {
            if (!Volatile.Read(ref _linearResolved))
            {
                lock (this)
                {
                    if (!_linearResolved)
                    {
                        _linear = Scoring.LinearModel.TryCreate(Model, Task, Featurizer.Dimension);
                        Volatile.Write(ref _linearResolved, true);
                    }
                }
            }
            return _linear;
        }
    }

    /// <summary>Writes the bundle to <paramref name="stream"/>.</summary>
    public static void Save(Stream stream, TrainingResult result, BundleManifest manifest)
    {
        using var model = new MemoryStream();
        result.Ml.Model.Save(result.Model, result.InputSchema, model);
        byte[] mlnet = Normalize(model.ToArray());
        byte[]? linear = Scoring.LinearModel.TryCreate(result.Model, manifest.TaskKind, manifest.Featurizer.Dimension)?.ToBytes();
        manifest = manifest with { Files = new BundleFiles(Sha256(mlnet), linear is null ? null : Sha256(linear)) };
        using var zip = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true);
        WriteEntry(zip, ManifestEntry, JsonSerializer.SerializeToUtf8Bytes(manifest, Json));
        WriteEntry(zip, ModelEntry, mlnet);
        if (linear is not null) WriteEntry(zip, LinearEntry, linear);
    }

    private static string Sha256(byte[] bytes) => Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(bytes));

    /// <summary>Loads a bundle file; any problem is a <see cref="ModelBundleException"/> with a one-line message.</summary>
    public static ModelBundle Load(string path)
    {
        try
        {
            using var file = File.OpenRead(path);
            return Load(file, path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ModelBundleException($"{path}: cannot read model: {ex.Message}", ex);
        }
    }

    public static ModelBundle Load(Stream stream, string origin)
    {
        byte[] manifestBytes, modelBytes;
        byte[]? linearBytes;
        try
        {
            using var zip = new ZipArchive(stream, ZipArchiveMode.Read, leaveOpen: true);
            manifestBytes = ReadEntry(zip, ManifestEntry, origin);
            modelBytes = ReadEntry(zip, ModelEntry, origin);
            linearBytes = zip.GetEntry(LinearEntry) is null ? null : ReadEntry(zip, LinearEntry, origin);
        }
        catch (InvalidDataException ex)
        {
            throw new ModelBundleException($"{origin}: not a CorpusQA model bundle (not a valid zip file: {ex.Message})", ex);
        }

        BundleManifest manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<BundleManifest>(manifestBytes, Json)
                ?? throw new JsonException("empty manifest");
        }
        catch (JsonException ex)
        {
            throw new ModelBundleException($"{origin}: {ManifestEntry} is not valid: {ex.Message.Split('\n')[0]}", ex);
        }
        Check(manifest, origin);

        var ml = new Lazy<(MLContext, ITransformer)>(() => LoadMl(manifest, modelBytes, origin));
        if (linearBytes is null)
        {
            _ = ml.Value; // no linear form stored: ML.NET scores, so load (and check) it now
            return new ModelBundle(origin, manifest, ml, null);
        }

        // The stored weights score; the ML.NET model is only checked by hash here and deserialized on first use.
        if (manifest.Files is not { LinearSha256: { } linearHash } files || Sha256(linearBytes) != linearHash)
            throw new ModelBundleException($"{origin}: {LinearEntry} does not match the SHA-256 in {ManifestEntry}; the bundle is corrupt");
        if (Sha256(modelBytes) != files.ModelSha256)
            throw new ModelBundleException($"{origin}: the ML.NET model in the bundle is corrupt ({ModelEntry} does not match the SHA-256 in {ManifestEntry})");
        var linear = Scoring.LinearModel.FromBytes(linearBytes, manifest.TaskKind, manifest.Featurizer.Dimension)
            ?? throw new ModelBundleException($"{origin}: {LinearEntry} is not valid for a {manifest.Task} model of this featurizer");
        return new ModelBundle(origin, manifest, ml, linear);
    }

    private static (MLContext, ITransformer) LoadMl(BundleManifest manifest, byte[] modelBytes, string origin)
    {
        var ml = new MLContext(seed: manifest.Training.Seed);
        try
        {
            using var modelStream = new MemoryStream(modelBytes);
            return (ml, ml.Model.Load(modelStream, out _));
        }
        catch (Exception ex) when (ex is not OutOfMemoryException)
        {
            throw new ModelBundleException($"{origin}: the ML.NET model in the bundle cannot be loaded: {ex.Message.Split('\n')[0]}", ex);
        }
    }

    private static void Check(BundleManifest manifest, string origin)
    {
        if (manifest.Format != BundleManifest.CurrentFormat)
            throw new ModelBundleException($"{origin}: bundle format '{manifest.Format}' is not '{BundleManifest.CurrentFormat}'; retrain the model with this version");
        if (!Enum.TryParse<ModelTask>(manifest.Task, ignoreCase: true, out _))
            throw new ModelBundleException($"{origin}: unknown task '{manifest.Task}'");
        var f = manifest.Featurizer ?? throw new ModelBundleException($"{origin}: the bundle has no featurizer settings");
        if (f.Version != FeaturizerSettings.CurrentVersion)
            throw new ModelBundleException($"{origin}: made with featurizer '{f.Version}', this CorpusQA has '{FeaturizerSettings.CurrentVersion}'; retrain the model");
        if (f.HasWords && f.DictionaryHash != JiebaSegmenter.DefaultDictionaryHash)
            throw new ModelBundleException($"{origin}: made with another segmenter dictionary (sha256 {Short(f.DictionaryHash)}, this CorpusQA has {Short(JiebaSegmenter.DefaultDictionaryHash)}); retrain the model");
        if (f.WordBits is < 1 or > 24 || f.CharBits is < 1 or > 24)
            throw new ModelBundleException($"{origin}: hash bits out of range (1..24)");
        if (manifest.TaskKind != ModelTask.Regression && manifest.Labels.Count < 2)
            throw new ModelBundleException($"{origin}: a {manifest.Task} model needs two or more labels");
    }

    private static string Short(string hash) => hash.Length > 12 ? hash[..12] : hash;

    private static void WriteEntry(ZipArchive zip, string name, byte[] bytes)
    {
        var entry = zip.CreateEntry(name, CompressionLevel.Optimal);
        entry.LastWriteTime = EntryTime;
        using var s = entry.Open();
        s.Write(bytes);
    }

    private static byte[] ReadEntry(ZipArchive zip, string name, string origin)
    {
        var entry = zip.GetEntry(name) ?? throw new ModelBundleException($"{origin}: not a CorpusQA model bundle (no {name} inside)");
        using var s = entry.Open();
        using var buffer = new MemoryStream();
        s.CopyTo(buffer);
        return buffer.ToArray();
    }

    /// <summary>ML.NET's model file is itself a zip whose entries carry the save time: rewritten with fixed times.</summary>
    private static byte[] Normalize(byte[] mlnet)
    {
        using var input = new ZipArchive(new MemoryStream(mlnet), ZipArchiveMode.Read);
        using var output = new MemoryStream();
        using (var zip = new ZipArchive(output, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var entry in input.Entries)
            {
                using var s = entry.Open();
                using var buffer = new MemoryStream();
                s.CopyTo(buffer);
                WriteEntry(zip, entry.FullName, buffer.ToArray());
            }
        }
        return output.ToArray();
    }
}

/// <summary>A model file that cannot be used; the message is one line naming the file.</summary>
public sealed class ModelBundleException(string message, Exception? inner = null) : Exception(message, inner);
