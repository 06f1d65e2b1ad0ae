namespace GrowNet.Ecs.Engine;

/// <summary>A unit of behaviour run once per tick in its phase.</summary>
public interface ISystem
{
    /// <summary>Name shown in timing reports.</summary>
    string Name { get; }

    /// <summary>Runs the system over the world.</summary>
    void Update(World world);
}
