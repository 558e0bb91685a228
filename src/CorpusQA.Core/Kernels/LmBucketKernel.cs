using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace CorpusQA.Core.Kernels;

/// <summary>
/// One probe of the language model's bucketed n-gram index: a bucket is one 64-byte cache line of 8 words
/// <c>{u32 tag, u32 payload}</c> (tag in the high half, never 0; 0 = empty slot; slots fill left to right). Returns
/// the word whose tag matches, or 0; <c>overflow</c> says the key may continue in the next bucket (no match and
/// no empty slot). With Vector512 the 8 tags are compared at once and the word is picked without a branch on the
/// data; <see cref="LmBucketReference"/> is the scalar reference.
/// </summary>
internal static unsafe class LmBucketKernel
{
    public const int Slots = 8;
    public const ulong TagMask = 0xFFFF_FFFF_0000_0000UL;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static ulong Probe(ulong* bucket, ulong tag, out bool overflow)
    {
        if (Vector512.IsHardwareAccelerated)
        {
            var words = Vector512.LoadAligned(bucket);
            uint match = (uint)Vector512.Equals(words & Vector512.Create(TagMask), Vector512.Create(tag)).ExtractMostSignificantBits();
            uint empty = (uint)Vector512.Equals(words, Vector512<ulong>.Zero).ExtractMostSignificantBits();
            overflow = (match | empty) == 0;
            ulong word = bucket[BitOperations.TrailingZeroCount(match | 0x100u) & (Slots - 1)];
            return match != 0 ? word : 0;
        }

        return LmBucketReference.Probe(bucket, tag, out overflow);
    }
}
