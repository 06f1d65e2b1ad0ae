namespace GrowNet.Ecs.Systems.Region;

/// <summary>A reusable array of <see cref="BlockResult"/>, one per block of a layer pass.</summary>
internal sealed class BlockResults
{
    public BlockResult[] Items = [];

    /// <summary>Makes sure at least <paramref name="blocks"/> results exist.</summary>
    public BlockResult[] Ensure(int blocks)
    {
        if (Items.Length < blocks)
        {
            int old = Items.Length;
            Array.Resize(ref Items, Math.Max(blocks, old * 2));
            for (int i = old; i < Items.Length; i++)
                Items[i] = new BlockResult();
        }

        return Items;
    }

    /// <summary>Number of blocks of <paramref name="blockSize"/> covering <paramref name="length"/> rows.</summary>
    public static int BlockCount(int length, int blockSize) => (int)(((long)length + blockSize - 1) / blockSize);
}
