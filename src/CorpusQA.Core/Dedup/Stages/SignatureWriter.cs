using System.Text;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>
/// Stage 1 output: appends <see cref="DocumentSignature"/> records to a signature shard file
/// (format in <see cref="SignatureFileFormat"/>), optionally with the normalized texts beside it so the
/// cluster stage can report true Jaccard for sample pairs. Thread-safe; record order is irrelevant to
/// every later stage.
/// </summary>
public sealed class SignatureWriter : IDisposable
{
    private readonly FileStream _records;
    private readonly FileStream? _texts;
    private readonly int _numPerm;
    private readonly ulong _optionsHash;
    private readonly byte[] _recordBuffer;
    private readonly object _gate = new();
    private long _count;
    private bool _disposed;

    public SignatureWriter(string path, DedupOptions options, bool keepTexts = true)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        Path = path;
        _numPerm = options.NumPerm;
        _optionsHash = options.SignatureOptionsHash();
        _recordBuffer = new byte[SignatureFileFormat.RecordSize(_numPerm)];
        _records = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
        Span<byte> header = stackalloc byte[SignatureFileFormat.HeaderSize];
        SignatureFileFormat.WriteHeader(header, _numPerm, _optionsHash, -1);
        _records.Write(header);
        if (keepTexts)
            _texts = new FileStream(path + SignatureFileFormat.TextSuffix, FileMode.Create, FileAccess.Write, FileShare.None, 1 << 16);
    }

    public string Path { get; }

    /// <summary>Records written so far.</summary>
    public long Count => Interlocked.Read(ref _count);

    /// <summary>Appends one record; <paramref name="normalizedText"/> is stored only when texts are kept.</summary>
    public void Write(DocumentSignature signature, string? normalizedText = null) =>
        Write(signature, normalizedText is null ? default : normalizedText.AsSpan(), normalizedText is not null);

    internal void Write(DocumentSignature signature, ReadOnlySpan<char> normalizedText, bool hasText)
    {
        ArgumentNullException.ThrowIfNull(signature);
        if (signature.MinHashes.Length != _numPerm)
            throw new ArgumentException($"signature has {signature.MinHashes.Length} values, file expects {_numPerm}");
        byte[]? utf8 = null;
        if (_texts is not null && hasText)
        {
            utf8 = new byte[Encoding.UTF8.GetByteCount(normalizedText)];
            Encoding.UTF8.GetBytes(normalizedText, utf8);
        }
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, this);
            long offset = -1;
            if (utf8 is not null)
            {
                offset = _texts!.Position;
                _texts.Write(utf8);
            }
            SignatureFileFormat.WriteRecord(_recordBuffer, signature, offset, utf8?.Length ?? 0);
            _records.Write(_recordBuffer);
            _count++;
        }
    }

    /// <summary>Writes the record count into the header and closes the files.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed)
                return;
            _disposed = true;
            _records.Position = 0;
            Span<byte> header = stackalloc byte[SignatureFileFormat.HeaderSize];
            SignatureFileFormat.WriteHeader(header, _numPerm, _optionsHash, _count);
            _records.Write(header);
            _records.Dispose();
            _texts?.Dispose();
        }
    }
}
