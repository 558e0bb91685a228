using CorpusQA.Classify.Scoring;
using CorpusQA.Core.Dedup;
using CorpusQA.IO;

namespace CorpusQA.Pipeline;

/// <summary>What <c>corpusqa audit</c> was asked to do.</summary>
internal sealed record AuditSettings
{
    public required IReadOnlyList<string> Inputs { get; init; }

    public required string OutDir { get; init; }

    public InputCorpusOptions Reading { get; init; } = new();

    public string? ConfigPath { get; init; }

    public int Threads { get; init; } = Environment.ProcessorCount;

    /// <summary>Null: no deduplication (--no-dedup).</summary>
    public DedupOptions? Dedup { get; init; }

    /// <summary>Write signals.parquet (audit).</summary>
    public bool WriteSignals { get; init; } = true;

    /// <summary>Write kept and removed outputs with the original records (filter); null: no filter outputs.</summary>
    public FilterOutputOptions? Filter { get; init; }

    /// <summary>The learned models to apply (null: --no-model).</summary>
    public ModelSet? Models { get; init; }

    /// <summary>"audit" or "filter", for messages and summary.json.</summary>
    public string CommandName { get; init; } = "audit";

    /// <summary>The options as given, recorded in summary.json.</summary>
    public Dictionary<string, object?> Recorded { get; init; } = new();
}
