using Parquet;
using Parquet.Schema;

namespace CorpusQA.IO.Writers;

/// <summary>Gathers the Dremel parts (values, definition and repetition levels) of selected rows of one column.</summary>
internal abstract class ParquetColumnBuilder
{
    public abstract Task WriteAsync(ParquetRowGroupWriter writer, DataField field, CancellationToken cancellationToken);
    public abstract void Clear();
}

internal sealed class ParquetColumnBuilder<T>(bool hasDefinitions, bool hasRepetitions) : ParquetColumnBuilder where T : struct
{
    private T[] _values = new T[256];
    private int[] _definitions = hasDefinitions ? new int[256] : [];
    private int[] _repetitions = hasRepetitions ? new int[256] : [];
    private int _valueCount, _levelCount;

    public void Append(ReadOnlySpan<T> values, ReadOnlySpan<int> definitions, ReadOnlySpan<int> repetitions)
    {
        Ensure(ref _values, _valueCount + values.Length);
        values.CopyTo(_values.AsSpan(_valueCount));
        _valueCount += values.Length;
        int levels = Math.Max(definitions.Length, repetitions.Length);
        if (hasDefinitions)
        {
            Ensure(ref _definitions, _levelCount + levels);
            definitions.CopyTo(_definitions.AsSpan(_levelCount));
        }
        if (hasRepetitions)
        {
            Ensure(ref _repetitions, _levelCount + levels);
            repetitions.CopyTo(_repetitions.AsSpan(_levelCount));
        }
        _levelCount += levels;
    }

    public override Task WriteAsync(ParquetRowGroupWriter writer, DataField field, CancellationToken cancellationToken) =>
        writer.WriteAllPartsAsync<T>(field, _values.AsMemory(0, _valueCount),
            hasDefinitions ? _definitions.AsMemory(0, _levelCount) : null,
            hasRepetitions ? _repetitions.AsMemory(0, _levelCount) : null,
            cancellationToken);

    public override void Clear()
    {
        // Drop references (strings point into source row groups) so those can be collected.
        Array.Clear(_values, 0, _valueCount);
        _valueCount = _levelCount = 0;
    }

    private static void Ensure<TItem>(ref TItem[] array, int needed)
    {
        if (needed <= array.Length) return;
        Array.Resize(ref array, Math.Max(needed, array.Length * 2));
    }
}
