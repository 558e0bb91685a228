using System.Diagnostics;

namespace CorpusQA.Cli;

/// <summary>
/// Progress on stderr: a live bar redrawn in place (documents/s, MB/s, ETA) when stderr is a terminal, otherwise a
/// plain log line every few seconds (logs and CI). Never writes to stdout.
/// </summary>
internal sealed class ProgressReporter
{
    private static readonly TimeSpan PlainInterval = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan LiveInterval = TimeSpan.FromMilliseconds(250);

    /// <summary>No ETA until the rate has settled: the first seconds include start-up (dictionary, models, JIT).</summary>
    private const double EtaAfterSeconds = 3;

    private readonly CliContext _context;
    private readonly string _verb;
    private readonly Stopwatch _clock = Stopwatch.StartNew();
    private readonly bool _live;
    private TimeSpan _lastReport;
    private long _docs;
    private long _bytes;

    public ProgressReporter(CliContext context, string verb, long expectedBytes = 0)
    {
        _context = context;
        _verb = verb;
        ExpectedBytes = expectedBytes;
        _live = context.ErrorIsTerminal;
    }

    /// <summary>Roughly how many UTF-8 bytes of text the inputs hold (0 = unknown: no ETA).</summary>
    public long ExpectedBytes { get; set; }

    public long Documents => _docs;

    public TimeSpan Elapsed => _clock.Elapsed;

    /// <summary>Called once per document, in input order, from the consuming thread.</summary>
    public void Document(long utf8Bytes)
    {
        _docs++;
        _bytes += utf8Bytes;
        var now = _clock.Elapsed;
        if (now - _lastReport >= (_live ? LiveInterval : PlainInterval))
        {
            _lastReport = now;
            Report(final: false);
        }
    }

    public void Finish() => Report(final: true);

    private string Bar()
    {
        const int Width = 24;
        if (ExpectedBytes <= 0) return "";
        int filled = (int)Math.Clamp(Width * (double)_bytes / ExpectedBytes, 0, Width);
        return "[" + new string('#', filled) + new string('.', Width - filled) + "]";
    }

    private void Report(bool final)
    {
        double seconds = Math.Max(_clock.Elapsed.TotalSeconds, 1e-6);
        double mbPerSecond = _bytes / 1e6 / seconds;
        string eta = "";
        if (!final && ExpectedBytes > 0 && _bytes > 0 && _bytes < ExpectedBytes && seconds >= EtaAfterSeconds)
        {
            eta = $", ETA {TimeSpan.FromSeconds(seconds * (ExpectedBytes - _bytes) / _bytes):hh\\:mm\\:ss}";
        }

        string line = $"{_verb}: {Counted.Of(_docs, "document")}, {_docs / seconds:N0} docs/s, {mbPerSecond:N1} MB/s{eta}";
        if (_live)
        {
            // Carriage return and erase-to-end-of-line redraw the same terminal line.
            string bar = final ? "" : Bar() + " ";
            _context.Error.Write($"\r{bar}{line}{(final ? $", {seconds:N1} s" : "")}\u001b[K");
            if (final) _context.Error.WriteLine();
            _context.Error.Flush();
        }
        else
        {
            _context.Error.WriteLine(final ? $"{line}, {seconds:N1} s" : line);
        }
    }
}
