using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Pool;

/// <summary>
/// Builds pools in a world (behind <see cref="NeuronPool.Create"/> and the importers): the pool entity (<see cref="PoolConfig"/> + <see cref="PoolState"/>)
/// and its cell, synapse and delay-ring tables. Validates everything before creating anything,
/// so a bad argument leaves the world untouched.
/// </summary>
public static class PoolFactory
{
    /// <summary>Largest pool: synapse targets are u16.</summary>
    public const int MaxCells = 65536;

    /// <summary>Creates the pool <paramref name="definition"/> describes (validated first; nothing is created on error).</summary>
    internal static NeuronPool Create(World world, string name, PoolDefinition definition)
    {
        ArgumentNullException.ThrowIfNull(world);
        ArgumentNullException.ThrowIfNull(definition);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        definition.Validate();
        var config = definition.Config;
        int cells = definition.Cells;
        var rows = definition.Generator switch
        {
            PoolGenerator.Compat => CompatGenerator.Generate(cells, (float)definition.Density, ExcitatoryCount(cells), config),
            PoolGenerator.Standard => StandardGenerator.GenerateBernoulli(world.Seed, cells, definition.Density, ExcitatoryCount(cells), config),
            PoolGenerator.FixedOutDegree => StandardGenerator.GenerateFixedOutDegree(world.Seed, cells, definition.OutDegree, ExcitatoryCount(cells), config),
            _ => null,
        };
        return Build(world, name, cells, config, rows);
    }

    /// <summary>
    /// A pool with fresh cells and room for <paramref name="synapseCount"/> synapses, all zero, for
    /// importers: the caller fills every column and then calls <see cref="NeuronPool.RefreshRowOrder"/>.
    /// Row starts are zero; the tick count and the Dale split come from the imported file.
    /// </summary>
    public static NeuronPool CreateBlank(World world, string name, int cells, int synapseCount, PoolConfig config,
        int excitatoryCount, ulong tickCount)
    {
        ValidateCellCount(cells);
        config.Validate();
        ArgumentOutOfRangeException.ThrowIfNegative(synapseCount);
        if (excitatoryCount < 0 || excitatoryCount > cells)
            throw new ArgumentOutOfRangeException(nameof(excitatoryCount), excitatoryCount, $"The excitatory count lies in 0..{cells}.");
        var pool = Build(world, name, cells, config, rows: null);
        world.AddRows(pool.State.Synapses, synapseCount);
        ref var state = ref pool.MutableState;
        state.TickCount = tickCount;
        state.ExcitatoryCount = excitatoryCount;
        return pool;
    }

    /// <summary>Dale split: the first (N·4)/5 cells are excitatory.</summary>
    public static int ExcitatoryCount(int cells) => cells * 4 / 5;

    /// <summary>Throws unless 1 ≤ N ≤ 65 536.</summary>
    public static void ValidateCellCount(int cells)
    {
        if (cells < 1 || cells > MaxCells)
            throw new ArgumentOutOfRangeException(nameof(cells), cells, $"A pool has 1..{MaxCells} cells (u16 synapse targets).");
    }

    /// <summary>Throws unless density is a number in [0, 1].</summary>
    public static void ValidateDensity(double density)
    {
        if (double.IsNaN(density) || density < 0 || density > 1)
            throw new ArgumentOutOfRangeException(nameof(density), density, "Density must be a number in [0, 1].");
    }

    private static NeuronPool Build(World world, string name, int cells, PoolConfig config, SynapseRows? rows)
    {
        ArgumentNullException.ThrowIfNull(name);
        world.ThrowIfIterating();
        var entity = world.Create(config, new PoolState());
        world.Names.Set(entity, name);
        ref var state = ref world.Get<PoolState>(entity);
        state.Cells = world.CreateTable(PoolColumns.CellSet, entity, cells);
        state.Synapses = world.CreateTable(PoolColumns.SynapseSet, entity, rows?.Count ?? 0);
        state.DelayRing = world.CreateTable(PoolColumns.DelaySet, entity, config.MaxDelay * cells);
        state.ExcitatoryCount = ExcitatoryCount(cells);
        // Every generator emits rows in ascending target order (and an empty row is ordered).
        state.RowsSorted = 1;
        var pool = new NeuronPool(world, entity);
        InitializeCells(pool.View(), state.ExcitatoryCount, config);
        if (rows != null)
        {
            var view = pool.View();
            rows.Synapses.CopyTo(view.Synapses);
            rows.RowStart[..cells].CopyTo(view.RowStart);
        }

        return pool;
    }

    private static void InitializeCells(PoolView view, int excitatoryCount, in PoolConfig config)
    {
        view.Membrane.Fill(config.Resting);
        view.Threshold.Fill(config.SpikeThreshold);
        for (int i = 0; i < view.CellCount; i++)
        {
            bool inhibitory = i >= excitatoryCount;
            // Excitatory cells are RegularSpiking (leak 4, flags 0x00), inhibitory FastSpiking (leak 8, flags 0x03).
            view.Flags[i] = inhibitory ? (byte)0x03 : (byte)0x00;
            view.Leak[i] = LeakOf(view.Flags[i]);
        }
    }

    /// <summary>Leak by the profile in flag bits 1–2: RS 4, FS 8, IB 2, reserved 4.</summary>
    public static byte LeakOf(byte flags) => ((flags >> 1) & 3) switch
    {
        1 => 8,
        2 => 2,
        _ => 4,
    };
}
