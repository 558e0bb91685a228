using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Scoring;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;
using CorpusQA.Core.Signals;

namespace CorpusQA.Classify.Tests.Training;

public class TrainerTests
{
    private static TrainOptions Binary(int folds = 3) => new() { Task = ModelTask.Binary, Folds = folds, Labels = ["bad", "good"] };

    [Fact]
    public void SeparableBinarySetIsLearnedWithCrossValidatedMetrics()
    {
        var (_, examples) = TestCorpus.Featurize(TestCorpus.Binary(60, seed: 1));
        var result = ClassifierTrainer.Train(examples, examples.Max(e => e.Indices[^1]) + 1 + 4096 * 3, Binary());
        var cv = result.CrossValidation!.Binary!;
        Assert.Equal(3, result.Folds);
        Assert.True(cv.Auc >= 0.99, $"AUC {cv.Auc}");
        Assert.True(cv.Accuracy >= 0.95, $"accuracy {cv.Accuracy}");
        Assert.InRange(result.Threshold!.Value, 0.0, 1.0);
    }

    [Fact]
    public void SameDataAndSeedGiveTheSameMetricsScoresAndBundleBytes()
    {
        var rows = TestCorpus.Binary(40, seed: 2);
        byte[] First() => TrainBundle(rows, seed: 7);
        var a = First();
        var b = First();
        Assert.Equal(a, b);
        var bundle = ModelBundle.Load(new MemoryStream(a), "test");
        var again = ModelBundle.Load(new MemoryStream(b), "test");
        Assert.Equal(Scores(bundle, rows), Scores(again, rows));
    }

    [Fact]
    public void MulticlassLabelsComeBackAsTheirOwnClasses()
    {
        string[] hans = ["这是简体中文的句子，讲述软件安装。", "请检查网络设置并重新启动。", "用户手册介绍了基本操作。"];
        string[] hant = ["這是繁體中文的句子，講述軟體安裝。", "請檢查網路設定並重新啟動。", "使用者手冊介紹了基本操作。"];
        string[] en = ["This is an English sentence about installing software.", "Please check the network settings and restart.", "The manual explains the basics."];
        var rows = new List<(string, float, string)>();
        for (int i = 0; i < 30; i++)
        {
            rows.Add((hans[i % 3] + hans[(i + 1) % 3], 0, $"h{i}"));
            rows.Add((hant[i % 3] + hant[(i + 1) % 3], 1, $"t{i}"));
            rows.Add((en[i % 3] + " " + en[(i + 1) % 3], 2, $"e{i}"));
        }
        var (featurizer, examples) = TestCorpus.Featurize(rows);
        var result = ClassifierTrainer.Train(examples, featurizer.Dimension,
            new TrainOptions { Task = ModelTask.Multiclass, Folds = 3, Labels = ["zh-Hans", "zh-Hant", "en"] });
        var m = result.CrossValidation!.Multiclass!;
        Assert.Equal(1.0, m.Accuracy);
        Assert.All(m.PerClass, c => Assert.Equal(1.0, c.Recall));
        Assert.Equal(30, m.Confusion[1][1]);
    }

    [Fact]
    public void LinearScoringEqualsMlNetForBinaryMulticlassAndRegression()
    {
        var rows = TestCorpus.Binary(30, seed: 9);
        var bundle = ModelBundle.Load(new MemoryStream(TrainBundle(rows, seed: 1)), "test");
        Assert.NotNull(bundle.Linear);
        Assert.Equal(Scores(bundle, rows, useMlNet: true), Scores(bundle, rows, useMlNet: false), new Tolerance(1e-5));

        var threeClass = rows.Select((r, i) => (r.Text, (float)(i % 3 == 0 ? 2 : r.Label), r.Group)).ToList();
        var (featurizer, examples) = TestCorpus.Featurize(threeClass);
        var result = ClassifierTrainer.Train(examples, featurizer.Dimension, new TrainOptions { Task = ModelTask.Multiclass, Folds = 0, Labels = ["a", "b", "c"] });
        var multiclass = ModelBundle.Load(new MemoryStream(Save(result, featurizer, "multiclass", ["a", "b", "c"])), "test");
        Assert.NotNull(multiclass.Linear);
        using var viaMlNet = new ModelScorer(multiclass, useMlNet: true);
        using var viaLinear = new ModelScorer(multiclass);
        foreach (var e in examples)
            Assert.Equal(viaMlNet.Raw(e.Indices, e.Values, e.Indices.Length), viaLinear.Raw(e.Indices, e.Values, e.Indices.Length), new Tolerance(1e-5));

        var scored = rows.Select(r => (r.Text, r.Label * 4 + 1, r.Group)).ToList();
        var (regFeaturizer, regExamples) = TestCorpus.Featurize(scored);
        var regression = ClassifierTrainer.Train(regExamples, regFeaturizer.Dimension, new TrainOptions { Task = ModelTask.Regression, Folds = 0 });
        var regressionBundle = ModelBundle.Load(new MemoryStream(Save(regression, regFeaturizer, "regression", [])), "test");
        Assert.NotNull(regressionBundle.Linear);
        using var regMlNet = new ModelScorer(regressionBundle, useMlNet: true);
        using var regLinear = new ModelScorer(regressionBundle);
        foreach (var e in regExamples)
            Assert.Equal(regMlNet.Raw(e.Indices, e.Values, e.Indices.Length), regLinear.Raw(e.Indices, e.Values, e.Indices.Length), new Tolerance(1e-4));
    }

    private sealed class Tolerance(double epsilon) : IEqualityComparer<double>, IEqualityComparer<float[]>
    {
        public bool Equals(double a, double b) => Math.Abs(a - b) <= epsilon;
        public int GetHashCode(double obj) => 0;
        public bool Equals(float[]? a, float[]? b) => a!.Length == b!.Length && a.Zip(b).All(p => Math.Abs(p.First - p.Second) <= epsilon);
        public int GetHashCode(float[] obj) => 0;
    }

    [Fact]
    public void RegressionFollowsANumericScore()
    {
        var rows = TestCorpus.Binary(40, seed: 3).Select(r => (r.Text, r.Label * 4 + 1, r.Group)).ToList();
        var (featurizer, examples) = TestCorpus.Featurize(rows);
        var result = ClassifierTrainer.Train(examples, featurizer.Dimension, new TrainOptions { Task = ModelTask.Regression, Folds = 3, MinScore = 3 });
        Assert.True(result.CrossValidation!.Regression!.Pearson > 0.9, $"pearson {result.CrossValidation.Regression.Pearson}");
        Assert.Equal(3, result.Threshold);
    }

    [Fact]
    public void OneClassOnlyIsATrainingDataError()
    {
        var (featurizer, examples) = TestCorpus.Featurize(TestCorpus.Binary(5, seed: 4).Where(r => r.Label == 1).ToList());
        var ex = Assert.Throws<TrainingDataException>(() => ClassifierTrainer.Train(examples, featurizer.Dimension, Binary()));
        Assert.Contains("same label", ex.Message);
        Assert.DoesNotContain('\n', ex.Message);
    }

    [Fact]
    public void FoldsNeverSplitAGroup()
    {
        var examples = Enumerable.Range(0, 50).Select(i => new FeatureExample([0], [1], i % 2, $"g{i / 5}")).ToList();
        var folds = ClassifierTrainer.AssignFolds(examples, 5, seed: 1)!;
        foreach (var group in examples.Select((e, i) => (e.Group, Fold: folds[i])).GroupBy(p => p.Group))
            Assert.Single(group.Select(p => p.Fold).Distinct());
        Assert.Equal(5, folds.Distinct().Count());
    }

    internal static byte[] TrainBundle(List<(string Text, float Label, string Group)> rows, int seed)
    {
        var (featurizer, examples) = TestCorpus.Featurize(rows);
        var result = ClassifierTrainer.Train(examples, featurizer.Dimension, Binary() with { Seed = seed });
        return Save(result, featurizer, "binary", ["bad", "good"], seed);
    }

    internal static byte[] Save(TrainingResult result, CorpusQA.Classify.Features.Featurizer featurizer, string task, string[] labels, int seed = 1)
    {
        var manifest = new BundleManifest
        {
            Task = task,
            Trainer = "sdca",
            Labels = labels,
            Threshold = result.Threshold,
            Featurizer = featurizer.Settings,
            CrossValidation = result.CrossValidation,
            Tool = "test",
            Training = new TrainingProvenance { Files = [], Documents = result.Documents, LabelField = "label", Seed = seed, Folds = result.Folds },
        };
        using var stream = new MemoryStream();
        ModelBundle.Save(stream, result, manifest);
        return stream.ToArray();
    }

    private static double[] Scores(ModelBundle bundle, List<(string Text, float Label, string Group)> rows, bool useMlNet = false)
    {
        using var scorer = new ModelScorer(bundle, useMlNet);
        var analyzer = new DocumentAnalyzer(TestCorpus.Segmenter);
        var values = new double[SignalRegistry.Default.Count];
        return rows.Select(r =>
        {
            var view = analyzer.Analyze(r.Text);
            SignalRegistry.Default.ComputeAll(view, values);
            return scorer.Score(view, values).Score;
        }).ToArray();
    }
}
