namespace CorpusQA.Core.Text;

/// <summary>The word and phrase lists embedded from <c>Data/</c>, loaded once per process on first use.</summary>
internal static class Lexicons
{
    private static readonly Lazy<(PhraseMatcher Anywhere, TermHashSet WholeLine)> BoilerplateLazy = new(LoadBoilerplate);
    private static readonly Lazy<TermHashSet> StopwordsLazy = new(() => TermHashSet.OfTerms(DataFiles.ReadLines("stopwords_zh.txt")));
    private static readonly Lazy<PhraseMatcher> FlaggedLazy = new(() => new PhraseMatcher(Column("flagged_words.txt", 1)));
    private static readonly Lazy<ConversionTerms> ConversionLazy = new(LoadConversionTerms);

    /// <summary>Site boilerplate phrases that mark a line wherever they occur in it (版权声明, 上一页, 扫码关注...).</summary>
    public static PhraseMatcher Boilerplate => BoilerplateLazy.Value.Anywhere;

    /// <summary>Boilerplate phrases that mark a line only when they are the whole line (热传, 关于我们), by hash.</summary>
    public static TermHashSet BoilerplateWholeLines => BoilerplateLazy.Value.WholeLine;

    /// <summary>Chinese stopwords from stopwords-iso, by <see cref="TextHash.Of"/>.</summary>
    public static TermHashSet Stopwords => StopwordsLazy.Value;

    /// <summary>Pornography, gambling and scam terms.</summary>
    public static PhraseMatcher Flagged => FlaggedLazy.Value;

    /// <summary>Taiwan-only terms and over-conversion errors of Simplified→Traditional conversion.</summary>
    public static ConversionTerms Conversion => ConversionLazy.Value;

    /// <summary>Terms from <c>conversion_terms.txt</c>; <see cref="IsOverConversion"/> tells the two kinds apart.</summary>
    public sealed class ConversionTerms(PhraseMatcher matcher, bool[] overConversion)
    {
        public PhraseMatcher Matcher { get; } = matcher;

        /// <summary>True for an error that is wrong in any script (皇後); false for a Taiwan term (硬體).</summary>
        public bool IsOverConversion(int pattern) => overConversion[pattern];
    }

    /// <summary>Column <paramref name="index"/> of a tab-separated data file, one entry per line.</summary>
    private static List<string> Column(string file, int index)
    {
        var values = new List<string>();
        foreach (string line in DataFiles.ReadLines(file))
        {
            string[] fields = line.Split('\t');
            if (fields.Length <= index || fields[index].Length == 0)
                throw new InvalidDataException($"{file}: line '{line}' has no column {index + 1}");
            values.Add(fields[index]);
        }
        return values;
    }

    private static (PhraseMatcher, TermHashSet) LoadBoilerplate()
    {
        var anywhere = new List<string>();
        var wholeLine = new List<string>();
        foreach (string line in DataFiles.ReadLines("boilerplate_phrases.txt"))
        {
            int tab = line.IndexOf('\t');
            if (tab <= 0 || tab == line.Length - 1)
                throw new InvalidDataException($"boilerplate_phrases.txt: line '{line}' is not category<TAB>phrase");
            (line.StartsWith("line:", StringComparison.Ordinal) ? wholeLine : anywhere).Add(line[(tab + 1)..]);
        }
        return (new PhraseMatcher(anywhere), TermHashSet.OfTerms(wholeLine));
    }

    private static ConversionTerms LoadConversionTerms()
    {
        var terms = new List<string>();
        var over = new List<bool>();
        foreach (string line in DataFiles.ReadLines("conversion_terms.txt"))
        {
            int tab = line.IndexOf('\t');
            terms.Add(line[(tab + 1)..]);
            over.Add(line.AsSpan(0, tab).SequenceEqual("over"));
        }
        return new ConversionTerms(new PhraseMatcher(terms), [.. over]);
    }
}
