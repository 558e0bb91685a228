using System.Diagnostics;

namespace CorpusQA.Pipeline.Slurm;

/// <summary>The Slurm command-line tools (sbatch, squeue, sacct) as the interface to the cluster: no Slurm library.</summary>
internal static class SlurmTools
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static async Task<Result> RunAsync(string tool, IEnumerable<string> args, CancellationToken ct)
    {
        var start = new ProcessStartInfo(tool) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) start.ArgumentList.Add(arg);
        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"{tool} did not start");
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            return new Result(127, "", $"{tool}: {ex.Message}");
        }

        using (process)
        {
            var stdout = process.StandardOutput.ReadToEndAsync(ct);
            var stderr = process.StandardError.ReadToEndAsync(ct);
            await process.WaitForExitAsync(ct);
            return new Result(process.ExitCode, await stdout, await stderr);
        }
    }

    /// <summary>An index list for --array: "0-3,5,7-8".</summary>
    public static string Ranges(IReadOnlyList<int> sorted)
    {
        var parts = new List<string>();
        for (int i = 0; i < sorted.Count;)
        {
            int j = i;
            while (j + 1 < sorted.Count && sorted[j + 1] == sorted[j] + 1) j++;
            parts.Add(i == j ? $"{sorted[i]}" : $"{sorted[i]}-{sorted[j]}");
            i = j + 1;
        }
        return string.Join(',', parts);
    }
}
