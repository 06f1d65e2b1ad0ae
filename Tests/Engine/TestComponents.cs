namespace GrowNet.Ecs.Tests.Engine;

// Component structs shared by the engine tests. Their column keys are registered process-wide
// under the types' full names (GrowNet.Ecs.Tests.Engine.Position, …), so they cannot collide
// with components other test folders declare. Keep this list short: the registry holds at most
// 256 keys for the whole test process.

internal struct Position
{
    public float X, Y;

    public Position(float x, float y)
    {
        X = x;
        Y = y;
    }
}

internal struct Velocity
{
    public float Dx, Dy;

    public Velocity(float dx, float dy)
    {
        Dx = dx;
        Dy = dy;
    }
}

internal struct Health
{
    public int Value;

    public Health(int value) => Value = value;
}

internal struct Mass
{
    public double Value;

    public Mass(double value) => Value = value;
}

/// <summary>Lets tests capture an exception thrown by code that touches ref structs or spans.</summary>
internal static class Capture
{
    public static Exception? Exception(Action action)
    {
        try
        {
            action();
        }
        catch (Exception error)
        {
            return error;
        }

        return null;
    }
}
