using System.Runtime.CompilerServices;

namespace CorpusQA.Segmentation.Text;

/// <summary>
/// jieba's regular-expression character classes as inline checks. Python's <c>re</c> on <c>str</c>
/// matches code points; every class here is BMP-only, so a UTF-16 code unit decides it, and
/// surrogates never belong to any class.
/// </summary>
internal static class CharClass
{
    internal const char CjkFirst = '\u4E00';
    internal const char CjkLast = '\u9FD5';

    /// <summary><c>re_han_default = [\u4E00-\u9FD5a-zA-Z0-9+#&amp;\._%\-]</c>: characters cut by the dictionary DAG.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsHanBlock(char c)
    {
        if (c < 128)
        {
            return IsAsciiAlphanumeric(c) || c is '+' or '#' or '&' or '.' or '_' or '%' or '-';
        }
        return IsCjk(c);
    }

    /// <summary><c>finalseg.re_han = [\u4E00-\u9FD5]</c>: characters the HMM may see.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsCjk(char c) => (uint)(c - CjkFirst) <= CjkLast - CjkFirst;

    /// <summary><c>re_eng = [a-zA-Z0-9]</c>.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal static bool IsAsciiAlphanumeric(char c) =>
        (uint)(c - '0') <= 9 || (uint)((c | 0x20) - 'a') <= 'z' - 'a';

    /// <summary>
    /// Python 3's <c>\s</c> on <c>str</c> (equal to <c>str.isspace()</c>): the 29 code points with bidi
    /// class WS/B/S or category Zs. Differs from <see cref="char.IsWhiteSpace(char)"/> (which adds
    /// nothing here but is defined by a different Unicode property), so it is spelled out.
    /// </summary>
    internal static bool IsPythonWhitespace(char c)
    {
        if (c <= ' ')
        {
            return c == ' ' || (uint)(c - '\t') <= '\r' - '\t' || (uint)(c - '\x1C') <= 3;
        }
        if (c < '\x85')
        {
            return false;
        }
        return c switch
        {
            '\x85' or '\xA0' or '\u1680' or '\u2028' or '\u2029' or '\u202F' or '\u205F' or '\u3000' => true,
            _ => (uint)(c - '\u2000') <= 0x0A,
        };
    }
}
