namespace CorpusQA.Core.Text;

/// <summary>Punctuation sets shared by the line and sentence signals (Chinese and ASCII, full-width included).</summary>
internal static class Punctuation
{
    /// <summary>Closing quotes and brackets, which may follow a sentence's final mark: 。” or .)</summary>
    public static bool IsClosing(char c) => c is '”' or '’' or '」' or '』' or '）' or ')' or '"' or '\'' or '》'
        or '〉' or '】' or '］' or ']' or '〕' or '＂' or '＇';

    /// <summary>Marks that end a sentence (and so a complete line of prose), the ellipsis included.</summary>
    public static bool IsTerminal(char c) => c is '。' or '！' or '？' or '｡' or '.' or '!' or '?' or '．' or '…';

    /// <summary>Characters that open a bulleted list line.</summary>
    public static bool IsBullet(char c) => c is '•' or '●' or '○' or '◆' or '◇' or '■' or '□' or '▪' or '▫' or '▶'
        or '►' or '‣' or '◦' or '⁃' or '*' or '-' or '–' or '·' or '・' or '★' or '☆' or '√' or '✓' or '✔' or '→';
}
