namespace GrowNet.Ecs.Cli.Runner;

/// <summary>One named entry of a scenario map: its name (the file stem of what it writes), JSON path and record.</summary>
/// <typeparam name="T">The entry's record type.</typeparam>
/// <param name="Name">The entry's key.</param>
/// <param name="Path">JSON path of the entry (e.g. <c>$.recordings.raster</c>).</param>
/// <param name="Value">The validated record.</param>
public sealed record ScenarioEntry<T>(string Name, string Path, T Value);
