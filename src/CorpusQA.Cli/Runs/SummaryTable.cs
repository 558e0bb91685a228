using CorpusQA.Core.Dedup;
using CorpusQA.Core.Stats;
using Spectre.Console;

namespace CorpusQA.Cli.Runs;

/// <summary>The end-of-run table on stderr: totals, kept share, and the drop reasons that removed the most.</summary>
internal static class SummaryTable
{
    public static void Print(CliContext context, string command, CorpusSummary summary, DedupResult? dedup, IEnumerable<string> outputs)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(context.Error),
            Ansi = context.ErrorIsTerminal ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = context.ErrorIsTerminal ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = InteractionSupport.No,
        });
        if (!context.ErrorIsTerminal) console.Profile.Width = 100;

        var totals = new Table().Border(TableBorder.Rounded).Title($"{command} summary");
        totals.AddColumn("");
        totals.AddColumn(new TableColumn("documents").RightAligned());
        totals.AddColumn(new TableColumn("MB (UTF-8)").RightAligned());
        long removed = summary.Documents - summary.Kept;
        totals.AddRow("read", $"{summary.Documents:N0}", $"{summary.Utf8Bytes / 1e6:N2}");
        totals.AddRow("kept", $"{summary.Kept:N0} ({Percent(summary.Kept, summary.Documents)})", $"{summary.KeptUtf8Bytes / 1e6:N2}");
        totals.AddRow("removed", $"{removed:N0} ({Percent(removed, summary.Documents)})", $"{(summary.Utf8Bytes - summary.KeptUtf8Bytes) / 1e6:N2}");
        if (dedup is not null)
        {
            totals.AddRow("exact duplicates", $"{dedup.ExactDuplicateCount:N0}", "");
            totals.AddRow("near duplicates", $"{dedup.NearDuplicateCount:N0}", "");
        }

        console.Write(totals);
        if (summary.DropReasons.Count > 0)
        {
            var reasons = new Table().Border(TableBorder.Rounded).Title("drop reasons (a document may have several)");
            reasons.AddColumn("reason");
            reasons.AddColumn(new TableColumn("documents").RightAligned());
            foreach (var (reason, count) in summary.DropReasons.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal).Take(15))
            {
                reasons.AddRow(Markup.Escape(reason), $"{count:N0} ({Percent(count, summary.Documents)})");
            }

            console.Write(reasons);
        }

        foreach (var output in outputs) console.WriteLine("wrote " + output);
    }

    private static string Percent(long part, long whole) => whole == 0 ? "0%" : $"{100.0 * part / whole:0.#}%";
}
