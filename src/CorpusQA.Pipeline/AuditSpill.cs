using System.Text;

namespace CorpusQA.Pipeline;

/// <summary>
/// One document's first-pass outcome, spilled to a temporary file in input order so that the second pass (after
/// corpus-wide deduplication has decided the keepers) can write the final rows without holding the corpus in memory.
/// </summary>
/// <remarks>
/// <see cref="Values"/> holds the signals in registry order, then (when the run applies models) the
/// <see cref="CorpusQA.Core.Rules.ScoreColumns"/>; the two model labels travel beside them.
/// </remarks>
internal sealed record AuditRow(string DocId, int FileIndex, long RowIndex, double[] Values, string[] RuleReasons, int Chars, long Utf8Bytes,
    string? QualityLabel = null, string? Script = null);

/// <summary>Sequential binary spill of <see cref="AuditRow"/>s; deleted when disposed.</summary>
internal sealed class AuditSpill : IDisposable
{
    private readonly string _path;
    private readonly FileStream _stream;
    private readonly BinaryWriter _writer;
    private readonly int _valueCount;

    public AuditSpill(string directory, int valueCount)
    {
        _valueCount = valueCount;
        _path = Path.Combine(directory, FileName);
        _stream = new FileStream(_path, FileMode.Create, FileAccess.ReadWrite, FileShare.None, 1 << 20, FileOptions.DeleteOnClose);
        _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
    }

    /// <summary>The spill's hidden name: <c>.audit-spill-PID-START.tmp</c> (<see cref="CorpusQA.Core.Pipeline.RunTag"/>).</summary>
    public static string FileName { get; } = $".audit-spill-{CorpusQA.Core.Pipeline.RunTag.Current}.tmp";

    public long Count { get; private set; }

    public void Write(AuditRow row)
    {
        WriteRow(_writer, row);
        Count++;
    }

    internal static void WriteRow(BinaryWriter writer, AuditRow row)
    {
        writer.Write(row.DocId);
        writer.Write(row.FileIndex);
        writer.Write(row.RowIndex);
        foreach (var v in row.Values) writer.Write(v);
        writer.Write((byte)row.RuleReasons.Length);
        foreach (var r in row.RuleReasons) writer.Write(r);
        writer.Write(row.Chars);
        writer.Write(row.Utf8Bytes);
        WriteOptional(writer, row.QualityLabel);
        WriteOptional(writer, row.Script);
    }

    /// <summary>Reads every row back in the order written (call once, after the last write).</summary>
    public IEnumerable<AuditRow> ReadAll()
    {
        _writer.Flush();
        _stream.Position = 0;
        using var reader = new BinaryReader(new BufferedStream(_stream, 1 << 20), Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++) yield return ReadRow(reader, _valueCount);
    }

    internal static AuditRow ReadRow(BinaryReader reader, int valueCount)
    {
        string id = reader.ReadString();
        int file = reader.ReadInt32();
        long row = reader.ReadInt64();
        var values = new double[valueCount];
        for (int v = 0; v < values.Length; v++) values[v] = reader.ReadDouble();
        var reasons = new string[reader.ReadByte()];
        for (int r = 0; r < reasons.Length; r++) reasons[r] = reader.ReadString();
        int chars = reader.ReadInt32();
        long bytes = reader.ReadInt64();
        return new AuditRow(id, file, row, values, reasons, chars, bytes, ReadOptional(reader), ReadOptional(reader));
    }

    private static void WriteOptional(BinaryWriter writer, string? value)
    {
        writer.Write(value is not null);
        if (value is not null) writer.Write(value);
    }

    private static string? ReadOptional(BinaryReader reader) => reader.ReadBoolean() ? reader.ReadString() : null;

    public void Dispose()
    {
        try
        {
            _writer.Dispose();
            _stream.Dispose();
        }
        catch (IOException)
        {
            // Flushing the rest failed (a full disk): the spill is being thrown away anyway.
        }
        finally
        {
            // DeleteOnClose already unlinked it on a clean close; this covers a close that failed.
            try { File.Delete(_path); } catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        }
    }
}

/// <summary>
/// A shard's analyzed rows kept on disk between stages (the analyze stage writes it; clusters, apply and merge read
/// it): the spill's record format behind a count, <c>CQROWS01</c>, value count, row count.
/// </summary>
internal static class AuditRowFile
{
    private static ReadOnlySpan<byte> Magic => "CQROWS01"u8;

    /// <summary>A writer of a rows file; the count is written when it is disposed.</summary>
    public sealed class Writer : IDisposable
    {
        private readonly FileStream _stream;
        private readonly BinaryWriter _writer;

        public Writer(string path, int valueCount)
        {
            _stream = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None, 1 << 20);
            _writer = new BinaryWriter(_stream, Encoding.UTF8, leaveOpen: true);
            _writer.Write(Magic);
            _writer.Write(valueCount);
            _writer.Write(-1L);
        }

        public long Count { get; private set; }

        public void Write(AuditRow row)
        {
            AuditSpill.WriteRow(_writer, row);
            Count++;
        }

        public void Dispose()
        {
            _writer.Flush();
            _stream.Position = Magic.Length + sizeof(int);
            _writer.Write(Count);
            _writer.Dispose();
            _stream.Dispose();
        }
    }

    public static IEnumerable<AuditRow> ReadAll(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic)) throw new InvalidDataException($"{path}: not a rows file");
        int valueCount = reader.ReadInt32();
        long count = reader.ReadInt64();
        if (count < 0) throw new InvalidDataException($"{path}: incomplete rows file");
        for (long i = 0; i < count; i++) yield return AuditSpill.ReadRow(reader, valueCount);
    }
}
