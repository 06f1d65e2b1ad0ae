using GrowNet.Ecs.Components.Region;
using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// A tract seen from its source layer during a pass: what a firing source does on it (gate
/// updates for a gated tract, one record for a windowed one) and the queue its events go to.
/// Scratch, refreshed every pass.
/// </summary>
internal sealed class OutgoingTract
{
    public int TractIndex;
    public TractKind Kind;
    public bool Broadcast;
    public int[] RowStart = [];
    public byte[] Participates = [];
    public GateColumns Edges;
    public TableHandle Queue;
    public int PendingCount;
    public int Position;
    /// <summary>The most events one pass can queue on this tract (<see cref="TractCapacity.EventsPerPass"/>).</summary>
    public int EventsPerPass;
    public int[] QueueSource = [];
    public int[] QueueTarget = [];
    public double[] QueueValue = [];

    public void Load(World world, in TractInfo info, in TractState state, bool entryQueue)
    {
        TractIndex = info.Index;
        Kind = info.Kind;
        Broadcast = info.Broadcast;
        var sources = world.GetTable(state.Sources);
        RowStart = sources.DangerousGetArray(RegionColumns.EdgeRowStart);
        Participates = sources.DangerousGetArray(RegionColumns.SourceParticipates);
        Edges = new GateColumns(world.GetTable(state.Edges));
        Queue = entryQueue ? state.EntryQueue : state.PendingQueue;
        EventsPerPass = TractCapacity.EventsPerPass(world, info, state);
        PendingCount = 0;
        Position = 0;
    }

    /// <summary>Whether a fire of source <paramref name="row"/> travels on this windowed tract.</summary>
    public bool CarriesSource(int row) => Broadcast ? Participates[row] != 0 : RowStart[row + 1] > RowStart[row];
}
