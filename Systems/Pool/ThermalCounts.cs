namespace GrowNet.Ecs.Systems.Pool;

/// <summary>Synapse counts per maturity state; dead synapses (byte 0) are counted apart from Hot.</summary>
public readonly record struct ThermalCounts(int Hot, int Warm, int Cool, int Cold, int Dead)
{
    /// <inheritdoc />
    public override string ToString() => $"H:{Hot} W:{Warm} C:{Cool} F:{Cold} D:{Dead}";
}
