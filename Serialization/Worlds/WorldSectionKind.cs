namespace GrowNet.Ecs.Serialization.Worlds;

/// <summary>Section kinds of a <c>.gnw</c> file (docs/world-format.md).</summary>
public enum WorldSectionKind : ushort
{
    /// <summary>Seed, tick and slot counts.</summary>
    WorldInfo = 1,
    /// <summary>Names and element sizes of the columns used in the file.</summary>
    ColumnCatalog = 2,
    /// <summary>Entity slot generations and the free-slot stack.</summary>
    EntitySlots = 3,
    /// <summary>Table slot generations and the free-slot stack.</summary>
    TableSlots = 4,
    /// <summary>One table's shape: kind, owner, rows, columns, and the entity of each row.</summary>
    Table = 5,
    /// <summary>One column of the preceding table, raw little-endian bytes.</summary>
    Column = 6,
    /// <summary>Entity names.</summary>
    Names = 7,
}
