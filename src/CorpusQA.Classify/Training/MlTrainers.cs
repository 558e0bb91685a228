using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.LightGbm;

namespace CorpusQA.Classify.Training;

/// <summary>The ML.NET estimator for a task and trainer, single-threaded so that a seed gives the same model every run.</summary>
internal static class MlTrainers
{
    public static IEstimator<ITransformer> Create(MLContext ml, TrainOptions options)
    {
        string label = MlData.LabelColumn(options.Task);
        const string features = MlData.Features;
        return (options.Task, options.Trainer) switch
        {
            (ModelTask.Binary, TrainerKind.Sdca) => ml.BinaryClassification.Trainers.SdcaLogisticRegression(
                new SdcaLogisticRegressionBinaryTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, L2Regularization = options.L2 }),
            (ModelTask.Regression, TrainerKind.Sdca) => ml.Regression.Trainers.Sdca(
                new SdcaRegressionTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, L2Regularization = options.L2 }),
            (ModelTask.Multiclass, TrainerKind.Sdca) => ml.MulticlassClassification.Trainers.SdcaMaximumEntropy(
                new SdcaMaximumEntropyMulticlassTrainer.Options { LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, L2Regularization = options.L2 }),
            (ModelTask.Binary, TrainerKind.LightGbm) => ml.BinaryClassification.Trainers.LightGbm(
                new LightGbmBinaryTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, Seed = options.Seed,
                    NumberOfIterations = options.Iterations, Silent = true,
                }),
            (ModelTask.Regression, TrainerKind.LightGbm) => ml.Regression.Trainers.LightGbm(
                new LightGbmRegressionTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, Seed = options.Seed,
                    NumberOfIterations = options.Iterations, Silent = true,
                }),
            (ModelTask.Multiclass, TrainerKind.LightGbm) => ml.MulticlassClassification.Trainers.LightGbm(
                new LightGbmMulticlassTrainer.Options
                {
                    LabelColumnName = label, FeatureColumnName = features, NumberOfThreads = 1, Seed = options.Seed,
                    NumberOfIterations = options.Iterations, Silent = true,
                }),
            _ => throw new ArgumentOutOfRangeException(nameof(options)),
        };
    }

    /// <summary>Per-row predictions of <paramref name="model"/> on <paramref name="data"/>: P(positive), the score, or class probabilities.</summary>
    public static float[][] Predict(ITransformer model, IDataView data, ModelTask task)
    {
        var scored = model.Transform(data);
        return task switch
        {
            ModelTask.Binary => scored.GetColumn<float>("Probability").Select(p => new[] { p }).ToArray(),
            ModelTask.Regression => scored.GetColumn<float>("Score").Select(p => new[] { p }).ToArray(),
            _ => scored.GetColumn<Microsoft.ML.Data.VBuffer<float>>("Score").Select(v => v.DenseValues().ToArray()).ToArray(),
        };
    }
}
