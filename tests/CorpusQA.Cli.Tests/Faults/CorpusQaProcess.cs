using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;

namespace CorpusQA.Cli.Tests.Faults;

/// <summary>
/// The built <c>corpusqa</c> as a real child process (its own PID, signals, file descriptors), for the fault tests that
/// an in-process run cannot show: SIGINT/SIGTERM, a closed stdout pipe, stdout on /dev/full.
/// </summary>
internal static partial class CorpusQaProcess
{
    public const int SIGINT = 2;
    public const int SIGKILL = 9;
    public const int SIGTERM = 15;

    /// <summary>corpusqa.dll, copied beside the tests by the project reference.</summary>
    public static string Dll { get; } = Path.Combine(AppContext.BaseDirectory, "corpusqa.dll");

    /// <summary>
    /// Starts <c>dotnet corpusqa.dll ARGS</c> in <paramref name="workingDirectory"/>. Through <c>env --default-signal</c>
    /// when available: a shell running the tests in the background sets SIGINT to "ignored", which children inherit and
    /// .NET then honours (as nohup wants), so the child gets SIGINT's default disposition back first.
    /// </summary>
    public static Process Start(string workingDirectory, IEnumerable<string> args, bool redirectStdout = true)
    {
        var start = new ProcessStartInfo
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = redirectStdout,
            RedirectStandardError = true,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
            UseShellExecute = false,
        };
        if (EnvRestoresSignals)
        {
            start.FileName = "/usr/bin/env";
            start.ArgumentList.Add("--default-signal=INT,TERM");
            start.ArgumentList.Add(DotnetHost);
        }
        else
        {
            start.FileName = DotnetHost;
        }

        start.ArgumentList.Add(Dll);
        foreach (string arg in args) start.ArgumentList.Add(arg);
        start.Environment["CI"] = "1"; // plain progress lines, never a live bar
        return Process.Start(start) ?? throw new InvalidOperationException("could not start corpusqa");
    }

    /// <summary>Runs to the end (at most two minutes); stdout and stderr captured.</summary>
    public static async Task<(int ExitCode, string Out, string Error)> RunAsync(string workingDirectory, params string[] args)
    {
        using var process = Start(workingDirectory, args);
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitOrKillAsync(process);
        return (process.ExitCode, await stdout, await stderr);
    }

    /// <summary>Runs a shell command line (for redirections such as <c>&gt; /dev/full</c>); <c>$CORPUSQA</c> stands for the tool.</summary>
    public static async Task<(int ExitCode, string Error)> ShellAsync(string workingDirectory, string commandLine)
    {
        var start = new ProcessStartInfo("/bin/sh") { WorkingDirectory = workingDirectory, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(commandLine.Replace("$CORPUSQA", $"'{DotnetHost}' '{Dll}'", StringComparison.Ordinal));
        start.Environment["CI"] = "1";
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        await WaitOrKillAsync(process);
        return (process.ExitCode, await stderr);
    }

    public static async Task WaitOrKillAsync(Process process)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("corpusqa did not exit within two minutes");
        }
    }

    /// <summary>
    /// Once <paramref name="ready"/> holds, waits <paramref name="delay"/> more and sends <paramref name="signal"/>, all on
    /// a plain thread (an await between the check and the kill can lag by a second on a busy machine). Returns null when
    /// the signal was sent while the run still ran, else what went wrong.
    /// </summary>
    public static Task<string?> SignalWhenAsync(Process process, Func<bool> ready, TimeSpan delay, int signal) => Task.Run(() =>
    {
        var clock = Stopwatch.StartNew();
        while (!ready())
        {
            if (process.HasExited) return $"the run ended (exit {process.ExitCode}) before reaching the point to signal";
            if (clock.Elapsed > TimeSpan.FromMinutes(1)) return "the run never reached the point to signal";
            Thread.Sleep(10);
        }

        Thread.Sleep(delay);
        if (process.HasExited) return $"the run ended (exit {process.ExitCode}) {delay.TotalMilliseconds} ms after that point: the input is too small for this machine";
        Signal(process, signal);
        return (string?)null;
    });

    public static void Signal(Process process, int signal)
    {
        if (Kill(process.Id, signal) != 0) throw new InvalidOperationException($"kill({process.Id}, {signal}) failed: errno {Marshal.GetLastPInvokeError()}");
    }

    /// <summary>The dotnet host that runs the tests (dotnet test sets DOTNET_HOST_PATH), else "dotnet" on the PATH.</summary>
    private static string DotnetHost { get; } = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";

    /// <summary>GNU env 8.31+ has --default-signal.</summary>
    private static bool EnvRestoresSignals { get; } = File.Exists("/usr/bin/env") && RunsOk("/usr/bin/env", "--default-signal=INT", "true");

    private static bool RunsOk(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { UseShellExecute = false, RedirectStandardError = true, RedirectStandardOutput = true };
            foreach (string arg in args) start.ArgumentList.Add(arg);
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    /// <summary>Runs a helper program (mount, mkfifo, ...) and says whether it succeeded.</summary>
    public static bool Tool(string file, params string[] args) => RunsOk(file, args);
}
