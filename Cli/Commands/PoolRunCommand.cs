using GrowNet.Ecs.Serialization.Worlds;
using System.CommandLine;
using System.CommandLine.Parsing;
using System.Diagnostics;
using System.Globalization;
using GrowNet.Ecs.Components.Pool;
using GrowNet.Ecs.Serialization.PoolFiles;
using GrowNet.Ecs.Systems;
using GrowNet.Ecs.Systems.Pool;

namespace GrowNet.Ecs.Cli.Commands;

/// <summary>
/// <c>grownet pool run</c>: a headless run of one pool, new (<c>--new N --density D [--compat] [--seed S]</c>)
/// or loaded (<c>--pool FILE</c>), for <c>--ticks T</c> world ticks with held <c>--drive</c> inputs;
/// optionally writes per-tick spike counts (<c>--spikes-csv</c>) and saves the pool (<c>--save</c>).
/// </summary>
public static class PoolRunCommand
{
    /// <summary>Name given to a pool made by <c>--new</c>.</summary>
    public const string NewPoolName = "pool";

    /// <summary>Builds the <c>run</c> subcommand of <c>pool</c>.</summary>
    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var newOption = new Option<int>("--new")
        {
            HelpName = "N",
            Description = $"Build a new pool of N cells (1..{PoolFactory.MaxCells}). Needs --density.",
        };
        var densityOption = new Option<double>("--density")
        {
            HelpName = "D",
            Description = "Connection density of the new pool, in [0, 1].",
        };
        var compatOption = new Option<bool>("--compat")
        {
            Description = "Build the new pool with neuropool 0.1's generator (bit-exact compat mode; density as f32) instead of the standard generator.",
        };
        var seedOption = new Option<ulong>("--seed")
        {
            HelpName = "S",
            Description = "World seed for the new pool (default 0); the standard generator draws from it, the compat generator does not use it.",
        };
        var poolOption = new Option<string?>("--pool")
        {
            HelpName = "FILE",
            Description = "Load the pool from a neuropool .pool file instead of building one.",
        };
        var ticksOption = new Option<int>("--ticks")
        {
            HelpName = "T",
            Required = true,
            Description = "World ticks to run (>= 0).",
        };
        var driveOption = new Option<DriveSpec[]>("--drive")
        {
            HelpName = DriveSpec.Syntax,
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = false,
            Description = "Held input: cells FROM (inclusive) to TO (exclusive) receive CURRENT (i16) every tick. Repeatable; a later drive overrides an earlier one on shared cells.",
            CustomParser = ParseDrives,
        };
        var csvOption = new Option<string?>("--spikes-csv")
        {
            HelpName = "FILE",
            Description = "Write per-tick spike counts as CSV: header 'tick,spikes', then one row per tick, where tick is the pool's tick count after that tick " +
                          "(1..T for a new pool; a loaded pool continues from its file's tick count) and spikes the number of cells that spiked on it.",
        };
        var saveOption = new Option<string?>("--save")
        {
            HelpName = "FILE",
            Description = "Save after the run (atomic: written to a temporary file, then renamed): FILE.gnw saves the whole world " +
                          "(exact resume with 'grownet resume'), any other name a neuropool .pool file of the pool.",
        };
        var threadsOption = new Option<int>("--threads")
        {
            HelpName = "K",
            Description = "Worker threads (>= 1; default: one per processor). Results do not depend on it.",
        };

        var command = new Command("run", "Run one pool headless for a number of ticks and print its statistics.")
        {
            newOption, densityOption, compatOption, seedOption, poolOption, ticksOption, driveOption, csvOption, saveOption, threadsOption,
        };
        command.Validators.Add(result =>
        {
            bool isNew = result.GetResult(newOption) is not null;
            bool isFile = result.GetResult(poolOption) is not null;
            if (isNew == isFile)
            {
                result.AddError(isNew
                    ? "Give either --new or --pool, not both."
                    : "Give exactly one pool source: --new N --density D, or --pool FILE.");
                return;
            }

            if (isNew)
            {
                if (result.GetResult(densityOption) is null)
                    result.AddError("--new needs --density D.");
            }
            else
            {
                foreach (var option in new Option[] { densityOption, compatOption, seedOption })
                {
                    if (result.GetResult(option) is not null)
                        result.AddError($"{option.Name} applies only to a new pool (--new), not to --pool.");
                }
            }
        });

        command.SetAction(parseResult => Run(new PoolRunOptions
        {
            NewCells = parseResult.GetResult(newOption) is null ? null : parseResult.GetValue(newOption),
            Density = parseResult.GetResult(densityOption) is null ? null : parseResult.GetValue(densityOption),
            Compat = parseResult.GetValue(compatOption),
            Seed = parseResult.GetValue(seedOption),
            PoolPath = parseResult.GetValue(poolOption),
            Ticks = parseResult.GetValue(ticksOption),
            Drives = parseResult.GetValue(driveOption) ?? [],
            SpikesCsvPath = parseResult.GetValue(csvOption),
            SavePath = parseResult.GetValue(saveOption),
            Threads = parseResult.GetResult(threadsOption) is null ? null : parseResult.GetValue(threadsOption),
        }, context));
        return command;
    }

    /// <summary>Runs the pool as <paramref name="options"/> says, writing the summary to <paramref name="context"/>.</summary>
    /// <returns>The exit code.</returns>
    /// <exception cref="CliUsageException">The options are inconsistent (e.g. a drive beyond the loaded pool's cells).</exception>
    /// <exception cref="PoolFormatException">The <c>--pool</c> file is damaged.</exception>
    /// <exception cref="IOException">A file could not be read or written (missing file or directory included).</exception>
    public static int Run(PoolRunOptions options, CliContext context)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(context);
        var output = context.Output;
        Validate(options);
        var saveTarget = SaveTarget.Check(options.SavePath, "--save", PoolFile.Extension, WorldCodec.Extension);
        OutputPaths.Check(options.SpikesCsvPath, "--spikes-csv");

        using var world = Pipeline.CreateWorld(options.Seed);
        if (options.Threads is { } threads)
            world.SetThreadCount(threads);

        var pool = options.PoolPath is { } path ? Load(world, path, output) : Create(world, options, output);
        foreach (var drive in options.Drives)
        {
            if (drive.CheckFits(pool.CellCount) is { } problem)
                throw new CliUsageException(problem);
            pool.SetInputRange(drive.From, drive.To, drive.Current);
            output.WriteLine($"Drive: cells {drive.From}..{drive.To} ({drive.Count} cells) at {drive.Current} every tick");
        }

        using var csv = options.SpikesCsvPath is { } csvPath ? OpenCsv(csvPath) : null;
        var (totalSpikes, elapsed) = ProgressDisplay.Run(context, $"Running {options.Ticks} ticks", options.Ticks,
            report => RunTicks(pool, options.Ticks, csv, report));
        csv?.Flush();

        output.WriteLine(pool.Stats().ToString());
        double seconds = elapsed.TotalSeconds;
        string rate = seconds > 0 ? $"{options.Ticks / seconds:F0} ticks/s" : "n/a ticks/s";
        output.WriteLine($"Ticks: {options.Ticks} in {seconds:F3} s ({rate})");
        double perTick = options.Ticks == 0 ? 0 : (double)totalSpikes / options.Ticks;
        output.WriteLine($"Spikes: {totalSpikes} total, {perTick:F2} per tick");
        if (options.SpikesCsvPath is not null)
            output.WriteLine($"Spikes CSV: {options.SpikesCsvPath}");
        if (saveTarget is not null)
        {
            if (WorldFiles.IsWorldFile(saveTarget.Path))
                saveTarget.SaveWorld(world, context);
            else
            {
                saveTarget.WarnIfChanged(context);
                PoolFile.Save(pool, saveTarget.Path);
                output.WriteLine($"Saved: {saveTarget.Path}");
            }
        }

        return ExitCodes.Success;
    }

    /// <summary>Checks what can be checked before anything runs.</summary>
    /// <exception cref="CliUsageException">The first problem found, as a message naming the option.</exception>
    public static void Validate(PoolRunOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if ((options.NewCells is null) == (options.PoolPath is null))
        {
            throw new CliUsageException(options.NewCells is null
                ? "Give exactly one pool source: --new N --density D, or --pool FILE."
                : "Give either --new or --pool, not both.");
        }

        if (options.NewCells is { } cells)
        {
            if (cells is < 1 or > PoolFactory.MaxCells)
                throw new CliUsageException($"--new must be 1..{PoolFactory.MaxCells} cells (got {cells}).");
            if (options.Density is not { } density)
                throw new CliUsageException("--new needs --density D.");
            if (double.IsNaN(density) || density < 0 || density > 1)
                throw new CliUsageException($"--density must be a number in [0, 1] (got {density.ToString(CultureInfo.InvariantCulture)}).");
            foreach (var drive in options.Drives)
            {
                if (drive.CheckFits(cells) is { } problem)
                    throw new CliUsageException(problem);
            }
        }
        else if (options.Density is not null || options.Compat)
        {
            throw new CliUsageException("--density and --compat apply only to a new pool (--new), not to --pool.");
        }

        if (options.Ticks < 0)
            throw new CliUsageException($"--ticks must be >= 0 (got {options.Ticks}).");
        ThreadCounts.Check(options.Threads);
    }

    private static (long TotalSpikes, TimeSpan Elapsed) RunTicks(NeuronPool pool, int ticks, TextWriter? csv, Action<double> report)
    {
        var world = pool.World;
        int reportEvery = Math.Max(1, ticks / 200);
        long total = 0;
        var stopwatch = Stopwatch.StartNew();
        for (int tick = 1; tick <= ticks; tick++)
        {
            world.Step();
            int spikes = pool.LastSpikeCount;
            total += spikes;
            if (csv is not null)
            {
                csv.Write(pool.TickCount.ToString(CultureInfo.InvariantCulture));
                csv.Write(',');
                csv.Write(spikes.ToString(CultureInfo.InvariantCulture));
                csv.Write('\n');
            }

            if (tick % reportEvery == 0)
                report(tick);
        }

        stopwatch.Stop();
        return (total, stopwatch.Elapsed);
    }

    private static NeuronPool Create(Ecs.Engine.World world, PoolRunOptions options, TextWriter output)
    {
        int cells = options.NewCells!.Value;
        double density = options.Density ?? throw new CliUsageException("--new needs --density D.");
        var config = PoolConfig.Default;
        var pool = options.Compat
            ? NeuronPool.Create(world, NewPoolName, PoolDefinition.Compat(cells, (float)density, config))
            : NeuronPool.Create(world, NewPoolName, PoolDefinition.Standard(cells, density, config));
        string generator = options.Compat ? "compat generator" : $"standard generator, seed {options.Seed}";
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"New pool '{pool.Name}': {cells} cells, density {density}, {generator}: {pool.SynapseCount} synapses"));
        return pool;
    }

    private static NeuronPool Load(Ecs.Engine.World world, string path, TextWriter output)
    {
        NeuronPool pool;
        InputFiles.Check(path, "Pool file");
        try
        {
            pool = PoolFile.Load(world, path);
        }
        catch (FileNotFoundException ex)
        {
            throw new FileNotFoundException($"Pool file '{path}' not found.", path, ex);
        }
        catch (DirectoryNotFoundException ex)
        {
            throw new FileNotFoundException($"Pool file '{path}' not found (no such directory).", path, ex);
        }
        catch (PoolFormatException ex)
        {
            throw new PoolFormatException($"'{path}' is not a valid pool file: {ex.Message}", ex);
        }

        output.WriteLine($"Loaded pool '{pool.Name}' from {path}: {pool.CellCount} cells, {pool.SynapseCount} synapses, tick {pool.TickCount}");
        return pool;
    }

    private static StreamWriter OpenCsv(string path)
    {
        var writer = new StreamWriter(path, append: false) { NewLine = "\n" };
        writer.Write("tick,spikes\n");
        return writer;
    }

    private static DriveSpec[] ParseDrives(ArgumentResult result)
    {
        var drives = new DriveSpec[result.Tokens.Count];
        for (int i = 0; i < drives.Length; i++)
        {
            if (!DriveSpec.TryParse(result.Tokens[i].Value, out drives[i], out string? error))
            {
                result.AddError($"--drive: {error}");
                return [];
            }
        }

        return drives;
    }
}
