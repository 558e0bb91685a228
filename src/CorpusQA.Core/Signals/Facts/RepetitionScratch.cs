namespace CorpusQA.Core.Signals.Facts;

/// <summary>
/// Per-position scratch shared by the token n-gram pass and the character 13-gram pass of <see cref="RepetitionFacts"/>,
/// which run one after the other: a hash, a position and a counter slot per token (or per character window). On a huge
/// document these arrays are, after the counter, the largest working memory, so they exist once (16 bytes per
/// position). Grown, never shrunk, like every scratch of a <see cref="Documents.DocView"/>.
/// </summary>
internal sealed class RepetitionScratch
{
    public ulong[] Hashes { get; private set; } = new ulong[1024];

    public int[] Positions { get; private set; } = new int[1024];

    public int[] Slots { get; private set; } = new int[1024];

    /// <summary>Makes every array hold at least <paramref name="positions"/> entries (old contents are not kept).</summary>
    public void Ensure(int positions)
    {
        if (Hashes.Length >= positions) return;
        int size = Math.Max(positions, Hashes.Length * 2);
        // Drop the old arrays first, so that the garbage collector may reuse their memory for the new ones.
        (Hashes, Positions, Slots) = ([], [], []);
        Hashes = new ulong[size];
        Positions = new int[size];
        Slots = new int[size];
    }
}
