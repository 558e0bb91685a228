using Microsoft.ML;
using Microsoft.ML.Data;

namespace CorpusQA.Classify.Training;

/// <summary>The row type ML.NET sees: a sparse feature vector and the label in the column the task uses.</summary>
internal sealed class TrainingRow
{
    public VBuffer<float> Features;

    public bool BoolLabel;

    public float FloatLabel;

    /// <summary>1-based class key (0 is ML.NET's "missing").</summary>
    public uint KeyLabel;
}

/// <summary>The scoring input: the feature vector only.</summary>
internal sealed class ScoringRow
{
    public VBuffer<float> Features;
}

internal static class MlData
{
    public const string Features = nameof(TrainingRow.Features);

    public static string LabelColumn(ModelTask task) => task switch
    {
        ModelTask.Binary => nameof(TrainingRow.BoolLabel),
        ModelTask.Regression => nameof(TrainingRow.FloatLabel),
        _ => nameof(TrainingRow.KeyLabel),
    };

    public static SchemaDefinition TrainingSchema(int dimension, int classes)
    {
        var schema = SchemaDefinition.Create(typeof(TrainingRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        schema[nameof(TrainingRow.KeyLabel)].ColumnType = new KeyDataViewType(typeof(uint), Math.Max(1, classes));
        return schema;
    }

    public static SchemaDefinition ScoringSchema(int dimension)
    {
        var schema = SchemaDefinition.Create(typeof(ScoringRow));
        schema[Features].ColumnType = new VectorDataViewType(NumberDataViewType.Single, dimension);
        return schema;
    }

    /// <summary>The examples as a cached data view (the trainers make several passes).</summary>
    public static IDataView Load(MLContext ml, IEnumerable<FeatureExample> examples, int dimension, int classes)
    {
        var rows = examples.Select(e => new TrainingRow
        {
            Features = new VBuffer<float>(dimension, e.Indices.Length, e.Values, e.Indices),
            BoolLabel = e.Target > 0.5f,
            FloatLabel = e.Target,
            KeyLabel = (uint)e.Target,
        });
        return ml.Data.Cache(ml.Data.LoadFromEnumerable(rows, TrainingSchema(dimension, classes)));
    }
}
