using System.Globalization;
using Parquet.Data;
using CorpusQA.IO.Writers;
using Parquet.Schema;

namespace CorpusQA.IO.Readers;

/// <summary>
/// One column of one row group, copied out of Parquet.Net's pooled buffers so that documents may outlive the read:
/// the present values plus definition/repetition levels (the Dremel encoding), which lets nested columns pass through
/// untouched. Rows are located lazily: row → level range (via repetition levels) → value range (via definition levels).
/// </summary>
internal abstract class ParquetColumnChunk(DataField field, int[]? definitions, int[]? repetitions, int levelCount)
{
    private int[]? _rowLevelStart;
    private int[]? _levelValueStart;

    public DataField Field { get; } = field;

    public static ParquetColumnChunk Copy(DataField field, RawColumnData raw, long rowCount)
    {
        Type valueType = raw.GetType().GetGenericArguments()[0];
        var chunkType = typeof(ParquetColumnChunk<>).MakeGenericType(valueType);
        return (ParquetColumnChunk)Activator.CreateInstance(chunkType, field, raw, rowCount)!;
    }

    /// <summary>Levels [start, end) of a row.</summary>
    public (int Start, int End) LevelRange(int row)
    {
        if (repetitions is null) return (row, row + 1);
        _rowLevelStart ??= RowStarts(repetitions, levelCount);
        return (_rowLevelStart[row], _rowLevelStart[row + 1]);
    }

    /// <summary>Values [start, end) for levels [levelStart, levelEnd).</summary>
    public (int Start, int End) ValueRange(int levelStart, int levelEnd)
    {
        if (definitions is null) return (levelStart, levelEnd);
        _levelValueStart ??= ValueStarts(definitions, levelCount, Field.MaxDefinitionLevel);
        return (_levelValueStart[levelStart], _levelValueStart[levelEnd]);
    }

    protected int[]? Definitions => definitions;
    protected int[]? Repetitions => repetitions;

    /// <summary>A flat column's value in a row as text, or null when the value is null.</summary>
    public abstract string? FormatFlat(int row);

    /// <summary>A flat string column's value as characters; false when null.</summary>
    public abstract bool TryGetFlatChars(int row, out ReadOnlyMemory<char> chars);

    public abstract ParquetColumnBuilder CreateBuilder();

    /// <summary>Appends one row's levels and values to a builder made by a chunk of the same column type.</summary>
    public abstract void AppendRow(ParquetColumnBuilder builder, int row);

    private static int[] RowStarts(int[] repetitions, int levelCount)
    {
        var starts = new List<int>();
        for (int i = 0; i < levelCount; i++)
            if (repetitions[i] == 0) starts.Add(i);
        starts.Add(levelCount);
        return [.. starts];
    }

    private static int[] ValueStarts(int[] definitions, int levelCount, int maxDefinition)
    {
        var starts = new int[levelCount + 1];
        int values = 0;
        for (int i = 0; i < levelCount; i++)
        {
            starts[i] = values;
            if (definitions[i] == maxDefinition) values++;
        }
        starts[levelCount] = values;
        return starts;
    }
}

internal sealed class ParquetColumnChunk<T> : ParquetColumnChunk where T : struct
{
    private readonly T[] _values;

    public ParquetColumnChunk(DataField field, RawColumnData raw, long rowCount)
        : this(field, CopyLevels(field, raw, rowCount, out int levels, out int[]? reps), reps, levels, (RawColumnData<T>)raw)
    {
    }

    private ParquetColumnChunk(DataField field, int[]? defs, int[]? reps, int levels, RawColumnData<T> raw)
        : base(field, defs, reps, levels)
    {
        int valueCount = defs is null ? levels : CountPresent(defs, field.MaxDefinitionLevel);
        _values = raw.Values[..valueCount].ToArray();
        if (typeof(T) == typeof(ReadOnlyMemory<char>)) OwnChars((ReadOnlyMemory<char>[])(object)_values);
        else if (typeof(T) == typeof(ReadOnlyMemory<byte>)) OwnBytes((ReadOnlyMemory<byte>[])(object)_values);
    }

    public override string? FormatFlat(int row)
    {
        var (start, end) = ValueRange(row, row + 1);
        if (start == end) return null;
        return _values[start] switch
        {
            ReadOnlyMemory<char> chars => new string(chars.Span),
            IFormattable formattable => formattable.ToString(null, CultureInfo.InvariantCulture),
            var other => other.ToString(),
        };
    }

    public override bool TryGetFlatChars(int row, out ReadOnlyMemory<char> chars)
    {
        var (start, end) = ValueRange(row, row + 1);
        chars = start < end && _values is ReadOnlyMemory<char>[] strings ? strings[start] : default;
        return start < end;
    }

    public override ParquetColumnBuilder CreateBuilder() =>
        new ParquetColumnBuilder<T>(Definitions is not null, Repetitions is not null);

    public override void AppendRow(ParquetColumnBuilder builder, int row)
    {
        var (levelStart, levelEnd) = LevelRange(row);
        var (valueStart, valueEnd) = ValueRange(levelStart, levelEnd);
        ((ParquetColumnBuilder<T>)builder).Append(
            _values.AsSpan(valueStart, valueEnd - valueStart),
            Definitions is null ? default : Definitions.AsSpan(levelStart, levelEnd - levelStart),
            Repetitions is null ? default : Repetitions.AsSpan(levelStart, levelEnd - levelStart));
    }

    private static int[]? CopyLevels(DataField field, RawColumnData raw, long rowCount, out int levels, out int[]? reps)
    {
        reps = field.MaxRepetitionLevel > 0 ? raw.RepetitionLevels.ToArray() : null;
        int[]? defs = field.MaxDefinitionLevel > 0 ? raw.DefinitionLevels.ToArray() : null;
        levels = reps?.Length ?? defs?.Length ?? checked((int)rowCount);
        return defs;
    }

    private static int CountPresent(int[] definitions, int maxDefinition)
    {
        int count = 0;
        foreach (int d in definitions)
            if (d == maxDefinition) count++;
        return count;
    }

    /// <summary>Copies all strings of the chunk into one owned buffer (the reader's memory is pooled).</summary>
    private static void OwnChars(ReadOnlyMemory<char>[] values)
    {
        long total = 0;
        foreach (var v in values) total += v.Length;
        var owned = new char[total];
        int offset = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i].Span.CopyTo(owned.AsSpan(offset));
            values[i] = owned.AsMemory(offset, values[i].Length);
            offset += values[i].Length;
        }
    }

    private static void OwnBytes(ReadOnlyMemory<byte>[] values)
    {
        long total = 0;
        foreach (var v in values) total += v.Length;
        var owned = new byte[total];
        int offset = 0;
        for (int i = 0; i < values.Length; i++)
        {
            values[i].Span.CopyTo(owned.AsSpan(offset));
            values[i] = owned.AsMemory(offset, values[i].Length);
            offset += values[i].Length;
        }
    }
}
