using System.Buffers;

namespace CorpusQA.IO.Readers;

/// <summary>What <see cref="LineSplitter.Next"/> found.</summary>
internal enum LineStatus { Line, UnterminatedLine, NeedMore, TooLong, End }

/// <summary>
/// Splits a byte stream into lines over one pooled, growable buffer. Lines end at '\n'; a trailing '\r' is dropped;
/// a leading UTF-8 BOM is skipped; every line, blank or not, takes one zero-based row number. A line longer than
/// <c>maxLineBytes</c> is reported (<see cref="LineStatus.TooLong"/>) and discarded without being buffered whole.
/// </summary>
internal sealed class LineSplitter : IDisposable
{
    private static ReadOnlySpan<byte> Bom => [0xEF, 0xBB, 0xBF];

    private readonly Stream _stream;
    private readonly int _maxLineBytes;
    private byte[] _buffer;
    private int _start, _end, _scan;
    private bool _eof, _bomChecked, _discarding;
    private long _nextRow;

    public LineSplitter(Stream stream, int initialBufferBytes, int maxLineBytes)
    {
        _stream = stream;
        _maxLineBytes = maxLineBytes;
        _buffer = ArrayPool<byte>.Shared.Rent(Math.Max(16, initialBufferBytes));
    }

    /// <summary>Decompressed bytes read so far (for the gzip trailer check).</summary>
    public long BytesRead { get; private set; }

    /// <summary>The row number the next line will get; after the end, the number of lines.</summary>
    public long NextRow => _nextRow;

    /// <summary>The buffer the ranges returned by <see cref="Next"/> point into; valid until the next fill.</summary>
    public ReadOnlySpan<byte> Buffer => _buffer;

    /// <summary>Finds the next complete line without reading; call <see cref="FillAsync"/> on NeedMore.</summary>
    public LineStatus Next(out int start, out int length, out long row)
    {
        start = length = 0;
        row = _nextRow;
        if (!_bomChecked)
        {
            if (_end - _start < Bom.Length && !_eof) return LineStatus.NeedMore;
            if (_buffer.AsSpan(_start, _end - _start).StartsWith(Bom)) _start += Bom.Length;
            _scan = _start;
            _bomChecked = true;
        }
        if (_discarding) return SkipRestOfLongLine(out start, out length, out row);

        int newline = _buffer.AsSpan(_scan, _end - _scan).IndexOf((byte)'\n');
        if (newline >= 0)
        {
            int end = _scan + newline;
            TakeLine(end, end + 1, out start, out length, out row);
            return LineStatus.Line;
        }
        _scan = _end;
        if (_end - _start > _maxLineBytes)
        {
            _nextRow++;
            _discarding = true;
            _start = _scan = _end;
            return LineStatus.TooLong;
        }
        if (!_eof) return LineStatus.NeedMore;
        if (_start == _end) return LineStatus.End;
        TakeLine(_end, _end, out start, out length, out row);
        return LineStatus.UnterminatedLine;
    }

    /// <summary>Treats the stream as ended (after a decompression failure): buffered lines can still be taken.</summary>
    public void MarkEnd() => _eof = true;

    /// <summary>Reads more bytes; false once the stream is exhausted (then <see cref="Next"/> drains the rest).</summary>
    public async ValueTask<bool> FillAsync(CancellationToken cancellationToken)
    {
        if (_eof) return false;
        if (_start > 0)
        {
            Array.Copy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _scan -= _start;
            _start = 0;
        }
        if (_end == _buffer.Length) Grow();
        int read = await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken).ConfigureAwait(false);
        if (read == 0)
        {
            _eof = true;
            return false;
        }
        _end += read;
        BytesRead += read;
        return true;
    }

    private LineStatus SkipRestOfLongLine(out int start, out int length, out long row)
    {
        start = length = 0;
        row = _nextRow - 1;
        int newline = _buffer.AsSpan(_start, _end - _start).IndexOf((byte)'\n');
        if (newline >= 0)
        {
            _start = _scan = _start + newline + 1;
            _discarding = false;
            return Next(out start, out length, out row);
        }
        _start = _scan = _end;
        return _eof ? LineStatus.End : LineStatus.NeedMore;
    }

    private void TakeLine(int lineEnd, int nextStart, out int start, out int length, out long row)
    {
        start = _start;
        length = lineEnd - _start;
        if (length > 0 && _buffer[lineEnd - 1] == (byte)'\r') length--;
        row = _nextRow++;
        _start = _scan = nextStart;
    }

    private void Grow()
    {
        byte[] bigger = ArrayPool<byte>.Shared.Rent((int)Math.Min(_buffer.Length * 2L, Array.MaxLength));
        Array.Copy(_buffer, bigger, _end);
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = bigger;
    }

    public void Dispose()
    {
        ArrayPool<byte>.Shared.Return(_buffer);
        _buffer = [];
    }
}
