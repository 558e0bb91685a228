using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;
using CorpusQA.Segmentation;

namespace CorpusQA.Classify.Tests;

/// <summary>Small labelled sets built from real sentences, featurized as <c>corpusqa train</c> does.</summary>
internal static class TestCorpus
{
    public static readonly JiebaSegmenter Segmenter = JiebaSegmenter.CreateDefault();

    public static readonly string[] Sentences =
    [
        "软件包管理系统负责安装、升级和删除软件。", "用户可以通过命令行工具查询已经安装的软件包。", "系统启动时会读取配置文件并加载必要的服务。",
        "网络设置保存在配置目录中，修改后需要重新启动服务。", "文档介绍了如何编写控制文件以及如何构建源代码包。", "这个命令会显示当前目录下所有文件的大小。",
        "如果出现错误，请检查日志文件中的详细信息。", "开发者应当在提交补丁之前运行全部测试。", "桌面环境提供了窗口管理、文件浏览和应用启动等功能。",
        "镜像站点同步官方仓库，为用户提供更快的下载速度。", "安装程序会询问键盘布局、时区和磁盘分区方案。", "维护者负责跟踪上游版本并修复已知的问题。",
    ];

    /// <summary>Clean paragraphs (label 1) and the same words shuffled into character soup with English noise (label 0).</summary>
    public static List<(string Text, float Label, string Group)> Binary(int count, int seed)
    {
        var random = new Random(seed);
        var rows = new List<(string, float, string)>();
        for (int i = 0; i < count; i++)
        {
            var picked = Enumerable.Range(0, 4).Select(_ => Sentences[random.Next(Sentences.Length)]).ToArray();
            string clean = string.Concat(picked);
            rows.Add((clean, 1, $"g{i}"));
            var soup = clean.Where(c => c is not ('。' or '，' or '、')).OrderBy(_ => random.Next()).ToArray();
            rows.Add(("click here buy now " + new string(soup) + " free download", 0, $"g{i}"));
        }
        return rows;
    }

    public static FeaturizerSettings Settings(IReadOnlyList<SignalScaling> signals, int bits = 12) => new()
    {
        DictionaryHash = JiebaSegmenter.DefaultDictionaryHash,
        WordBits = bits,
        CharBits = bits,
        Signals = signals,
    };

    /// <summary>Featurizes the rows with signal scaling fitted on them, as the train command does.</summary>
    public static (Featurizer Featurizer, List<FeatureExample> Examples) Featurize(IReadOnlyList<(string Text, float Label, string Group)> rows,
        string[]? signalNames = null, int bits = 12)
    {
        var registry = SignalRegistry.Default;
        var analyzer = new DocumentAnalyzer(Segmenter);
        var values = rows.Select(r =>
        {
            var v = new double[registry.Count];
            registry.ComputeAll(analyzer.Analyze(r.Text), v);
            return v;
        }).ToList();
        var names = signalNames ?? registry.Signals.Select(s => s.Name).ToArray();
        var featurizer = new Featurizer(Settings(SignalScaler.Fit(names, registry, values), bits), registry);
        var buffer = featurizer.CreateBuffer();
        var examples = new List<FeatureExample>();
        for (int i = 0; i < rows.Count; i++)
        {
            featurizer.Featurize(analyzer.Analyze(rows[i].Text), values[i], buffer);
            examples.Add(FeatureExample.From(buffer, rows[i].Label, rows[i].Group));
        }
        return (featurizer, examples);
    }
}
