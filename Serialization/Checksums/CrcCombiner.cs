namespace GrowNet.Ecs.Serialization.Checksums;

/// <summary>
/// Joins the finalized CRCs of two byte strings into the CRC of their concatenation, for a
/// reflected 32-bit CRC with initial value and final XOR 0xFFFFFFFF (CRC-32 and CRC-32C).
/// </summary>
/// <remarks>
/// System.IO.Hashing hashes bytes but has no combine, and its hashers cannot resume from a
/// stored CRC; this is the piece it lacks. CRC(A·B) = CRC(A)·x^(8·|B|) mod P ⊕ CRC(B) (GF(2)
/// arithmetic, as zlib's <c>crc32_combine</c>): about log2(|B|) 32-step multiplications, and
/// the bytes themselves are never touched.
/// </remarks>
internal sealed class CrcCombiner
{
    private readonly uint polynomial;

    /// <summary>x^(2^k) mod P for k = 0..31 (reflected), the squares used by <see cref="PowerOfX"/>.</summary>
    private readonly uint[] powersOfTwoOfX = new uint[32];

    /// <summary>Prepares the combiner of the CRC with reflected polynomial <paramref name="reflectedPolynomial"/>.</summary>
    public CrcCombiner(uint reflectedPolynomial)
    {
        polynomial = reflectedPolynomial;
        uint power = 1u << 30; // x^1 in the reflected representation
        powersOfTwoOfX[0] = power;
        for (int k = 1; k < 32; k++)
            powersOfTwoOfX[k] = power = Multiply(power, power);
    }

    /// <summary>The finalized CRC of A followed by B, from the finalized CRCs of A and B and the length of B.</summary>
    public uint Combine(uint crcFirst, uint crcSecond, long secondLength)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(secondLength);
        return secondLength == 0 ? crcFirst ^ crcSecond : Multiply(PowerOfX(secondLength, 3), crcFirst) ^ crcSecond;
    }

    /// <summary>a·b mod P in the reflected representation.</summary>
    private uint Multiply(uint a, uint b)
    {
        uint product = 0;
        for (uint mask = 1u << 31; mask != 0; mask >>= 1)
        {
            if ((a & mask) != 0)
                product ^= b;
            b = (b & 1) != 0 ? (b >> 1) ^ polynomial : b >> 1;
        }

        return product;
    }

    /// <summary>x^(n·2^k) mod P.</summary>
    private uint PowerOfX(long n, int k)
    {
        uint result = 1u << 31; // x^0
        while (n != 0)
        {
            if ((n & 1) != 0)
                result = Multiply(powersOfTwoOfX[k & 31], result);
            n >>= 1;
            k++;
        }

        return result;
    }
}
