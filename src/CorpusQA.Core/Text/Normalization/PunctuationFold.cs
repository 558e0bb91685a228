namespace CorpusQA.Core.Text.Normalization;

/// <summary>
/// Folds punctuation variants that NFKC leaves apart (CJK vs ASCII forms, curly vs straight quotes,
/// corner brackets, dashes) to one ASCII representative per class. Full-width ASCII forms such as
/// <c>，！（</c> are already folded to ASCII by NFKC, which runs first.
/// </summary>
internal static class PunctuationFold
{
    public static char Fold(char c) => c switch
    {
        '\u3002' or '\uFF61' => '.',                                        // 。 ｡
        '\u3001' or '\uFF64' or '\uFE50' or '\uFE51' => ',',                // 、 ､ ﹐ ﹑
        '\u201C' or '\u201D' or '\u201E' or '\u201F' or '\u300C' or '\u300D' or '\u300E' or '\u300F'
            or '\u301D' or '\u301E' or '\u301F' or '\uFF62' or '\uFF63' or '\u00AB' or '\u00BB' => '"',
        '\u2018' or '\u2019' or '\u201A' or '\u201B' or '\u2032' => '\'',
        '\u300A' or '\u3008' or '\u2039' => '<',                            // 《 〈 ‹
        '\u300B' or '\u3009' or '\u203A' => '>',                            // 》 〉 ›
        '\u3010' or '\u3014' or '\u3016' or '\u3018' or '\u301A' => '[',    // 【 〔 〖 〘 〚
        '\u3011' or '\u3015' or '\u3017' or '\u3019' or '\u301B' => ']',
        '\u2010' or '\u2011' or '\u2012' or '\u2013' or '\u2014' or '\u2015' or '\u2212' or '\uFE58' => '-',
        '\u301C' or '\u223C' => '~',                                        // 〜 ∼
        '\u30FB' or '\u2022' or '\u2027' or '\u2219' => '\u00B7',           // ・ • ‧ ∙ → ·
        _ => c,
    };
}
