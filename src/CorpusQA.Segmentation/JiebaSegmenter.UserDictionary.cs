using System.Text;
using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation;

// Dictionary changes: jieba's add_word, del_word, suggest_freq and load_userdict. They run under
// one lock per instance against a working view, then publish a fresh snapshot for cuts.
public sealed partial class JiebaSegmenter
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    private readonly Lock _mutationLock = new();
    private readonly HashSet<string> _forceSplit = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _tags = new(StringComparer.Ordinal);
    private UserOverlay? _overlay;
    private long _total;

    /// <summary>
    /// <c>add_word</c>: sets the word's frequency (default: <see cref="SuggestFreq(string, bool)"/>, enough
    /// for the word to be cut out), adds it to <c>total</c>, and registers its prefixes. A frequency of
    /// 0 also makes the HMM split the word into characters, for good, as jieba does.
    /// </summary>
    /// <remarks>
    /// Each call publishes a new snapshot, which copies this instance's user words; to add many
    /// words use <see cref="LoadUserDictionary(TextReader)"/>, which publishes once.
    /// </remarks>
    public void AddWord(string word, int? freq = null, string? tag = null)
    {
        lock (_mutationLock)
        {
            AddWordLocked(word, freq, tag);
            Publish();
        }
    }

    /// <summary><c>del_word</c>: <see cref="AddWord"/> with frequency 0.</summary>
    public void DeleteWord(string word) => AddWord(word, 0);

    /// <summary>
    /// <c>suggest_freq(segment, tune)</c> for a whole word: the frequency that makes it be cut as one
    /// token (HMM aside); with <paramref name="tune"/> the word is also added with that frequency.
    /// </summary>
    public int SuggestFreq(string segment, bool tune = false)
    {
        ArgumentNullException.ThrowIfNull(segment);
        lock (_mutationLock)
        {
            int freq = SuggestWholeLocked(segment);
            if (tune)
            {
                AddWordLocked(segment, freq, null);
                Publish();
            }
            return freq;
        }
    }

    /// <summary>
    /// <c>suggest_freq(tuple_of_segments, tune)</c>: the frequency that makes the concatenation be cut
    /// into these segments; with <paramref name="tune"/> the concatenation is added with it.
    /// </summary>
    public int SuggestFreq(IReadOnlyList<string> segments, bool tune = false)
    {
        ArgumentNullException.ThrowIfNull(segments);
        lock (_mutationLock)
        {
            DictionarySnapshot dict = WorkingView();
            double ftotal = _total;
            double freq = 1;
            foreach (string seg in segments)
            {
                freq *= dict.FrequencyOr(seg, 1) / ftotal;
            }
            string word = string.Concat(segments);
            int result = checked((int)Math.Min((long)(freq * _total), dict.FrequencyOr(word, 0)));
            if (tune)
            {
                AddWordLocked(word, result, null);
                Publish();
            }
            return result;
        }
    }

    /// <summary>
    /// <c>load_userdict(path)</c>: one <c>word [freq] [tag]</c> per line, UTF-8, read as jieba reads a
    /// path (bytes stripped of ASCII whitespace, then a leading BOM dropped). Words without a
    /// frequency get <see cref="SuggestFreq(string, bool)"/> as of the lines before them.
    /// </summary>
    public void LoadUserDictionary(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        byte[] data = File.ReadAllBytes(path);
        lock (_mutationLock)
        {
            try
            {
                int lineStart = 0;
                while (lineStart < data.Length)
                {
                    int newline = Array.IndexOf(data, (byte)'\n', lineStart);
                    int lineEnd = newline < 0 ? data.Length : newline + 1;
                    string line;
                    try
                    {
                        line = StrictUtf8.GetString(TrimAsciiWhitespace(data.AsSpan(lineStart, lineEnd - lineStart))).TrimStart('\uFEFF');
                    }
                    catch (DecoderFallbackException e)
                    {
                        throw new InvalidDataException($"dictionary file {path} must be utf-8", e);
                    }
                    AddUserLineLocked(line);
                    lineStart = lineEnd;
                }
            }
            finally
            {
                Publish();
            }
        }
    }

    /// <summary>
    /// <c>load_userdict(file_object)</c> for an already decoded text: each line stripped of Python
    /// whitespace (<c>str.strip()</c>), no BOM handling (the reader's decoder owns that).
    /// </summary>
    public void LoadUserDictionary(TextReader reader)
    {
        ArgumentNullException.ThrowIfNull(reader);
        lock (_mutationLock)
        {
            try
            {
                while (reader.ReadLine() is { } line)
                {
                    AddUserLineLocked(StripPythonWhitespace(line));
                }
            }
            finally
            {
                Publish();
            }
        }
    }

    private void AddUserLineLocked(string line)
    {
        if (line.Length == 0)
        {
            return;
        }
        UserDictionaryLine entry = UserDictionaryLine.Parse(line);
        int? freq = entry.Frequency is null ? null : int.Parse(entry.Frequency, System.Globalization.CultureInfo.InvariantCulture);
        AddWordLocked(entry.Word, freq, entry.Tag);
    }

    private void AddWordLocked(string word, int? freq, string? tag)
    {
        ArgumentException.ThrowIfNullOrEmpty(word);
        if (freq < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(freq), freq, "a word frequency cannot be negative (jieba would fail on log of it)");
        }
        int f = freq ?? SuggestWholeLocked(word);
        _overlay ??= new UserOverlay(_base);
        _overlay.Set(word, f);
        _total = checked(_total + f);
        if (!string.IsNullOrEmpty(tag))
        {
            _tags[word] = tag;
        }
        if (f == 0)
        {
            _forceSplit.Add(word);
        }
    }

    private int SuggestWholeLocked(string word)
    {
        DictionarySnapshot dict = WorkingView();
        double ftotal = _total;
        double freq = 1;
        var segments = new List<TokenSpan>();
        SegmentationEngine.Cut(dict, _hmm, word, segments, CutMode.Accurate, hmm: false, null);
        foreach (TokenSpan seg in segments)
        {
            freq *= dict.FrequencyOr(seg.Of(word), 1) / ftotal;
        }
        return checked((int)Math.Max((long)(freq * _total) + 1, dict.FrequencyOr(word, 1)));
    }

    /// <summary>The dictionary as it stands inside the lock; shares the mutable overlay, so it never leaves the lock.</summary>
    private DictionarySnapshot WorkingView() => new(_base, _overlay, _total, _forceSplit);

    private void Publish() =>
        _snapshot = new DictionarySnapshot(_base, _overlay?.Clone(), _total,
                                           _forceSplit.Count == 0 ? null : new HashSet<string>(_forceSplit, StringComparer.Ordinal));

    /// <summary>Python's <c>bytes.strip()</c>: space, \t, \n, \r, \v, \f.</summary>
    private static ReadOnlySpan<byte> TrimAsciiWhitespace(ReadOnlySpan<byte> s)
    {
        static bool IsSpace(byte b) => b == ' ' || (b >= '\t' && b <= '\r');
        int start = 0, end = s.Length;
        while (start < end && IsSpace(s[start]))
        {
            start++;
        }
        while (end > start && IsSpace(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }

    /// <summary>Python's <c>str.strip()</c>.</summary>
    private static string StripPythonWhitespace(string s)
    {
        int start = 0, end = s.Length;
        while (start < end && CharClass.IsPythonWhitespace(s[start]))
        {
            start++;
        }
        while (end > start && CharClass.IsPythonWhitespace(s[end - 1]))
        {
            end--;
        }
        return s[start..end];
    }
}
