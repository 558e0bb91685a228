using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Hmm;

namespace CorpusQA.Segmentation;

/// <summary>
/// A Chinese word segmenter that reproduces Python jieba 0.42.1 token for token: the prefix
/// dictionary DAG with the maximum-probability route, the BMES HMM for runs of unknown characters,
/// and jieba's accurate, full (<c>cut_all</c>) and search (<c>cut_for_search</c>) modes.
/// </summary>
/// <remarks>
/// Thread-safe: any number of threads may cut with one instance, also while another thread changes
/// its dictionary (a change publishes a new immutable snapshot; a cut works on the snapshot it
/// started with). Instances are independent: the default dictionary is shared read-only, and each
/// instance keeps its own additions, deletions and <c>total</c>. Offsets are UTF-16 code units.
/// See docs/known-deviations.md for the few deliberate differences from Python jieba.
/// </remarks>
public sealed partial class JiebaSegmenter
{
    private readonly BaseTrie _base;
    private readonly HmmModel _hmm;
    private volatile DictionarySnapshot _snapshot;

    private JiebaSegmenter(BaseTrie baseTrie, HmmModel hmm)
    {
        _base = baseTrie;
        _hmm = hmm;
        _total = baseTrie.Total;
        _snapshot = new DictionarySnapshot(baseTrie, null, _total, null);
    }

    /// <summary>
    /// A segmenter on jieba's default dictionary (349,046 words) and HMM. The embedded data is
    /// loaded once per process, on the first call; every call returns a new, independent instance.
    /// </summary>
    public static JiebaSegmenter CreateDefault() => new(DefaultResources.Trie, DefaultResources.Hmm);

    /// <summary>
    /// SHA-256 (lower-case hex) of the embedded default dictionary and HMM tables: models trained on this
    /// segmenter's tokens record it, so that a model is never applied to tokens of another dictionary.
    /// </summary>
    public static string DefaultDictionaryHash => DefaultResources.Hash;

    /// <summary>
    /// Segments <paramref name="text"/>, appending one span per token to <paramref name="output"/>
    /// in jieba's order. Allocates nothing once the thread's buffers and <paramref name="output"/>
    /// have grown to fit. In <see cref="CutMode.Full"/> and <see cref="CutMode.Search"/> spans may overlap.
    /// </summary>
    /// <param name="text">The text; offsets of the spans index into it.</param>
    /// <param name="output">Receives the tokens; it is appended to, not cleared.</param>
    /// <param name="mode">Accurate (<c>cut</c>), full (<c>cut_all=True</c>) or search (<c>cut_for_search</c>).</param>
    /// <param name="hmm">Re-cut runs of unknown single characters with the HMM (jieba's <c>HMM=True</c>); ignored by <see cref="CutMode.Full"/>.</param>
    public void Cut(ReadOnlySpan<char> text, List<TokenSpan> output, CutMode mode = CutMode.Accurate, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(output);
        SegmentationEngine.Cut(_snapshot, _hmm, text, output, mode, hmm, null);
    }

    /// <summary>
    /// The tokens as strings, exactly as <c>jieba.lcut</c> / <c>lcut(cut_all=True)</c> /
    /// <c>lcut_for_search</c> return them (minus the empty strings <c>cut_all</c> yields).
    /// </summary>
    public List<string> Cut(string text, CutMode mode = CutMode.Accurate, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        var spans = new List<TokenSpan>();
        List<int>? joins = mode == CutMode.Full ? [] : null;
        SegmentationEngine.Cut(_snapshot, _hmm, text, spans, mode, hmm, joins);
        var words = new List<string>(spans.Count);
        int nextJoin = 0;
        for (int i = 0; i < spans.Count; i++)
        {
            string word = text.Substring(spans[i].Start, spans[i].Length);
            while (joins is not null && nextJoin < joins.Count && joins[nextJoin] == i)
            {
                // cut_all glued non-adjacent letter runs into one token; so do we, here.
                i++;
                nextJoin++;
                word += text.Substring(spans[i].Start, spans[i].Length);
            }
            words.Add(word);
        }
        return words;
    }

    /// <summary>
    /// <c>jieba.tokenize</c>: each token with its start and exclusive end offset, in UTF-16 code units.
    /// <see cref="CutMode.Accurate"/> is jieba's <c>mode="default"</c>, <see cref="CutMode.Search"/> its
    /// <c>mode="search"</c>; jieba has no full-mode tokenize, so <see cref="CutMode.Full"/> is rejected.
    /// </summary>
    public IReadOnlyList<(string Word, int Start, int End)> Tokenize(string text, CutMode mode = CutMode.Accurate, bool hmm = true)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (mode == CutMode.Full)
        {
            throw new ArgumentException("jieba.tokenize has no full mode; use Cut with CutMode.Full for spans.", nameof(mode));
        }
        var spans = new List<TokenSpan>();
        SegmentationEngine.Cut(_snapshot, _hmm, text, spans, mode, hmm, null);
        var tokens = new (string Word, int Start, int End)[spans.Count];
        for (int i = 0; i < tokens.Length; i++)
        {
            TokenSpan s = spans[i];
            tokens[i] = (text.Substring(s.Start, s.Length), s.Start, s.End);
        }
        return tokens;
    }

    /// <summary>
    /// jieba's <c>FREQ.get(word)</c>: the word's frequency, 0 for a key that is only a prefix of words
    /// (or was deleted), null when the dictionary has no such key.
    /// </summary>
    public int? GetFrequency(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        DictionarySnapshot dict = _snapshot;
        int node = word.Length == 0 ? BaseTrie.NoNode : dict.Find(word);
        return node < 0 ? null : dict.Frequency(node);
    }

    /// <summary>The part-of-speech tag given to <paramref name="word"/> by <see cref="AddWord"/> or a user dictionary, if any.</summary>
    public string? GetTag(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        lock (_mutationLock)
        {
            return _tags.GetValueOrDefault(word);
        }
    }

    /// <summary>jieba's <c>total</c>: the sum of all frequencies ever added (it only grows, as in jieba).</summary>
    internal long Total => _snapshot.Total;
}
