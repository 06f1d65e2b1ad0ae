namespace GrowNet.Ecs.Engine;

/// <summary>
/// One table's declaration: its stable name and its columns, written once. Everything else about
/// the table comes from it: the set a table is created with (<see cref="Set"/>), the columns a
/// family lists for the world codec (<see cref="Columns"/>), and row moves and copies over every
/// column (<see cref="Table.MoveRows"/>, <see cref="Table.ClearRows"/>). Host views are
/// <see cref="Table.Span{T}(ColumnKey{T})"/>; a kernel's context takes just the columns it uses
/// (<see cref="Table.DangerousGetArray{T}"/>).
/// </summary>
public sealed class TableDeclaration
{
    private readonly ColumnKey[] columns;

    /// <summary>Declares table <paramref name="name"/> with <paramref name="columns"/>.</summary>
    /// <exception cref="ArgumentException">The name is blank, there are no columns, or a column is listed twice.</exception>
    public TableDeclaration(string name, params ColumnKey[] columns)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(columns);
        if (columns.Length == 0)
            throw new ArgumentException($"Table '{name}' declares no columns.", nameof(columns));
        if (columns.Distinct().Count() != columns.Length)
            throw new ArgumentException($"Table '{name}' lists a column twice.", nameof(columns));
        Name = name;
        this.columns = columns;
        Set = ComponentSet.Of(columns);
    }

    /// <summary>The table's name (documentation and error messages).</summary>
    public string Name { get; }

    /// <summary>The columns, in declaration order.</summary>
    public IReadOnlyList<ColumnKey> Columns => columns;

    /// <summary>The column set a table of this kind is created with.</summary>
    public ComponentSet Set { get; }

    /// <inheritdoc />
    public override string ToString() => $"table '{Name}' ({columns.Length} columns)";
}
