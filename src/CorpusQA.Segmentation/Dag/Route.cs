using CorpusQA.Segmentation.Dictionary;

namespace CorpusQA.Segmentation.Dag;

/// <summary>
/// jieba's <c>get_DAG</c> + <c>calc</c> fused: walking right to left, the words starting at each
/// position are found by walking the trie forward, and the best route is chosen at once, so the DAG
/// is never stored.
/// </summary>
internal static class Route
{
    /// <summary>
    /// Fills <paramref name="bestEnd"/>[i] with the inclusive end of the word the best route takes at
    /// i (<c>route[i][1]</c>); <paramref name="prob"/> needs <c>block.Length + 1</c> slots.
    /// </summary>
    internal static void Calc(DictionarySnapshot dict, ReadOnlySpan<char> block, Span<double> prob, Span<int> bestEnd)
    {
        int n = block.Length;
        double logTotal = dict.LogTotal;
        prob[n] = 0;
        for (int idx = n - 1; idx >= 0; idx--)
        {
            int node = dict.RootChild(block[idx]);
            int bestX = -1;
            double best = 0;
            int x = idx;
            while (node >= 0)
            {
                double logFreq = dict.LogFrequency(node);
                if (logFreq >= 0)
                {
                    // log(FREQ[w]) - logtotal + route[x+1][0], in Python's evaluation order.
                    double p = (logFreq - logTotal) + prob[x + 1];
                    // max() over (prob, x) tuples: on equal prob the larger x wins, and x only grows here.
                    if (bestX < 0 || p >= best)
                    {
                        best = p;
                        bestX = x;
                    }
                }
                if (++x >= n)
                {
                    break;
                }
                node = dict.Child(node, block[x]);
            }
            if (bestX < 0)
            {
                // No word starts here: DAG[idx] = [idx] and FREQ.get(char) or 1 is 1, log(1) = 0.
                bestX = idx;
                best = (0.0 - logTotal) + prob[idx + 1];
            }
            prob[idx] = best;
            bestEnd[idx] = bestX;
        }
    }

    /// <summary><c>get_DAG(sentence)[k]</c>: the inclusive ends of the words starting at k, or just k.</summary>
    internal static int WordEnds(DictionarySnapshot dict, ReadOnlySpan<char> block, int k, int[] ends)
    {
        int count = 0;
        int node = dict.RootChild(block[k]);
        int x = k;
        while (node >= 0)
        {
            if (dict.LogFrequency(node) >= 0)
            {
                ends[count++] = x;
            }
            if (++x >= block.Length)
            {
                break;
            }
            node = dict.Child(node, block[x]);
        }
        if (count == 0)
        {
            ends[count++] = k;
        }
        return count;
    }
}
