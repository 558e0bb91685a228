using System.Text;

namespace CorpusQA.Core.Signals;

/// <summary>
/// Generates docs/signals.md from the registry, so the documentation cannot drift from the code
/// (a test compares the file with this output).
/// </summary>
internal static class SignalDocs
{
    public const string RegenerateCommand =
        "CORPUSQA_REGENERATE_DOCS=1 dotnet test tests/CorpusQA.Core.Tests -c Release --filter FullyQualifiedName~SignalDocsTests";

    public static string Generate(SignalRegistry registry)
    {
        var md = new StringBuilder();
        md.Append("# Quality signals\n\n");
        md.Append("<!-- Generated from the code by SignalDocs.Generate; do not edit. Regenerate with:\n");
        md.Append("     ").Append(RegenerateCommand).Append(" -->\n\n");
        md.Append("Every document gets one value per signal (a double; counts too). The order below is the column\n");
        md.Append("order of `signals.parquet`. Ratios with an empty denominator are 0. \"Words\" are jieba tokens\n");
        md.Append("(accurate mode, HMM on) that contain a Han character, letter or digit; \"tokens\" also include\n");
        md.Append("punctuation tokens; white-space tokens are dropped. Lengths are in UTF-16 code units unless a\n");
        md.Append("signal says code points (the two differ only for supplementary-plane characters).\n\n");
        md.Append($"{registry.Count} signals.\n");
        SignalFamily? family = null;
        int column = 0;
        foreach (var signal in registry.Signals)
        {
            if (signal.Family != family)
            {
                family = signal.Family;
                md.Append("\n## ").Append(family == SignalFamily.Pii ? "PII" : family.ToString()).Append("\n\n");
                md.Append("| # | name | definition | source |\n|---|---|---|---|\n");
            }
            md.Append("| ").Append(column++).Append(" | `").Append(signal.Name).Append("` | ")
              .Append(Escape(signal.Description)).Append(" | ").Append(Escape(signal.Source)).Append(" |\n");
        }
        return md.ToString();
    }

    private static string Escape(string text) => text.Replace("|", "\\|");
}
