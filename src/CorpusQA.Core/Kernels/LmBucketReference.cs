namespace CorpusQA.Core.Kernels;

/// <summary>The scalar reference of <see cref="LmBucketKernel"/>: the slots in order, up to the first match or empty slot.</summary>
internal static unsafe class LmBucketReference
{
    public static ulong Probe(ulong* bucket, ulong tag, out bool overflow)
    {
        for (int i = 0; i < LmBucketKernel.Slots; i++)
        {
            ulong word = bucket[i];
            if ((word & LmBucketKernel.TagMask) == tag)
            {
                overflow = false;
                return word;
            }

            if (word == 0)
            {
                overflow = false;
                return 0;
            }
        }

        overflow = true;
        return 0;
    }
}
