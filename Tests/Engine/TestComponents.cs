using GrowNet.Ecs.Engine;

namespace GrowNet.Ecs.Tests.Engine;

// Component structs shared by the engine tests, under stable names of their own ("tests.engine.…").
// Keep this list short: a process holds at most 256 column keys.

internal struct Position : IComponent
{
    public static string StableName => "tests.engine.position";

    public float X, Y;

    public Position(float x, float y)
    {
        X = x;
        Y = y;
    }
}

internal struct Velocity : IComponent
{
    public static string StableName => "tests.engine.velocity";

    public float Dx, Dy;

    public Velocity(float dx, float dy)
    {
        Dx = dx;
        Dy = dy;
    }
}

internal struct Health : IComponent
{
    public static string StableName => "tests.engine.health";

    public int Value;

    public Health(int value) => Value = value;
}

internal struct Mass : IComponent
{
    public static string StableName => "tests.engine.mass";

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
