namespace CorpusQA.Core.Text;

/// <summary>
/// Traditional-only and Simplified-only characters derived from OpenCC's character tables
/// (<c>Data/script_chars.txt</c>, rebuilt by <c>tools/data/build_script_tables.py</c>). Characters shared by both
/// scripts (后, 干, 里...) are in neither set.
/// </summary>
internal static class ScriptTables
{
    private static readonly HashSet<int> SupplementaryTraditional = [];
    private static readonly HashSet<int> SupplementarySimplified = [];

    /// <summary>Sets the script flag bits of <see cref="CharTable"/> for BMP characters and collects the others.</summary>
    public static void Mark(byte[] table)
    {
        foreach (string line in DataFiles.ReadLines("script_chars.txt"))
        {
            var (flag, supplementary) = line[0] switch
            {
                'T' => (CharTable.TraditionalOnly, SupplementaryTraditional),
                'S' => (CharTable.SimplifiedOnly, SupplementarySimplified),
                _ => throw new InvalidDataException($"script_chars.txt: unexpected line tag '{line[0]}'"),
            };
            string chars = line[2..];
            for (int i = 0; i < chars.Length; i++)
            {
                if (char.IsHighSurrogate(chars[i]) && i + 1 < chars.Length)
                {
                    supplementary.Add(char.ConvertToUtf32(chars[i], chars[i + 1]));
                    i++;
                }
                else
                {
                    table[chars[i]] |= flag;
                }
            }
        }
    }

    public static bool IsTraditionalOnlySupplementary(int codePoint) => SupplementaryTraditional.Contains(codePoint);

    public static bool IsSimplifiedOnlySupplementary(int codePoint) => SupplementarySimplified.Contains(codePoint);
}
