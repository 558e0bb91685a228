using CorpusQA.Segmentation.Dag;
using CorpusQA.Segmentation.Dictionary;
using CorpusQA.Segmentation.Hmm;
using CorpusQA.Segmentation.Text;

namespace CorpusQA.Segmentation;

/// <summary>
/// <c>Tokenizer.cut</c> and <c>cut_for_search</c>: the text is split into han blocks
/// (<c>re_han_default</c>), cut by the DAG, and the rest, split on <c>re_skip_default =
/// (\r\n|\s)</c>. Outside han blocks accurate mode yields one token per Python character (a
/// surrogate pair is one token), full mode one token per run of non-space characters.
/// </summary>
internal static class SegmentationEngine
{
    internal static void Cut(DictionarySnapshot dict, HmmModel model, ReadOnlySpan<char> text, List<TokenSpan> output,
                             CutMode mode, bool hmm, List<int>? joins)
    {
        Scratch scratch = Scratch.Current;
        if (mode == CutMode.Search)
        {
            List<TokenSpan> words = scratch.Words;
            words.Clear();
            CutBlocks(dict, model, text, words, CutMode.Accurate, hmm, null, scratch);
            ExpandForSearch(dict, text, words, output);
            words.Clear();
            return;
        }
        CutBlocks(dict, model, text, output, mode, hmm, joins, scratch);
    }

    private static void CutBlocks(DictionarySnapshot dict, HmmModel model, ReadOnlySpan<char> text, List<TokenSpan> output,
                                  CutMode mode, bool hmm, List<int>? joins, Scratch scratch)
    {
        int i = 0;
        while (i < text.Length)
        {
            int j = i + 1;
            if (CharClass.IsHanBlock(text[i]))
            {
                while (j < text.Length && CharClass.IsHanBlock(text[j]))
                {
                    j++;
                }
                if (mode == CutMode.Full)
                {
                    FullCut.Cut(dict, text, i, j, output, joins, scratch);
                }
                else
                {
                    AccurateCut.Cut(dict, model, text, i, j, hmm, output, scratch);
                }
            }
            else
            {
                while (j < text.Length && !CharClass.IsHanBlock(text[j]))
                {
                    j++;
                }
                CutOther(text, i, j, mode == CutMode.Full, output);
            }
            i = j;
        }
    }

    /// <summary><c>re_skip.split(blk)</c>: whitespace one character (or "\r\n") at a time; the rest per character, or whole in full mode.</summary>
    private static void CutOther(ReadOnlySpan<char> text, int start, int end, bool full, List<TokenSpan> output)
    {
        int i = start;
        while (i < end)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < end && text[i + 1] == '\n')
            {
                output.Add(new TokenSpan(i, 2));
                i += 2;
            }
            else if (CharClass.IsPythonWhitespace(c))
            {
                output.Add(new TokenSpan(i, 1));
                i++;
            }
            else if (full)
            {
                int j = i + 1;
                while (j < end && !CharClass.IsPythonWhitespace(text[j]))
                {
                    j++;
                }
                output.Add(new TokenSpan(i, j - i));
                i = j;
            }
            else
            {
                int width = char.IsHighSurrogate(c) && i + 1 < end && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                output.Add(new TokenSpan(i, width));
                i += width;
            }
        }
    }

    /// <summary>
    /// <c>cut_for_search</c>: before each accurate token longer than two characters, its dictionary
    /// 2-grams, then (longer than three) its 3-grams. Such tokens come from han blocks, which are all
    /// BMP, so UTF-16 length equals Python's length there.
    /// </summary>
    private static void ExpandForSearch(DictionarySnapshot dict, ReadOnlySpan<char> text, List<TokenSpan> words, List<TokenSpan> output)
    {
        foreach (TokenSpan w in words)
        {
            if (w.Length > 2)
            {
                AddGrams(dict, text, w, 2, output);
                if (w.Length > 3)
                {
                    AddGrams(dict, text, w, 3, output);
                }
            }
            output.Add(w);
        }
    }

    private static void AddGrams(DictionarySnapshot dict, ReadOnlySpan<char> text, TokenSpan w, int size, List<TokenSpan> output)
    {
        for (int i = w.Start; i + size <= w.End; i++)
        {
            if (dict.FrequencyOr(text.Slice(i, size), 0) > 0)
            {
                output.Add(new TokenSpan(i, size));
            }
        }
    }
}
