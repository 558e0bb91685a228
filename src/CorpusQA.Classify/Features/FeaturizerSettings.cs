using System.Text.Json.Serialization;

namespace CorpusQA.Classify.Features;

/// <summary>
/// Everything that decides a document's feature vector; stored in every model bundle, so that scoring rebuilds
/// exactly the features the model was trained on.
/// </summary>
public sealed record FeaturizerSettings
{
    /// <summary>The featurizer's algorithm version; a bundle made by another version is refused.</summary>
    public const string CurrentVersion = "corpusqa-features-1";

    [JsonPropertyName("version")]
    public string Version { get; init; } = CurrentVersion;

    /// <summary>SHA-256 of the segmenter dictionary and HMM whose tokens the word features hash.</summary>
    [JsonPropertyName("dictionary_sha256")]
    public string DictionaryHash { get; init; } = "";

    /// <summary>Script-count features (<see cref="ScriptShares"/>): letters per writing system, English-word share, length class.</summary>
    [JsonPropertyName("script_shares")]
    public bool ScriptShares { get; init; } = true;

    /// <summary>Hashed jieba word unigrams.</summary>
    [JsonPropertyName("word_unigrams")]
    public bool WordUnigrams { get; init; } = true;

    /// <summary>Hashed jieba word bigrams.</summary>
    [JsonPropertyName("word_bigrams")]
    public bool WordBigrams { get; init; } = true;

    /// <summary>Buckets of the word group: 2^bits.</summary>
    [JsonPropertyName("word_bits")]
    public int WordBits { get; init; } = 18;

    /// <summary>Shortest character n-gram (0: no character n-grams).</summary>
    [JsonPropertyName("char_ngram_min")]
    public int CharNGramMin { get; init; } = 1;

    /// <summary>Longest character n-gram.</summary>
    [JsonPropertyName("char_ngram_max")]
    public int CharNGramMax { get; init; } = 3;

    /// <summary>Character n-grams are hashed over the lower-cased text (ENVIRONMENT and environment are one word).</summary>
    [JsonPropertyName("char_case_fold")]
    public bool CharCaseFold { get; init; } = true;

    /// <summary>Buckets of the character n-gram group: 2^bits.</summary>
    [JsonPropertyName("char_bits")]
    public int CharBits { get; init; } = 18;

    /// <summary>Only the first this many characters (and their tokens) are featurized: a bounded cost per document.</summary>
    [JsonPropertyName("max_chars")]
    public int MaxChars { get; init; } = 100_000;

    /// <summary>The numeric signals, in vector order, with the scaling fitted on the training data.</summary>
    [JsonPropertyName("signals")]
    public IReadOnlyList<SignalScaling> Signals { get; init; } = [];

    /// <summary>The dense features in front: the signals, then the script shares.</summary>
    [JsonIgnore]
    public int DenseCount => Signals.Count + (ScriptShares ? Features.ScriptShares.Count : 0);

    [JsonIgnore]
    public bool HasWords => WordUnigrams || WordBigrams;

    [JsonIgnore]
    public bool HasChars => CharNGramMin >= 1 && CharNGramMax >= CharNGramMin;

    /// <summary>Length of the feature vector: signals, script shares, then the word buckets, then the character buckets.</summary>
    [JsonIgnore]
    public int Dimension => DenseCount + (HasWords ? 1 << WordBits : 0) + (HasChars ? 1 << CharBits : 0);
}

/// <summary>
/// One numeric signal's scaling: x = sign(v)·ln(1+|v|) when <see cref="Log"/>, else v; then (x − mean) / std,
/// clamped to ±<see cref="SignalScaler.Clamp"/>.
/// </summary>
public sealed record SignalScaling(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("log")] bool Log,
    [property: JsonPropertyName("mean")] double Mean,
    [property: JsonPropertyName("std")] double Std);
