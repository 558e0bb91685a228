namespace CorpusQA.Cli;

/// <summary>The documented process exit codes of <c>corpusqa</c> (listed in <c>corpusqa --help</c>).</summary>
public static class ExitCodes
{
    /// <summary>Success.</summary>
    public const int Ok = 0;

    /// <summary>An unexpected internal error (a bug: the message asks for a report).</summary>
    public const int InternalError = 1;

    /// <summary>The command line is wrong: unknown option, bad value.</summary>
    public const int Usage = 2;

    /// <summary>Bad input: missing or unreadable file, corrupt record, missing column, invalid UTF-8.</summary>
    public const int BadInput = 3;

    /// <summary>An output could not be written (disk full, permission denied).</summary>
    public const int OutputError = 4;

    /// <summary>Bad rows were skipped with --skip-bad; everything else succeeded (see errors.jsonl).</summary>
    public const int CompletedWithSkippedRows = 5;

    /// <summary>Interrupted by SIGINT (Ctrl+C): 128 + 2.</summary>
    public const int Interrupted = 130;

    /// <summary>Stdout's reader went away (<c>| head</c>): 128 + SIGPIPE (13), no message.</summary>
    public const int BrokenPipe = 141;

    /// <summary>Terminated by SIGTERM (a scheduler's timeout or cancel): 128 + 15.</summary>
    public const int Terminated = 143;

    /// <summary>The table printed under <c>--help</c>.</summary>
    public const string HelpText =
        "Exit codes: 0 ok; 1 internal error; 2 usage error; 3 bad input (file and row named); " +
        "4 output not writable (disk full, read-only, no permission); 5 done, but bad rows were skipped (--skip-bad); " +
        "130 interrupted (SIGINT); 141 stdout closed (| head); 143 terminated (SIGTERM). See docs/io.md.";
}
