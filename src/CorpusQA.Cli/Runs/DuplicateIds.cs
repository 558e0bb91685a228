using System.IO.Hashing;
using System.Runtime.InteropServices;

namespace CorpusQA.Cli.Runs;

/// <summary>
/// Counts documents whose id an earlier document already had, in 8 bytes per document (a 64-bit hash of each id,
/// sorted at the end; a false match needs a hash collision, about n²/2⁶⁵). Ids that are row indices (inputs without
/// an id) are not counted: they repeat in every file by design.
/// </summary>
internal sealed class DuplicateIds
{
    private readonly List<ulong> _hashes = [];

    public void Add(CorpusQA.Core.Documents.Document document)
    {
        if (document.IdIsRowIndex) return;
        _hashes.Add(XxHash3.HashToUInt64(MemoryMarshal.AsBytes(document.Id.AsSpan())));
    }

    /// <summary>Documents beyond the first with each id (call once, after the last document).</summary>
    public long Count()
    {
        var hashes = CollectionsMarshal.AsSpan(_hashes);
        hashes.Sort();
        long duplicates = 0;
        for (int i = 1; i < hashes.Length; i++)
            if (hashes[i] == hashes[i - 1]) duplicates++;
        return duplicates;
    }

    /// <summary>The one warning line, or nothing when the ids are unique.</summary>
    public static void Warn(CliContext context, long duplicates)
    {
        if (duplicates == 0) return;
        context.Error.WriteLine($"corpusqa: warning: {Counted.Of(duplicates, "document")} {(duplicates == 1 ? "repeats" : "repeat")} the id of an earlier document " +
            "(ids are not unique; outputs name documents by doc_index, source_file and row_index too)");
    }
}
