using System.Text;

namespace CorpusQA.Cli.Runs;

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
        _writer.Write(row.DocId);
        _writer.Write(row.FileIndex);
        _writer.Write(row.RowIndex);
        foreach (var v in row.Values) _writer.Write(v);
        _writer.Write((byte)row.RuleReasons.Length);
        foreach (var r in row.RuleReasons) _writer.Write(r);
        _writer.Write(row.Chars);
        _writer.Write(row.Utf8Bytes);
        WriteOptional(row.QualityLabel);
        WriteOptional(row.Script);
        Count++;
    }

    /// <summary>Reads every row back in the order written (call once, after the last write).</summary>
    public IEnumerable<AuditRow> ReadAll()
    {
        _writer.Flush();
        _stream.Position = 0;
        using var reader = new BinaryReader(new BufferedStream(_stream, 1 << 20), Encoding.UTF8, leaveOpen: true);
        for (long i = 0; i < Count; i++)
        {
            string id = reader.ReadString();
            int file = reader.ReadInt32();
            long row = reader.ReadInt64();
            var values = new double[_valueCount];
            for (int v = 0; v < values.Length; v++) values[v] = reader.ReadDouble();
            var reasons = new string[reader.ReadByte()];
            for (int r = 0; r < reasons.Length; r++) reasons[r] = reader.ReadString();
            int chars = reader.ReadInt32();
            long bytes = reader.ReadInt64();
            yield return new AuditRow(id, file, row, values, reasons, chars, bytes, ReadOptional(reader), ReadOptional(reader));
        }
    }

    private void WriteOptional(string? value)
    {
        _writer.Write(value is not null);
        if (value is not null) _writer.Write(value);
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
