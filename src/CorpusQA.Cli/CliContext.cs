namespace CorpusQA.Cli;

/// <summary>Where a command writes: results to <see cref="Out"/>, progress and messages to <see cref="Error"/>.
/// Injected so tests capture both.</summary>
public sealed class CliContext
{
    public CliContext(TextWriter output, TextWriter error, bool errorIsTerminal)
    {
        Out = output;
        Error = error;
        ErrorIsTerminal = errorIsTerminal;
    }

    public TextWriter Out { get; }

    public TextWriter Error { get; }

    /// <summary>
    /// Standard output as bytes (for commands that stream large results). The real console's stdout, or for a
    /// context built on writers, a stream that decodes UTF-8 into <see cref="Out"/>.
    /// </summary>
    /// <remarks>
    /// The real stdout is file descriptor 1 as a plain <see cref="FileStream"/>, not <see cref="Console.OpenStandardOutput()"/>:
    /// the console stream ignores EPIPE, so <c>corpusqa segment big.jsonl | head</c> would go on segmenting into nothing;
    /// a FileStream reports it (and ENOSPC for <c>&gt; /dev/full</c>) as an <see cref="IOException"/>.
    /// </remarks>
    public Stream OpenOutputStream() => ReferenceEquals(Out, Console.Out) ? OpenStandardOutputFile() : new TextWriterStream(Out);

    private static Stream OpenStandardOutputFile() => OperatingSystem.IsWindows()
        ? Console.OpenStandardOutput()
        : new StandardOutputStream(new FileStream(new Microsoft.Win32.SafeHandles.SafeFileHandle(1, ownsHandle: false), FileAccess.Write, bufferSize: 0));

    /// <summary>True when stderr is an interactive terminal: live progress bars instead of plain log lines.</summary>
    public bool ErrorIsTerminal { get; }

    /// <summary>The real console.</summary>
    public static CliContext FromConsole() =>
        new(Console.Out, Console.Error, !Console.IsErrorRedirected && Environment.GetEnvironmentVariable("CI") is null);
}

/// <summary>The members every write-only, unseekable stream of the CLI answers the same way.</summary>
internal abstract class WriteOnlyStream : Stream
{
    public override bool CanRead => false;
    public override bool CanSeek => false;
    public override bool CanWrite => true;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public abstract override void Write(ReadOnlySpan<byte> buffer);

    public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
}

/// <summary>A write-only stream that decodes UTF-8 bytes into a <see cref="TextWriter"/> (stdout captured by tests).</summary>
internal sealed class TextWriterStream(TextWriter writer) : WriteOnlyStream
{
    private readonly System.Text.Decoder _decoder = new System.Text.UTF8Encoding(false, true).GetDecoder();

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        var chars = new char[_decoder.GetCharCount(buffer, flush: false)];
        int n = _decoder.GetChars(buffer, chars, flush: false);
        writer.Write(chars, 0, n);
    }

    public override void Flush() => writer.Flush();
}

/// <summary>File descriptor 1, whose write errors (ENOSPC of <c>&gt; /dev/full</c>, EPIPE) name "stdout" (the descriptor has no path).</summary>
internal sealed class StandardOutputStream(FileStream stdout) : WriteOnlyStream
{
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            stdout.Write(buffer);
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    public override void Flush()
    {
        try
        {
            stdout.Flush();
        }
        catch (IOException ex)
        {
            throw Named(ex);
        }
    }

    /// <summary>The same error (HResult is the errno, see <see cref="Faults.SystemErrors"/>) naming stdout.</summary>
    private static IOException Named(IOException ex) => new($"{ex.Message} : 'stdout'", ex.HResult);

    protected override void Dispose(bool disposing)
    {
        if (disposing) stdout.Dispose();
        base.Dispose(disposing);
    }
}
