using System.Runtime.InteropServices;

namespace CorpusQA.Cli.Faults;

/// <summary>
/// SIGINT (Ctrl+C) and SIGTERM (a scheduler's timeout or cancel) as one cancellation: the first signal cancels the run,
/// which then unwinds, deletes its temporary files and exits 130 or 143; a second signal terminates at once.
/// </summary>
/// <remarks>
/// System.CommandLine's own termination handling is switched off (<c>ProcessTerminationTimeout = null</c>): it cancels a
/// token of its own, so the run could not tell an interrupt from a failure, and it force-exits after 2 seconds, before
/// temporary files are deleted.
/// </remarks>
public sealed class TerminationSignals : IDisposable
{
    private readonly CancellationTokenSource _cancel = new();
    private readonly List<PosixSignalRegistration> _registrations = [];
    private int _signal;

    private TerminationSignals()
    {
    }

    /// <summary>Cancelled by the first SIGINT or SIGTERM.</summary>
    public CancellationToken Token => _cancel.Token;

    /// <summary>The exit code for the signal received: 130 (SIGINT), 143 (SIGTERM); 0 when none arrived.</summary>
    public int ExitCode => Volatile.Read(ref _signal) switch
    {
        0 => 0,
        var s when s == (int)PosixSignal.SIGTERM => ExitCodes.Terminated,
        _ => ExitCodes.Interrupted,
    };

    /// <summary>"SIGINT" or "SIGTERM" (for the message).</summary>
    public string SignalName => ExitCode == ExitCodes.Terminated ? "SIGTERM" : "SIGINT";

    public bool Received => Volatile.Read(ref _signal) != 0;

    /// <summary>Handles SIGINT and SIGTERM for this process until disposed.</summary>
    public static TerminationSignals Register()
    {
        var signals = new TerminationSignals();
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGINT, signals.Handle));
        signals._registrations.Add(PosixSignalRegistration.Create(PosixSignal.SIGTERM, signals.Handle));
        return signals;
    }

    /// <summary>A cancellation not caused by a signal (tests): reported as an interrupt.</summary>
    public static TerminationSignals None() => new();

    private void Handle(PosixSignalContext context)
    {
        // Platform signal numbers differ from PosixSignal's values; record the portable one.
        int signal = context.Signal == PosixSignal.SIGTERM ? (int)PosixSignal.SIGTERM : (int)PosixSignal.SIGINT;
        if (Interlocked.CompareExchange(ref _signal, signal, 0) != 0) return; // second signal: default action (terminate)
        context.Cancel = true;
        _cancel.Cancel();
    }

    public void Dispose()
    {
        foreach (var registration in _registrations) registration.Dispose();
        _cancel.Dispose();
    }
}
