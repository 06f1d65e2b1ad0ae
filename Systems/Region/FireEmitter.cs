using GrowNet.Ecs.Components.Region;

namespace GrowNet.Ecs.Systems.Region;

/// <summary>
/// What the fires of one source do on its outgoing tracts (grownet.md "Layers, tracts, wiring"),
/// the one emit of slot and pixel layers: on a windowed tract each fire queues one record that
/// the flush expands through the tract's edges; on a gated tract the source's gates take all its
/// fires (<see cref="GateKernel.FireMany"/>) and the passing events are queued fire by fire in
/// edge order. Each tract's queue receives exactly what one emission per fire would have queued
/// (queues are per tract, so the order between tracts is free).
/// </summary>
internal static class FireEmitter
{
    /// <summary>Emits <paramref name="fireCount"/> fires of source <paramref name="row"/> (values in fire order) on every outgoing tract.</summary>
    public static void Emit(OutgoingTract[] outgoing, int outgoingCount, int row, double[] values, int fireCount, RangeResult result, in GateContext gates)
    {
        for (int o = 0; o < outgoingCount; o++)
        {
            var tract = outgoing[o];
            if (tract.Kind == TractKind.Windowed)
            {
                if (tract.CarriesSource(row))
                {
                    for (int f = 0; f < fireCount; f++)
                        result.Emit(o, row, -1, values[f]);
                }

                continue;
            }

            int start = tract.RowStart[row];
            int end = tract.RowStart[row + 1];
            if (start < end)
                GateKernel.FireMany(tract.Edges, start, end, values, fireCount, gates, result, o, row);
        }
    }
}
