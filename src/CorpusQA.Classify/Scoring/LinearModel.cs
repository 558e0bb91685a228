using System.Buffers.Binary;
using CorpusQA.Classify.Kernels;
using CorpusQA.Classify.Training;
using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;

namespace CorpusQA.Classify.Scoring;

/// <summary>
/// The weights of an SDCA model taken out of ML.NET and laid out for sparse scoring: one float per feature
/// (binary, regression) or one 8-float row per feature for up to eight classes (multiclass; see
/// <see cref="SparseRowsKernel"/>). ML.NET keeps a multiclass model's weights one vector per class, so every
/// feature costs a scattered load per class; here it costs one. Scores equal ML.NET's to float rounding (tested).
/// LightGBM models have no such form and are scored through ML.NET.
/// </summary>
internal sealed class LinearModel
{
    private readonly ModelTask _task;
    private readonly float[] _weights;
    private readonly float[] _bias;
    private readonly int _classes;
    private readonly float _slope, _offset;

    private LinearModel(ModelTask task, float[] weights, float[] bias, int classes, float slope = 0, float offset = 0)
    {
        _task = task;
        _weights = weights;
        _bias = bias;
        _classes = classes;
        _slope = slope;
        _offset = offset;
    }

    public int Outputs => _task == ModelTask.Multiclass ? _classes : 1;

    /// <summary>The linear form of <paramref name="model"/>, or null when it is not a linear model this knows.</summary>
    public static LinearModel? TryCreate(ITransformer model, ModelTask task, int dimension)
    {
        object? parameters = (model as ISingleFeaturePredictionTransformer<object>)?.Model;
        switch (task, parameters)
        {
            case (ModelTask.Binary, CalibratedModelParametersBase<LinearBinaryModelParameters, PlattCalibrator> calibrated):
                return new LinearModel(task, Dense(calibrated.SubModel.Weights, dimension), [calibrated.SubModel.Bias], 1,
                    (float)calibrated.Calibrator.Slope, (float)calibrated.Calibrator.Offset);
            case (ModelTask.Regression, LinearRegressionModelParameters linear):
                return new LinearModel(task, Dense(linear.Weights, dimension), [linear.Bias], 1);
            case (ModelTask.Multiclass, MaximumEntropyModelParameters maxent):
            {
                VBuffer<float>[] perClass = [];
                maxent.GetWeights(ref perClass, out int classes);
                // More classes than a row holds, or more rows than an array: ML.NET scores it.
                if (classes > SparseRowsReference.Width || (long)dimension * SparseRowsReference.Width > Array.MaxLength) return null;
                var rows = new float[dimension * SparseRowsReference.Width];
                for (int c = 0; c < classes; c++)
                {
                    var w = perClass[c];
                    var values = w.GetValues();
                    if (w.IsDense)
                        for (int f = 0; f < values.Length && f < dimension; f++) rows[f * SparseRowsReference.Width + c] = values[f];
                    else
                    {
                        var indices = w.GetIndices();
                        for (int k = 0; k < indices.Length; k++) rows[indices[k] * SparseRowsReference.Width + c] = values[k];
                    }
                }
                return new LinearModel(task, rows, maxent.GetBiases().ToArray(), classes);
            }
            default:
                return null;
        }
    }

    private const ulong Magic = 0x5241454E494C5143UL; // "CQLINEAR" read as little-endian u64
    private const int HeaderBytes = 40;

    /// <summary>
    /// The weights as the bundle's <c>linear.bin</c>, so that scoring needs no ML.NET deserialization: magic
    /// "CQLINEAR", u32 version 1, u32 task, u32 classes, u32 weights, u32 biases, f32 Platt slope, f32 offset,
    /// u32 reserved, then the f32 weights and biases, little-endian.
    /// </summary>
    public byte[] ToBytes()
    {
        var bytes = new byte[HeaderBytes + 4 * (_weights.Length + _bias.Length)];
        var span = bytes.AsSpan();
        BinaryPrimitives.WriteUInt64LittleEndian(span, Magic);
        BinaryPrimitives.WriteUInt32LittleEndian(span[8..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(span[12..], (int)_task);
        BinaryPrimitives.WriteInt32LittleEndian(span[16..], _classes);
        BinaryPrimitives.WriteInt32LittleEndian(span[20..], _weights.Length);
        BinaryPrimitives.WriteInt32LittleEndian(span[24..], _bias.Length);
        BinaryPrimitives.WriteSingleLittleEndian(span[28..], _slope);
        BinaryPrimitives.WriteSingleLittleEndian(span[32..], _offset);
        var floats = span[HeaderBytes..];
        for (int i = 0; i < _weights.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(floats[(4 * i)..], _weights[i]);
        floats = floats[(4 * _weights.Length)..];
        for (int i = 0; i < _bias.Length; i++) BinaryPrimitives.WriteSingleLittleEndian(floats[(4 * i)..], _bias[i]);
        return bytes;
    }

    /// <summary>Reads <see cref="ToBytes"/>; null when the bytes are not such a model for <paramref name="task"/> and <paramref name="dimension"/>.</summary>
    public static LinearModel? FromBytes(ReadOnlySpan<byte> bytes, ModelTask task, int dimension)
    {
        if (bytes.Length < HeaderBytes || BinaryPrimitives.ReadUInt64LittleEndian(bytes) != Magic
            || BinaryPrimitives.ReadUInt32LittleEndian(bytes[8..]) != 1 || BinaryPrimitives.ReadInt32LittleEndian(bytes[12..]) != (int)task)
            return null;
        int classes = BinaryPrimitives.ReadInt32LittleEndian(bytes[16..]);
        int weights = BinaryPrimitives.ReadInt32LittleEndian(bytes[20..]);
        int biases = BinaryPrimitives.ReadInt32LittleEndian(bytes[24..]);
        int expectedWeights = task == ModelTask.Multiclass ? dimension * SparseRowsReference.Width : dimension;
        int expectedBiases = task == ModelTask.Multiclass ? classes : 1;
        if (weights != expectedWeights || biases != expectedBiases || (task == ModelTask.Multiclass ? classes is < 2 or > SparseRowsReference.Width : classes != 1)
            || bytes.Length != HeaderBytes + 4L * (weights + biases))
            return null;
        var w = new float[weights];
        var b = new float[biases];
        for (int i = 0; i < w.Length; i++) w[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(HeaderBytes + 4 * i)..]);
        for (int i = 0; i < b.Length; i++) b[i] = BinaryPrimitives.ReadSingleLittleEndian(bytes[(HeaderBytes + 4 * (weights + i))..]);
        return new LinearModel(task, w, b, classes, BinaryPrimitives.ReadSingleLittleEndian(bytes[28..]), BinaryPrimitives.ReadSingleLittleEndian(bytes[32..]));
    }

    private static float[] Dense(IReadOnlyList<float> weights, int dimension)
    {
        var dense = new float[dimension];
        for (int i = 0; i < weights.Count && i < dimension; i++) dense[i] = weights[i];
        return dense;
    }

    /// <summary>
    /// Writes the model's output for a sparse vector into <paramref name="output"/>: [P(positive)] (binary, Platt
    /// calibrated), [score] (regression), or the class probabilities (multiclass, softmax).
    /// </summary>
    public void Predict(ReadOnlySpan<int> indices, ReadOnlySpan<float> values, Span<float> output)
    {
        if (_task == ModelTask.Multiclass)
        {
            Span<float> acc = stackalloc float[SparseRowsReference.Width];
            acc.Clear();
            SparseRowsKernel.Accumulate(_weights, indices, values, acc);
            float max = float.NegativeInfinity;
            for (int c = 0; c < _classes; c++)
            {
                acc[c] += _bias[c];
                max = MathF.Max(max, acc[c]);
            }
            float sum = 0;
            for (int c = 0; c < _classes; c++) sum += acc[c] = MathF.Exp(acc[c] - max);
            for (int c = 0; c < _classes; c++) output[c] = acc[c] / sum;
            return;
        }

        float score = _bias[0];
        var w = _weights;
        for (int i = 0; i < indices.Length; i++) score = MathF.FusedMultiplyAdd(values[i], w[indices[i]], score);
        output[0] = _task == ModelTask.Binary ? 1f / (1f + MathF.Exp(_slope * score + _offset)) : score;
    }
}
