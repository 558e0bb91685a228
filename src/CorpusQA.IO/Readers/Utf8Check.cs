using System.Buffers;
using System.Text.Unicode;

namespace CorpusQA.IO.Readers;

/// <summary>Strict UTF-8 validation that reports where the first invalid byte is.</summary>
internal static class Utf8Check
{
    /// <summary>Returns -1 when <paramref name="bytes"/> is valid UTF-8, else the offset of the first invalid byte.</summary>
    public static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        if (Utf8.IsValid(bytes)) return -1;
        // Rare path: walk runes to find the offset.
        int offset = 0;
        while (offset < bytes.Length)
        {
            OperationStatus status = System.Text.Rune.DecodeFromUtf8(bytes[offset..], out _, out int consumed);
            if (status != OperationStatus.Done) return offset;
            offset += consumed;
        }
        return -1;
    }
}
