using System.Text.Json;
using System.Text.Json.Serialization;

namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// DIR/plan.json: what a sharded audit does. The audit's own command-line options are kept as given
/// (<see cref="AuditArguments"/>), so every stage task builds exactly the settings <c>corpusqa audit</c> would;
/// the input files are split into contiguous shards in input order (balanced by bytes), so that shard order is
/// document order and the global document index is the shards' counts added up.
/// </summary>
internal sealed record AuditPlan
{
    public const int Version = 1;

    [JsonPropertyName("version")] public int FormatVersion { get; init; } = Version;

    /// <summary>The audit options (everything but the inputs and --out), as `corpusqa audit` parses them.</summary>
    [JsonPropertyName("audit_arguments")] public required IReadOnlyList<string> AuditArguments { get; init; }

    /// <summary>filter's --output-format for the kept/removed files.</summary>
    [JsonPropertyName("output_format")] public string OutputFormat { get; init; } = "auto";

    /// <summary>Every input file, in reading order (as `audit` resolves the inputs).</summary>
    [JsonPropertyName("files")] public required IReadOnlyList<string> Files { get; init; }

    /// <summary>Shard k reads Files[ShardStarts[k] .. ShardStarts[k+1]).</summary>
    [JsonPropertyName("shard_starts")] public required IReadOnlyList<int> ShardStarts { get; init; }

    /// <summary>Bucket tasks; each buckets a contiguous group of the LSH bands.</summary>
    [JsonPropertyName("band_groups")] public int BandGroups { get; init; } = 1;

    [JsonPropertyName("created_utc")] public DateTime CreatedUtc { get; init; } = DateTime.UtcNow;

    [JsonIgnore] public int Shards => ShardStarts.Count - 1;

    public IReadOnlyList<string> ShardFiles(int shard) => [.. Files.Skip(ShardStarts[shard]).Take(ShardStarts[shard + 1] - ShardStarts[shard])];

    /// <summary>
    /// Splits <paramref name="files"/> into at most <paramref name="shards"/> contiguous non-empty groups of near-equal
    /// bytes (a file is never split: a shard is whole files).
    /// </summary>
    public static IReadOnlyList<int> Split(IReadOnlyList<string> files, int shards)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(shards, 1);
        var sizes = files.Select(f => Math.Max(1, new FileInfo(f).Length)).ToArray();
        long total = sizes.Sum(), seen = 0;
        var starts = new List<int> { 0 };
        for (int i = 0; i < files.Count; i++)
        {
            seen += sizes[i];
            int left = files.Count - (i + 1), open = shards - starts.Count;
            bool cut = i + 1 < files.Count && open > 0 && (seen * shards >= total * starts.Count || left <= open);
            if (cut) starts.Add(i + 1);
        }
        starts.Add(files.Count);
        return starts;
    }

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    public async Task WriteAsync(string path) =>
        await OutputFiles.WriteAsync(path, stream => JsonSerializer.SerializeAsync(stream, this, Json));

    public static AuditPlan Read(string path)
    {
        if (!File.Exists(path)) throw new CorpusQA.Core.Documents.CorpusInputException(path, null, "no plan here: run 'corpusqa slurm plan' first");
        var plan = JsonSerializer.Deserialize<AuditPlan>(File.ReadAllBytes(path), Json)
            ?? throw new CorpusQA.Core.Documents.CorpusInputException(path, null, "empty plan");
        if (plan.FormatVersion != Version) throw new CorpusQA.Core.Documents.CorpusInputException(path, null, $"plan version {plan.FormatVersion}, expected {Version}");
        return plan;
    }
}
