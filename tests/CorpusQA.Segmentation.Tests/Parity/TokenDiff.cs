using System.Text;

namespace CorpusQA.Segmentation.Tests.Parity;

/// <summary>Explains the first difference between jieba's tokens and ours.</summary>
public static class TokenDiff
{
    /// <summary>Null when equal; otherwise doc id, first differing index and text offset, and both neighbourhoods.</summary>
    public static string? Describe(string docId, string mode, IReadOnlyList<ExpectedToken> expected, IReadOnlyList<string> actual)
    {
        int i = 0;
        while (i < expected.Count && i < actual.Count && expected[i].Text == actual[i])
        {
            i++;
        }
        if (i == expected.Count && i == actual.Count)
        {
            return null;
        }
        int offset = i < expected.Count ? expected[i].Start : -1;
        var sb = new StringBuilder();
        sb.Append($"doc {docId} [{mode}]: first difference at token {i} (text offset {offset}); ")
          .Append($"jieba {expected.Count} tokens, ours {actual.Count}\n")
          .Append("  jieba: ").Append(Window(expected.Select(t => t.Text).ToList(), i)).Append('\n')
          .Append("  ours:  ").Append(Window(actual, i));
        return sb.ToString();
    }

    private static string Window(IReadOnlyList<string> tokens, int at)
    {
        int from = Math.Max(0, at - 5), to = Math.Min(tokens.Count, at + 6);
        var parts = new List<string>();
        for (int k = from; k < to; k++)
        {
            string t = tokens[k].Replace("\n", "\\n").Replace("\r", "\\r").Replace("\t", "\\t");
            parts.Add(k == at ? $">>{t}<<" : t);
        }
        return "|" + string.Join("|", parts) + "|";
    }
}
