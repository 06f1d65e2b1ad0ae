using System.Numerics;
using System.Runtime.CompilerServices;

namespace GrowNet.Ecs.Engine;

/// <summary>
/// A set of column keys as a 256-bit value. Archetype tables are keyed by the <em>value</em> of
/// their set: two entities with the same components share one table, whatever order the
/// components were added in.
/// </summary>
public readonly struct ComponentSet : IEquatable<ComponentSet>
{
    /// <summary>Most distinct column keys a process can register.</summary>
    public const int Capacity = 256;

    private readonly ulong bits0, bits1, bits2, bits3;

    private ComponentSet(ulong b0, ulong b1, ulong b2, ulong b3)
    {
        bits0 = b0;
        bits1 = b1;
        bits2 = b2;
        bits3 = b3;
    }

    /// <summary>The empty set.</summary>
    public static ComponentSet Empty => default;

    /// <summary>A set of the given keys.</summary>
    public static ComponentSet Of(params ReadOnlySpan<ColumnKey> keys)
    {
        var set = Empty;
        foreach (var key in keys)
            set = set.With(key.Id);
        return set;
    }

    /// <summary>The set holding the component type <typeparamref name="T"/>.</summary>
    public static ComponentSet Of<T>() where T : unmanaged, IComponent => Empty.With(ComponentType<T>.Id);

    /// <summary>The set holding two component types.</summary>
    public static ComponentSet Of<T1, T2>() where T1 : unmanaged, IComponent where T2 : unmanaged, IComponent
        => Of<T1>().With(ComponentType<T2>.Id);

    /// <summary>The set holding three component types.</summary>
    public static ComponentSet Of<T1, T2, T3>() where T1 : unmanaged, IComponent where T2 : unmanaged, IComponent where T3 : unmanaged, IComponent
        => Of<T1, T2>().With(ComponentType<T3>.Id);

    /// <summary>Number of keys in the set.</summary>
    public int Count => BitOperations.PopCount(bits0) + BitOperations.PopCount(bits1)
                        + BitOperations.PopCount(bits2) + BitOperations.PopCount(bits3);

    /// <summary>True when no key is in the set.</summary>
    public bool IsEmpty => (bits0 | bits1 | bits2 | bits3) == 0;

    /// <summary>Whether the key with <paramref name="id"/> is in the set.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Contains(int id) => (uint)id < Capacity && (Word(id >> 6) & (1UL << (id & 63))) != 0;

    /// <summary>Whether <paramref name="key"/> is in the set.</summary>
    public bool Contains(ColumnKey key) => Contains(key.Id);

    /// <summary>The set with <paramref name="id"/> added.</summary>
    public ComponentSet With(int id)
    {
        CheckId(id);
        ulong bit = 1UL << (id & 63);
        return (id >> 6) switch
        {
            0 => new(bits0 | bit, bits1, bits2, bits3),
            1 => new(bits0, bits1 | bit, bits2, bits3),
            2 => new(bits0, bits1, bits2 | bit, bits3),
            _ => new(bits0, bits1, bits2, bits3 | bit),
        };
    }

    /// <summary>The set with <paramref name="key"/> added.</summary>
    public ComponentSet With(ColumnKey key) => With(key.Id);

    /// <summary>The set with <paramref name="id"/> removed.</summary>
    public ComponentSet Without(int id)
    {
        CheckId(id);
        ulong mask = ~(1UL << (id & 63));
        return (id >> 6) switch
        {
            0 => new(bits0 & mask, bits1, bits2, bits3),
            1 => new(bits0, bits1 & mask, bits2, bits3),
            2 => new(bits0, bits1, bits2 & mask, bits3),
            _ => new(bits0, bits1, bits2, bits3 & mask),
        };
    }

    /// <summary>Whether every key of <paramref name="other"/> is in this set.</summary>
    public bool IsSupersetOf(in ComponentSet other)
        => (bits0 & other.bits0) == other.bits0 && (bits1 & other.bits1) == other.bits1
        && (bits2 & other.bits2) == other.bits2 && (bits3 & other.bits3) == other.bits3;

    /// <summary>Whether this set shares any key with <paramref name="other"/>.</summary>
    public bool Overlaps(in ComponentSet other)
        => ((bits0 & other.bits0) | (bits1 & other.bits1) | (bits2 & other.bits2) | (bits3 & other.bits3)) != 0;

    /// <summary>Writes the ids in ascending order into <paramref name="destination"/>; returns how many.</summary>
    public int CopyIdsTo(Span<int> destination)
    {
        int written = 0;
        for (int word = 0; word < 4; word++)
        {
            ulong bits = Word(word);
            while (bits != 0)
            {
                int bit = BitOperations.TrailingZeroCount(bits);
                destination[written++] = (word << 6) + bit;
                bits &= bits - 1;
            }
        }

        return written;
    }

    /// <summary>The ids in ascending order.</summary>
    public int[] ToIds()
    {
        var ids = new int[Count];
        CopyIdsTo(ids);
        return ids;
    }

    private ulong Word(int index) => index switch { 0 => bits0, 1 => bits1, 2 => bits2, _ => bits3 };

    private static void CheckId(int id)
    {
        if ((uint)id >= Capacity)
            throw new ArgumentOutOfRangeException(nameof(id), id, $"Column ids lie in 0..{Capacity - 1}.");
    }

    /// <inheritdoc />
    public bool Equals(ComponentSet other)
        => bits0 == other.bits0 && bits1 == other.bits1 && bits2 == other.bits2 && bits3 == other.bits3;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ComponentSet other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(bits0, bits1, bits2, bits3);

    /// <summary>Value equality.</summary>
    public static bool operator ==(ComponentSet left, ComponentSet right) => left.Equals(right);

    /// <summary>Value inequality.</summary>
    public static bool operator !=(ComponentSet left, ComponentSet right) => !left.Equals(right);

    /// <inheritdoc />
    public override string ToString()
        => "{" + string.Join(", ", ToIds().Select(id => ColumnKey.FromId(id).Name)) + "}";
}
