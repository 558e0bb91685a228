namespace CorpusQA.Pipeline.Stages;

/// <summary>One document's final outcome in a sharded run: its analyzed row, dedup columns and verdict.</summary>
internal sealed record DocumentVerdict(long Index, AuditRow Row, string File, ResolvedDedup? Dedup, bool Keep, List<string> Reasons);

/// <summary>
/// A shard's documents with their final verdicts, from the analyze and cluster stages' files (no corpus read): the
/// apply stage and the merge stage both take rows from here, so both decide exactly as the one-process audit.
/// </summary>
internal static class ShardVerdicts
{
    public static IEnumerable<DocumentVerdict> Read(StageContext run, int shard, long firstIndex)
    {
        using var dedup = run.Settings.Dedup is null ? null : ClustersStage.ReadShard(run.Layout, shard).GetEnumerator();
        long index = firstIndex;
        foreach (var row in AuditRowFile.ReadAll(Path.Combine(run.Layout.Analyze(shard), AnalyzeStage.RowsFile)))
        {
            ResolvedDedup? record = null;
            if (dedup is not null)
            {
                if (!dedup.MoveNext()) throw new InvalidDataException($"{ClustersStage.ShardFile(run.Layout, shard)}: fewer records than the shard's rows");
                record = dedup.Current;
            }

            var reasons = new List<string>();
            bool keep = SignalsTable.Decide(row, record?.DropReason, reasons);
            yield return new DocumentVerdict(index++, row, run.Plan.Files[row.FileIndex], record, keep, reasons);
        }
    }
}
