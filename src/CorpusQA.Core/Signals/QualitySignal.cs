using CorpusQA.Core.Documents;

namespace CorpusQA.Core.Signals;

/// <summary>
/// A per-document quality measurement. <see cref="Name"/> is stable: it is the Parquet column, the report key and
/// the name rules refer to. <see cref="Compute"/> reads only the <see cref="DocView"/> and allocates nothing.
/// Every value is a double (counts included); an undefined ratio (empty denominator) is 0, never NaN.
/// </summary>
public abstract class QualitySignal(string name, SignalFamily family, string description, string source)
{
    /// <summary>snake_case identifier, unique in the registry.</summary>
    public string Name { get; } = name;

    /// <summary>The family the signal belongs to (size, script, encoding, repetition, lines, words, pii, perplexity).</summary>
    public SignalFamily Family { get; } = family;

    /// <summary>One-line definition.</summary>
    public string Description { get; } = description;

    /// <summary>Where the definition comes from.</summary>
    public string Source { get; } = source;

    /// <summary>The signal's value for one document.</summary>
    public abstract double Compute(DocView doc);

    /// <summary><paramref name="numerator"/> / <paramref name="denominator"/>, or 0 when the denominator is 0.</summary>
    protected static double Ratio(double numerator, double denominator) => denominator > 0 ? numerator / denominator : 0;
}

/// <summary>Signal families, in report order.</summary>
public enum SignalFamily
{
    Size,
    Script,
    Encoding,
    Repetition,
    Lines,
    Words,
    Pii,
    Perplexity,
}

/// <summary>Citations of the definitions the signals follow.</summary>
internal static class SignalSources
{
    public const string Gopher = "Gopher (Rae et al. 2021)";
    public const string FineWeb = "FineWeb (Penedo et al. 2024), datatrove FineWebQualityFilter";
    public const string FineWeb2 = "FineWeb-2 Mandarin config (cmn_Hani)";
    public const string RedPajama = "RedPajama-V2 quality signals";
    public const string ChineseWebText = "ChineseWebText (Chen et al. 2023)";
    public const string DataJuicer = "Data-Juicer (Chen et al. 2024)";
    public const string OpenCC = "CorpusQA, character tables from OpenCC";
    public const string Own = "CorpusQA";
    public const string CharLm = "CCNet (Wenzek et al. 2020) perplexity filtering; CorpusQA character LM (docs/lm.md)";
}
