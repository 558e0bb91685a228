using CorpusQA.Core.Text;

namespace CorpusQA.Core.Tests.Text;

public class TermHashSetTests
{
    [Fact]
    public void Agrees_with_HashSet_on_random_and_colliding_keys()
    {
        var random = new Random(11);
        var members = new List<ulong> { 0, 1, 2, 1UL << 32, ulong.MaxValue };
        for (int i = 0; i < 700; i++) members.Add((ulong)random.NextInt64());
        members.Add(members[10]); // duplicates are fine
        var set = new TermHashSet(members);
        var reference = new HashSet<ulong>(members);

        Assert.Equal(reference.Count, set.Count);
        foreach (ulong key in members) Assert.True(set.Contains(key));
        for (int i = 0; i < 5000; i++)
        {
            ulong probe = i % 2 == 0 ? (ulong)random.NextInt64() : (ulong)i << 32; // high-bit-only keys probe folding
            Assert.Equal(reference.Contains(probe), set.Contains(probe));
        }
    }

    [Fact]
    public void Zero_is_a_member_only_when_added()
    {
        Assert.False(new TermHashSet([5, 6]).Contains(0));
        Assert.True(new TermHashSet([0, 5]).Contains(0));
        Assert.True(TermHashSet.OfTerms(["的", "了"]).Contains(TextHash.Of("的")));
        Assert.False(TermHashSet.OfTerms(["的", "了"]).Contains(TextHash.Of("是")));
    }
}
