using System.Globalization;

namespace CorpusQA.Core.Pipeline;

/// <summary>
/// Names this process in its temporary files (<c>.signals.parquet.tmp-4242-987654</c>): the PID and the process's start
/// time (clock ticks since boot, field 22 of <c>/proc/PID/stat</c>). A later run can then tell the leftovers of a killed
/// run from those of a live one even after the PID was reused.
/// </summary>
public static class RunTag
{
    /// <summary>"PID-START" of this process ("PID-0" where the start time is unknown).</summary>
    public static string Current { get; } = Format(Environment.ProcessId, StartTime(Environment.ProcessId) ?? 0);

    public static string Format(int pid, long startTime) =>
        pid.ToString(CultureInfo.InvariantCulture) + "-" + startTime.ToString(CultureInfo.InvariantCulture);

    /// <summary>Parses "PID-START" (or a bare "PID" of older versions, start time then null).</summary>
    public static bool TryParse(string tag, out int pid, out long? startTime)
    {
        startTime = null;
        int dash = tag.IndexOf('-');
        if (dash < 0) return int.TryParse(tag, NumberStyles.None, CultureInfo.InvariantCulture, out pid);
        pid = 0;
        if (!int.TryParse(tag.AsSpan(0, dash), NumberStyles.None, CultureInfo.InvariantCulture, out int p)
            || !long.TryParse(tag.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out long start))
            return false;
        (pid, startTime) = (p, start);
        return true;
    }

    /// <summary>
    /// True when the run that wrote a file with this tag is certainly gone: no process has the PID, or one has it but
    /// started at another time. Unknown (no <c>/proc</c>, no recorded start time and the PID alive): false.
    /// </summary>
    public static bool IsGone(int pid, long? startTime)
    {
        if (!Directory.Exists("/proc/self")) return false;
        long? now = StartTime(pid);
        if (now is null) return !Directory.Exists($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}");
        return startTime is { } recorded && recorded != 0 && recorded != now;
    }

    /// <summary>The start time of a process in clock ticks since boot; null when it does not exist or is unknown.</summary>
    public static long? StartTime(int pid)
    {
        try
        {
            string stat = File.ReadAllText($"/proc/{pid.ToString(CultureInfo.InvariantCulture)}/stat");
            // "pid (comm) state ppid ...": comm may hold spaces and ')', so count fields after the last ')'.
            string[] fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            return long.Parse(fields[19], CultureInfo.InvariantCulture); // field 22 overall; fields[0] is field 3
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException or ArgumentOutOfRangeException)
        {
            return null;
        }
    }
}
