namespace CorpusQA.Cli;

/// <summary>"1 document", "2,000 documents": counts in messages with the noun in the right number.</summary>
internal static class Counted
{
    public static string Of(long count, string noun) => $"{count:N0} {(count == 1 ? noun : noun + "s")}";
}
