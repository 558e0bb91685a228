using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Features;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace CorpusQA.Classify.Scoring;

/// <summary>One document's prediction.</summary>
/// <param name="Score">Binary: P(positive label); regression: the predicted score; multiclass: the top class's probability.</param>
/// <param name="Label">The predicted label (binary: by the bundle's threshold; regression: "good"/"bad" by its minimum score, else null).</param>
public readonly record struct Prediction(double Score, string? Label)
{
    /// <summary>
    /// The prediction a model's raw output means: binary, P(positive) and the label at <paramref name="threshold"/>
    /// (0.5 without one); regression, the score and "good"/"bad" at the threshold (no label without one);
    /// multiclass, the top class (the first of equals) and its probability.
    /// </summary>
    public static Prediction FromRaw(ModelTask task, IReadOnlyList<string> labels, double? threshold, ReadOnlySpan<float> raw)
    {
        switch (task)
        {
            case ModelTask.Binary:
                return new Prediction(raw[0], raw[0] >= (threshold ?? 0.5) ? labels[1] : labels[0]);
            case ModelTask.Regression:
                return new Prediction(raw[0], threshold is { } cut ? (raw[0] >= cut ? "good" : "bad") : null);
            default:
                int top = 0;
                for (int c = 1; c < raw.Length; c++)
                    if (raw[c] > raw[top]) top = c;
                return new Prediction(raw[top], labels[top]);
        }
    }
}

/// <summary>
/// Scores documents with one bundle on one thread: its own feature buffer and ML.NET prediction engine (engines
/// are not thread-safe; the model itself is shared). Holds nothing of a document after the call.
/// </summary>
public sealed class ModelScorer : IDisposable
{
    private readonly ModelBundle _bundle;
    private readonly FeatureBuffer _buffer;
    private readonly ScoringRow _row = new();
    private readonly PredictionEngineBase<ScoringRow, BinaryOutput>? _binary;
    private readonly PredictionEngineBase<ScoringRow, ScoreOutput>? _regression;
    private readonly PredictionEngineBase<ScoringRow, MulticlassOutput>? _multiclass;
    private BinaryOutput _binaryOut = new();
    private ScoreOutput _scoreOut = new();
    private MulticlassOutput _multiclassOut = new();

    private readonly LinearModel? _linear;
    private readonly float[] _output = new float[SparseRowsOutputs];
    private const int SparseRowsOutputs = 8;

    /// <param name="bundle">The model.</param>
    /// <param name="useMlNet">Score through ML.NET's prediction engine even when the model has a linear form (tests compare the two).</param>
    public ModelScorer(ModelBundle bundle, bool useMlNet = false)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        _bundle = bundle;
        _buffer = bundle.Featurizer.CreateBuffer();
        _linear = useMlNet ? null : bundle.Linear;
        if (_linear is not null) return;
        var schema = MlData.ScoringSchema(bundle.Featurizer.Dimension);
        var ml = bundle.Ml;
        switch (bundle.Task)
        {
            case ModelTask.Binary:
                _binary = ml.Model.CreatePredictionEngine<ScoringRow, BinaryOutput>(bundle.Model, ignoreMissingColumns: true, inputSchemaDefinition: schema);
                break;
            case ModelTask.Regression:
                _regression = ml.Model.CreatePredictionEngine<ScoringRow, ScoreOutput>(bundle.Model, ignoreMissingColumns: true, inputSchemaDefinition: schema);
                break;
            default:
                _multiclass = ml.Model.CreatePredictionEngine<ScoringRow, MulticlassOutput>(bundle.Model, ignoreMissingColumns: true, inputSchemaDefinition: schema);
                break;
        }
    }

    public ModelBundle Bundle => _bundle;

    /// <summary>Featurizes and scores one analysed document.</summary>
    public Prediction Score(DocView view, ReadOnlySpan<double> signalValues, SharedFeatures? shared = null)
    {
        _bundle.Featurizer.Featurize(view, signalValues, _buffer, shared);
        return ScoreFeatures(_buffer);
    }

    /// <summary>Scores an already featurized document (the buffer must come from this bundle's featurizer).</summary>
    public Prediction ScoreFeatures(FeatureBuffer buffer) => ScoreFeatures(buffer.Indices, buffer.Values, buffer.Count);

    /// <summary>Scores a sparse feature vector of this bundle's featurizer (indices ascending).</summary>
    public Prediction ScoreFeatures(int[] indices, float[] values, int count) =>
        Prediction.FromRaw(_bundle.Task, _bundle.Manifest.Labels, _bundle.Manifest.Threshold, Outputs(indices, values, count));

    /// <summary>The model's raw output for a feature vector: [P(positive)], [score], or every class's probability.</summary>
    public float[] Raw(int[] indices, float[] values, int count) => Outputs(indices, values, count).ToArray();

    /// <summary>The raw output, from the linear form where the model has one, else from ML.NET's engine.</summary>
    private ReadOnlySpan<float> Outputs(int[] indices, float[] values, int count)
    {
        if (_linear is not null)
        {
            _linear.Predict(indices.AsSpan(0, count), values.AsSpan(0, count), _output);
            return _output.AsSpan(0, _linear.Outputs);
        }
        _row.Features = new VBuffer<float>(_bundle.Featurizer.Dimension, count, values, indices);
        if (_binary is not null)
        {
            _binary.Predict(_row, ref _binaryOut);
            _output[0] = _binaryOut.Probability;
            return _output.AsSpan(0, 1);
        }
        if (_regression is not null)
        {
            _regression.Predict(_row, ref _scoreOut);
            _output[0] = _scoreOut.Score;
            return _output.AsSpan(0, 1);
        }
        _multiclass!.Predict(_row, ref _multiclassOut);
        return _multiclassOut.Score;
    }

    public void Dispose()
    {
        _binary?.Dispose();
        _regression?.Dispose();
        _multiclass?.Dispose();
    }

    internal sealed class BinaryOutput
    {
        public float Probability;
        public float Score;
    }

    internal sealed class ScoreOutput
    {
        public float Score;
    }

    internal sealed class MulticlassOutput
    {
        public float[] Score = [];
    }
}
