using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation.Hmm;

/// <summary>
/// <c>jieba.finalseg.cut</c>: splits a run of unknown single characters into CJK runs, cut by the
/// Viterbi BMES tagger, and the rest, cut by <c>re_skip = ([a-zA-Z0-9]+(?:\.\d+)?%?)</c>.
/// </summary>
internal static class FinalSeg
{
    /// <summary>Cuts <c>text[start..end)</c>, appending spans (absolute offsets) to <paramref name="output"/>.</summary>
    internal static void Cut(HmmModel model, DictionarySnapshot dict, ReadOnlySpan<char> text, int start, int end,
                             List<TokenSpan> output, Scratch scratch)
    {
        int i = start;
        while (i < end)
        {
            int j = i + 1;
            if (CharClass.IsCjk(text[i]))
            {
                while (j < end && CharClass.IsCjk(text[j]))
                {
                    j++;
                }
                CutCjk(model, dict, text, i, j, output, scratch);
            }
            else
            {
                while (j < end && !CharClass.IsCjk(text[j]))
                {
                    j++;
                }
                CutSkip(text, i, j, output);
            }
            i = j;
        }
    }

    /// <summary><c>re_skip.split(blk)</c> keeping non-empty pieces: the matches and the text between them.</summary>
    private static void CutSkip(ReadOnlySpan<char> text, int start, int end, List<TokenSpan> output)
    {
        int pending = start;
        int i = start;
        while (i < end)
        {
            if (!CharClass.IsAsciiAlphanumeric(text[i]))
            {
                i++;
                continue;
            }
            int m = i + 1;
            while (m < end && CharClass.IsAsciiAlphanumeric(text[m]))
            {
                m++;
            }
            // (?:\.\d+)? — the input comes from a han block, so \d can only meet ASCII digits.
            if (m + 1 < end && text[m] == '.' && char.IsAsciiDigit(text[m + 1]))
            {
                m += 2;
                while (m < end && char.IsAsciiDigit(text[m]))
                {
                    m++;
                }
            }
            if (m < end && text[m] == '%')
            {
                m++;
            }
            if (pending < i)
            {
                output.Add(new TokenSpan(pending, i - pending));
            }
            output.Add(new TokenSpan(i, m - i));
            i = pending = m;
        }
        if (pending < end)
        {
            output.Add(new TokenSpan(pending, end - pending));
        }
    }

    /// <summary><c>finalseg.__cut</c> followed by the <c>Force_Split_Words</c> check of <c>finalseg.cut</c>.</summary>
    private static void CutCjk(HmmModel model, DictionarySnapshot dict, ReadOnlySpan<char> text, int start, int end,
                               List<TokenSpan> output, Scratch scratch)
    {
        int n = end - start;
        Span<byte> states = scratch.States(n);
        Viterbi.Decode(model, text[start..end], states, scratch.BackPointers(n * 4));
        HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? forceSplit = dict.ForceSplit?.GetAlternateLookup<ReadOnlySpan<char>>();
        int begin = 0, next = 0;
        for (int i = 0; i < n; i++)
        {
            switch (states[i])
            {
                case HmmModel.B:
                    begin = i;
                    break;
                case HmmModel.E:
                    Emit(text, start + begin, i + 1 - begin, output, forceSplit);
                    next = i + 1;
                    break;
                case HmmModel.S:
                    Emit(text, start + i, 1, output, forceSplit);
                    next = i + 1;
                    break;
            }
        }
        if (next < n)
        {
            Emit(text, start + next, n - next, output, forceSplit);
        }
    }

    private static void Emit(ReadOnlySpan<char> text, int start, int length, List<TokenSpan> output,
                             HashSet<string>.AlternateLookup<ReadOnlySpan<char>>? forceSplit)
    {
        if (length > 1 && forceSplit is { } lookup && lookup.Contains(text.Slice(start, length)))
        {
            for (int k = 0; k < length; k++)
            {
                output.Add(new TokenSpan(start + k, 1));
            }
            return;
        }
        output.Add(new TokenSpan(start, length));
    }
}
