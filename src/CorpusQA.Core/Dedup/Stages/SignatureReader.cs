using System.Buffers.Binary;
using System.IO.MemoryMappedFiles;
using System.Text;
using Microsoft.Win32.SafeHandles;

namespace CorpusQA.Core.Dedup.Stages;

/// <summary>Random access to a finished signature shard file through a memory map (pages stay in the OS cache).</summary>
internal sealed unsafe class SignatureReader : IDisposable
{
    private readonly MemoryMappedFile? _map;
    private readonly MemoryMappedViewAccessor? _view;
    private readonly byte* _base;
    private readonly int _recordSize;
    private readonly string _textPath;
    private readonly Lazy<SafeFileHandle?> _texts;

    public SignatureReader(string path, DedupOptions options)
    {
        Path = path;
        _textPath = path + SignatureFileFormat.TextSuffix;
        // Positional reads on one handle are thread-safe: the cluster stage verifies edges on several threads.
        _texts = new Lazy<SafeFileHandle?>(() => File.Exists(_textPath)
            ? File.OpenHandle(_textPath, FileMode.Open, FileAccess.Read, FileShare.Read, FileOptions.RandomAccess)
            : null);
        long length = new FileInfo(path).Length;
        if (length < SignatureFileFormat.HeaderSize)
            throw new InvalidDataException($"{path}: too short for a signature file header");
        _map = MemoryMappedFile.CreateFromFile(path, FileMode.Open, null, 0, MemoryMappedFileAccess.Read);
        _view = _map.CreateViewAccessor(0, length, MemoryMappedFileAccess.Read);
        _view.SafeMemoryMappedViewHandle.AcquirePointer(ref _base);
        _base += _view.PointerOffset;
        var header = new ReadOnlySpan<byte>(_base, SignatureFileFormat.HeaderSize);
        if (!header.Slice(0, 8).SequenceEqual(SignatureFileFormat.Magic))
            throw new InvalidDataException($"{path}: not a CorpusQA signature file (bad magic)");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(header.Slice(8));
        if (version != SignatureFileFormat.Version)
            throw new InvalidDataException($"{path}: signature file version {version}, expected {SignatureFileFormat.Version}");
        NumPerm = BinaryPrimitives.ReadInt32LittleEndian(header.Slice(12));
        ulong hash = BinaryPrimitives.ReadUInt64LittleEndian(header.Slice(16));
        if (hash != options.SignatureOptionsHash() || NumPerm != options.NumPerm)
            throw new InvalidDataException($"{path}: written with different dedup options (options hash {hash:x16}, expected {options.SignatureOptionsHash():x16})");
        RecordCount = BinaryPrimitives.ReadInt64LittleEndian(header.Slice(24));
        _recordSize = SignatureFileFormat.RecordSize(NumPerm);
        if (RecordCount < 0)
            throw new InvalidDataException($"{path}: unfinished signature file (writer not disposed)");
        if (SignatureFileFormat.HeaderSize + RecordCount * _recordSize != length)
            throw new InvalidDataException($"{path}: length {length} does not match {RecordCount} records");
    }

    public string Path { get; }
    public int NumPerm { get; }
    public long RecordCount { get; }

    private ReadOnlySpan<byte> Record(long record) =>
        new(_base + SignatureFileFormat.HeaderSize + record * _recordSize, _recordSize);

    public int DocIndex(long record) => BinaryPrimitives.ReadInt32LittleEndian(Record(record));

    public SignatureKind Kind(long record) => (SignatureKind)Record(record)[4];

    public int NormalizedLength(long record) => BinaryPrimitives.ReadInt32LittleEndian(Record(record).Slice(8));

    public double? Quality(long record)
    {
        var r = Record(record);
        return r[5] == 0 ? null : BinaryPrimitives.ReadDoubleLittleEndian(r.Slice(24));
    }

    public UInt128 ExactHash(long record)
    {
        var r = Record(record);
        return new UInt128(BinaryPrimitives.ReadUInt64LittleEndian(r.Slice(40)), BinaryPrimitives.ReadUInt64LittleEndian(r.Slice(32)));
    }

    /// <summary>The raw little-endian minhash bytes (4 × numPerm).</summary>
    public ReadOnlySpan<byte> MinHashBytes(long record) => Record(record).Slice(SignatureFileFormat.FixedRecordBytes);

    /// <summary>The normalized text if the companion text file was kept, else null.</summary>
    public string? NormalizedText(long record)
    {
        var r = Record(record);
        long offset = BinaryPrimitives.ReadInt64LittleEndian(r.Slice(16));
        int length = BinaryPrimitives.ReadInt32LittleEndian(r.Slice(12));
        if (offset < 0 || _texts.Value is not SafeFileHandle handle)
            return null;
        var bytes = new byte[length];
        ReadExactly(handle, bytes, offset);
        return Encoding.UTF8.GetString(bytes);
    }

    /// <summary>
    /// Decodes the normalized text into reused buffers (grown when too small, so a run of calls allocates
    /// only for the longest text); false when the companion text file was not kept.
    /// </summary>
    internal bool TryReadNormalizedText(long record, ref byte[] bytes, ref char[] chars, out int charCount)
    {
        var r = Record(record);
        long offset = BinaryPrimitives.ReadInt64LittleEndian(r.Slice(16));
        int length = BinaryPrimitives.ReadInt32LittleEndian(r.Slice(12));
        charCount = 0;
        if (offset < 0 || _texts.Value is not SafeFileHandle handle)
            return false;
        if (bytes.Length < length)
            bytes = new byte[Math.Max(length, 2 * bytes.Length)];
        ReadExactly(handle, bytes.AsSpan(0, length), offset);
        int needed = Encoding.UTF8.GetMaxCharCount(length);
        if (chars.Length < needed)
            chars = new char[Math.Max(needed, 2 * chars.Length)];
        charCount = Encoding.UTF8.GetChars(bytes.AsSpan(0, length), chars);
        return true;
    }

    private void ReadExactly(SafeFileHandle handle, Span<byte> destination, long offset)
    {
        while (destination.Length > 0)
        {
            int read = RandomAccess.Read(handle, destination, offset);
            if (read <= 0)
                throw new InvalidDataException($"{_textPath}: ends before the text at offset {offset}");
            destination = destination.Slice(read);
            offset += read;
        }
    }

    public void Dispose()
    {
        if (_texts.IsValueCreated)
            _texts.Value?.Dispose();
        if (_view is not null)
        {
            _view.SafeMemoryMappedViewHandle.ReleasePointer();
            _view.Dispose();
        }
        _map?.Dispose();
    }
}
