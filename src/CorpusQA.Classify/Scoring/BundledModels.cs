using CorpusQA.Classify.Bundles;

namespace CorpusQA.Classify.Scoring;

/// <summary>
/// The models shipped inside CorpusQA (src/CorpusQA.Classify/Models/, rebuilt by tools/classify/train_bundled.sh;
/// docs/classify.md describes their data and metrics): the quality model and the script / language model.
/// </summary>
public static class BundledModels
{
    public const string QualityName = "quality";
    public const string ScriptName = "script";

    private static readonly Lazy<ModelBundle> s_quality = new(() => Load(QualityName));
    private static readonly Lazy<ModelBundle> s_script = new(() => Load(ScriptName));

    /// <summary>Good/bad quality model: P(good) over jieba words, character n-grams and the signals.</summary>
    public static ModelBundle Quality => s_quality.Value;

    /// <summary>Script / language model: zh-Hans, zh-Hant, ja, en, mixed, other.</summary>
    public static ModelBundle Script => s_script.Value;

    private static ModelBundle Load(string name)
    {
        string resource = $"CorpusQA.Classify.Models.{name}.zip";
        using var stream = typeof(BundledModels).Assembly.GetManifestResourceStream(resource)
            ?? throw new ModelBundleException($"this build of CorpusQA has no bundled {name} model (run tools/classify/train_bundled.sh, or pass --model FILE / --no-model)");
        return ModelBundle.Load(stream, $"bundled:{name}");
    }
}
