using CorpusQA.Classify.Bundles;
using CorpusQA.Classify.Training;
using CorpusQA.Core.Documents;

namespace CorpusQA.Classify.Scoring;

/// <summary>The models an audit or <c>score</c> run applies: a quality model and a script model, either may be absent.</summary>
public sealed class ModelSet
{
    public ModelSet(ModelBundle? quality, ModelBundle? script)
    {
        if (quality is not null && quality.Task == ModelTask.Multiclass)
            throw new ModelBundleException($"{quality.Origin}: a multiclass model gives no quality score; use a binary or regression model");
        if (script is not null && script.Task != ModelTask.Multiclass)
            throw new ModelBundleException($"{script.Origin}: the script model must be multiclass");
        Quality = quality;
        Script = script;
    }

    public ModelBundle? Quality { get; }

    public ModelBundle? Script { get; }

    /// <summary>One thread's scorer.</summary>
    public DocumentScorer CreateScorer() => new(this);
}

/// <summary>One document's learned scores.</summary>
public readonly record struct DocumentScores(Prediction? Quality, Prediction? Script);

/// <summary>Per-thread scoring with every model of a <see cref="ModelSet"/>; nothing of a document is kept after the call.</summary>
public sealed class DocumentScorer : IDisposable
{
    private readonly ModelScorer? _quality;
    private readonly ModelScorer? _script;

    internal DocumentScorer(ModelSet models)
    {
        _quality = models.Quality is null ? null : new ModelScorer(models.Quality);
        _script = models.Script is null ? null : new ModelScorer(models.Script);
    }

    private readonly Features.SharedFeatures _shared = new();

    /// <summary>Both models' scores; what their featurizers share (script shares, equal character n-grams) is computed once.</summary>
    public DocumentScores Score(DocView view, ReadOnlySpan<double> signalValues)
    {
        _shared.NextDocument();
        return new(_quality?.Score(view, signalValues, _shared), _script?.Score(view, signalValues, _shared));
    }

    public void Dispose()
    {
        _quality?.Dispose();
        _script?.Dispose();
    }
}
