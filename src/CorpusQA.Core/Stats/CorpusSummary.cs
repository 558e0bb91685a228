using System.Text.Json;

namespace CorpusQA.Core.Stats;

/// <summary>
/// Run-level statistics of an audit: document and byte counts, each signal's distribution, and how many documents
/// each drop reason removed. Fed one document at a time, in input order, so its output is deterministic.
/// </summary>
public sealed class CorpusSummary
{
    /// <summary>Quantiles reported for every signal.</summary>
    public static IReadOnlyList<double> ReportedQuantiles { get; } = [0.01, 0.05, 0.1, 0.25, 0.5, 0.75, 0.9, 0.95, 0.99];

    /// <summary>Equal-width histogram bins between each signal's min and max.</summary>
    public const int HistogramBins = 20;

    private readonly string[] _signalNames;
    private readonly DistributionSketch[] _sketches;
    private readonly SortedDictionary<string, long> _dropReasons = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, long> _documentsPerFile = new(StringComparer.Ordinal);
    private readonly SortedDictionary<string, SortedDictionary<string, long>> _categories = new(StringComparer.Ordinal);

    public CorpusSummary(IReadOnlyList<string> signalNames)
    {
        _signalNames = signalNames.ToArray();
        _sketches = _signalNames.Select(_ => new DistributionSketch()).ToArray();
    }

    public long Documents { get; private set; }

    public long Kept { get; private set; }

    public long Characters { get; private set; }

    public long Utf8Bytes { get; private set; }

    public long KeptUtf8Bytes { get; private set; }

    /// <summary>Documents whose id an earlier document already had (set by the run; ids are not required to be unique).</summary>
    public long DuplicateIds { get; set; }

    /// <summary>Documents removed per reason (a document with two reasons counts under both).</summary>
    public IReadOnlyDictionary<string, long> DropReasons => _dropReasons;

    public DistributionSketch Signal(int index) => _sketches[index];

    /// <summary>Adds one document's outcome; <paramref name="values"/> is in the order of the signal names.</summary>
    public void Add(string sourceFile, ReadOnlySpan<double> values, int characters, long utf8Bytes, bool keep, IReadOnlyList<string> dropReasons)
    {
        if (values.Length != _sketches.Length)
        {
            throw new ArgumentException($"expected {_sketches.Length} signal values, got {values.Length}", nameof(values));
        }

        Documents++;
        Characters += characters;
        Utf8Bytes += utf8Bytes;
        _documentsPerFile[sourceFile] = _documentsPerFile.TryGetValue(sourceFile, out var n) ? n + 1 : 1;
        if (keep)
        {
            Kept++;
            KeptUtf8Bytes += utf8Bytes;
        }

        foreach (var reason in dropReasons)
        {
            _dropReasons[reason] = _dropReasons.TryGetValue(reason, out var c) ? c + 1 : 1;
        }

        for (int i = 0; i < values.Length; i++)
        {
            _sketches[i].Add(values[i]);
        }
    }

    /// <summary>
    /// Replaces the character total. A replay (<c>rules apply</c>) restores the audit's count of UTF-16 code units,
    /// which signals.parquet does not hold per document (<c>char_count</c> counts code points).
    /// </summary>
    public void RestoreCharacters(long characters) => Characters = characters;

    /// <summary>Counts one document under <paramref name="value"/> of a categorical column (e.g. its script); null is "none".</summary>
    public void AddCategory(string column, string? value)
    {
        if (!_categories.TryGetValue(column, out var counts)) _categories[column] = counts = new(StringComparer.Ordinal);
        value ??= "none";
        counts[value] = counts.TryGetValue(value, out var n) ? n + 1 : 1;
    }

    /// <summary>Document counts per value of each categorical column.</summary>
    public IReadOnlyDictionary<string, SortedDictionary<string, long>> Categories => _categories;

    /// <summary>Adds another shard's summary (same signal names): counts, per-file and category counts and sketches
    /// merge exactly, so shards merged in input order write the same summary.json as one pass.</summary>
    public void Merge(CorpusSummary other)
    {
        if (!other._signalNames.SequenceEqual(_signalNames)) throw new ArgumentException("the summaries have different signals", nameof(other));
        Documents += other.Documents;
        Kept += other.Kept;
        Characters += other.Characters;
        Utf8Bytes += other.Utf8Bytes;
        KeptUtf8Bytes += other.KeptUtf8Bytes;
        foreach (var (file, n) in other._documentsPerFile) _documentsPerFile[file] = _documentsPerFile.GetValueOrDefault(file) + n;
        foreach (var (reason, n) in other._dropReasons) _dropReasons[reason] = _dropReasons.GetValueOrDefault(reason) + n;
        foreach (var (column, counts) in other._categories)
        {
            if (!_categories.TryGetValue(column, out var mine)) _categories[column] = mine = new(StringComparer.Ordinal);
            foreach (var (value, n) in counts) mine[value] = mine.GetValueOrDefault(value) + n;
        }
        for (int i = 0; i < _sketches.Length; i++) _sketches[i].Merge(other._sketches[i]);
    }

    /// <summary>The mergeable state (not summary.json): read back with <see cref="ReadState"/> and <see cref="Merge"/>d.</summary>
    public void WriteState(Utf8JsonWriter json)
    {
        json.WriteStartObject();
        json.WriteStartArray("signals");
        foreach (var name in _signalNames) json.WriteStringValue(name);
        json.WriteEndArray();
        json.WriteNumber("documents", Documents);
        json.WriteNumber("kept", Kept);
        json.WriteNumber("characters", Characters);
        json.WriteNumber("bytes", Utf8Bytes);
        json.WriteNumber("kept_bytes", KeptUtf8Bytes);
        WriteCounts(json, "documents_per_file", _documentsPerFile);
        WriteCounts(json, "drop_reasons", _dropReasons);
        json.WriteStartObject("categories");
        foreach (var (column, counts) in _categories) WriteCounts(json, column, counts);
        json.WriteEndObject();
        json.WriteStartArray("sketches");
        foreach (var sketch in _sketches) sketch.WriteState(json);
        json.WriteEndArray();
        json.WriteEndObject();
    }

    public static CorpusSummary ReadState(JsonElement state)
    {
        var summary = new CorpusSummary([.. state.GetProperty("signals").EnumerateArray().Select(e => e.GetString()!)])
        {
            Documents = state.GetProperty("documents").GetInt64(),
            Kept = state.GetProperty("kept").GetInt64(),
            Characters = state.GetProperty("characters").GetInt64(),
            Utf8Bytes = state.GetProperty("bytes").GetInt64(),
            KeptUtf8Bytes = state.GetProperty("kept_bytes").GetInt64(),
        };
        ReadCounts(state.GetProperty("documents_per_file"), summary._documentsPerFile);
        ReadCounts(state.GetProperty("drop_reasons"), summary._dropReasons);
        foreach (var column in state.GetProperty("categories").EnumerateObject())
            ReadCounts(column.Value, summary._categories[column.Name] = new(StringComparer.Ordinal));
        int i = 0;
        foreach (var sketch in state.GetProperty("sketches").EnumerateArray()) summary._sketches[i++] = DistributionSketch.ReadState(sketch);
        return summary;
    }

    private static void WriteCounts(Utf8JsonWriter json, string name, SortedDictionary<string, long> counts)
    {
        json.WriteStartObject(name);
        foreach (var (key, n) in counts) json.WriteNumber(key, n);
        json.WriteEndObject();
    }

    private static void ReadCounts(JsonElement counts, SortedDictionary<string, long> into)
    {
        foreach (var p in counts.EnumerateObject()) into[p.Name] = p.Value.GetInt64();
    }

    /// <summary>Writes summary.json: counts, per-signal distributions, drop reasons, and the caller's run metadata.</summary>
    public void WriteJson(Utf8JsonWriter json, IReadOnlyDictionary<string, object?> run)
    {
        json.WriteStartObject();
        json.WritePropertyName("run");
        JsonSerializer.Serialize(json, run);
        json.WriteStartObject("counts");
        json.WriteNumber("documents", Documents);
        json.WriteNumber("kept", Kept);
        json.WriteNumber("removed", Documents - Kept);
        json.WriteNumber("characters", Characters);
        json.WriteNumber("bytes", Utf8Bytes);
        json.WriteNumber("kept_bytes", KeptUtf8Bytes);
        json.WriteNumber("duplicate_ids", DuplicateIds);
        json.WriteEndObject();
        json.WriteStartObject("documents_per_file");
        foreach (var (file, count) in _documentsPerFile) json.WriteNumber(file, count);
        json.WriteEndObject();
        json.WriteStartObject("drop_reasons");
        foreach (var (reason, count) in _dropReasons.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal))
        {
            json.WriteNumber(reason, count);
        }

        json.WriteEndObject();
        if (_categories.Count > 0)
        {
            json.WriteStartObject("categories");
            foreach (var (column, counts) in _categories)
            {
                json.WriteStartObject(column);
                foreach (var (value, count) in counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)) json.WriteNumber(value, count);
                json.WriteEndObject();
            }
            json.WriteEndObject();
        }

        json.WriteStartObject("signals");
        for (int i = 0; i < _signalNames.Length; i++)
        {
            WriteDistribution(json, _signalNames[i], _sketches[i]);
        }

        json.WriteEndObject();
        json.WriteEndObject();
    }

    private static void WriteDistribution(Utf8JsonWriter json, string name, DistributionSketch sketch)
    {
        json.WriteStartObject(name);
        json.WriteNumber("count", sketch.Count);
        if (sketch.NonFiniteCount > 0) json.WriteNumber("non_finite", sketch.NonFiniteCount);
        if (sketch.Count > 0)
        {
            json.WriteNumber("min", Round(sketch.Min));
            json.WriteNumber("mean", Round(sketch.Mean));
            json.WriteNumber("max", Round(sketch.Max));
            json.WriteStartObject("percentiles");
            foreach (var q in ReportedQuantiles)
            {
                json.WriteNumber($"p{q * 100:0}", Round(sketch.Quantile(q)));
            }

            json.WriteEndObject();
            json.WriteStartObject("histogram");
            json.WriteNumber("lo", Round(sketch.Min));
            json.WriteNumber("hi", Round(sketch.Max));
            json.WriteStartArray("counts");
            foreach (var c in sketch.Histogram(HistogramBins)) json.WriteNumberValue(c);
            json.WriteEndArray();
            json.WriteEndObject();
        }

        json.WriteEndObject();
    }

    // Twelve significant digits keep summary.json readable and stable across platforms' last-bit differences.
    private static double Round(double v) => double.Parse(v.ToString("G12", System.Globalization.CultureInfo.InvariantCulture), System.Globalization.CultureInfo.InvariantCulture);
}
