namespace GrowNet.Ecs.Cli.Bench.Running;

/// <summary>An <see cref="IBenchCase"/> made of two actions and the object that owns the workload's state.</summary>
public sealed class DelegateBenchCase : IBenchCase
{
    private readonly IDisposable owner;
    private readonly Action prepare;
    private readonly Action run;

    /// <summary>Creates the case.</summary>
    /// <param name="owner">Disposed with the case (the workload's world).</param>
    /// <param name="prepare">Untimed work before each iteration.</param>
    /// <param name="run">One timed iteration.</param>
    public DelegateBenchCase(IDisposable owner, Action prepare, Action run)
    {
        ArgumentNullException.ThrowIfNull(owner);
        ArgumentNullException.ThrowIfNull(prepare);
        ArgumentNullException.ThrowIfNull(run);
        this.owner = owner;
        this.prepare = prepare;
        this.run = run;
    }

    /// <inheritdoc />
    public void Prepare() => prepare();

    /// <inheritdoc />
    public void Run() => run();

    /// <inheritdoc />
    public void Dispose() => owner.Dispose();
}
