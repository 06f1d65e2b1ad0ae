using System.Buffers.Binary;
using System.Text;
using GrowNet.Ecs.Distributed.Exchange;
using GrowNet.Ecs.Distributed.Network;
using GrowNet.Ecs.Engine;
using GrowNet.Ecs.Engine.Models;
using GrowNet.Ecs.Systems;

namespace GrowNet.Ecs.Cli.Runner;

/// <summary>
/// A scenario on several ranks (docs/distributed.md): each rank runs a <see cref="RankWorld"/>
/// and records only its own populations (rank 0 writes into the output folder, rank r into
/// <c>rank-r/</c> inside it, and the timings recording is rank 0's); checkpoints are per rank
/// (<c>NAME-TICK.rank-R.gnw</c>). At the end every rank's recording files and world state are
/// gathered to rank 0, which then writes the outputs a one-process run writes.
/// </summary>
public sealed partial class ScenarioRunner
{
    private readonly RankWorld? rankWorld;

    /// <summary>This rank's part of a distributed run, or null for one process.</summary>
    public RankWorld? Ranks => rankWorld;

    private string RankSuffix => rankWorld is null ? "" : RankFileSuffix(rankWorld.Rank);

    /// <summary>What a rank's checkpoint files carry before their extension: <c>.rank-R</c>.</summary>
    public static string RankFileSuffix(int rank) => $".rank-{rank}";

    /// <summary>Creates this rank's part of <paramref name="scenario"/> (a collective: every rank calls it).</summary>
    /// <exception cref="ScenarioException">The scenario or its placement is invalid (the other ranks get a <see cref="RankFailedException"/>).</exception>
    public static ScenarioRunner StartRank(Scenario scenario, RunOverrides overrides, RankChannel channel)
    {
        ArgumentNullException.ThrowIfNull(scenario);
        ArgumentNullException.ThrowIfNull(overrides);
        ArgumentNullException.ThrowIfNull(channel);
        string outputDir = Path.GetFullPath(overrides.OutputDir ?? scenario.Output.Dir);
        var plan = ScenarioNetwork.Plan(scenario);
        var ranks = RankWorld.Guard(channel, () => Placement(scenario, plan, channel.Size));
        var rankWorld = BuildPlan(() => RankWorld.Build(plan, ranks, channel, scenario.Run.Seed!.Value, ThreadsPerRank(overrides.Threads ?? scenario.Run.Threads, channel.Size)));
        var runner = RankWorld.Guard(channel, () => Open(rankWorld, scenario, outputDir, null, overrides.Ticks ?? scenario.Run.Ticks,
            ReportOf(scenario, overrides, outputDir), true));
        runner.savePath = overrides.SavePath is { } save && channel.Rank == 0 ? Path.GetFullPath(save) : null;
        return runner;
    }

    /// <summary>Continues a distributed run from this rank's checkpoint of the tick <paramref name="checkpointPath"/> names (any rank's file).</summary>
    public static ScenarioRunner ResumeRank(string checkpointPath, int? threads, RankChannel channel)
    {
        ArgumentNullException.ThrowIfNull(channel);
        string mine = RankCheckpointPath(checkpointPath, channel.Rank);
        return RankWorld.Guard(channel, () =>
        {
            var state = RunCheckpoint.Load(RunCheckpoint.SidecarOf(mine));
            if (state.Ranks != channel.Size)
                throw new InvalidDataException($"'{mine}' was written by a run on {state.Ranks} ranks; resume it on {state.Ranks} (this run has {channel.Size}).");
            var scenario = ScenarioReader.Parse(state.Scenario.ToJsonString());
            var plan = ScenarioNetwork.Plan(scenario);
            var world = WorldFiles.Load(mine);
            try
            {
                if ((long)world.Tick != state.Tick)
                    throw new InvalidDataException($"'{mine}' is at tick {world.Tick}; its sidecar says {state.Tick}.");
                int count = ThreadsPerRank(threads ?? scenario.Run.Threads, channel.Size);
                if (count > 0)
                    world.SetThreadCount(count);
                var rankWorld = RankWorld.Attach(world, Placement(scenario, plan, channel.Size), channel);
                return Open(rankWorld, scenario, state.OutputDir, state.Recorders, state.EndTick, state.ReportPath, false);
            }
            catch
            {
                world.Dispose();
                throw;
            }
        });
    }

    /// <summary>This rank's checkpoint beside <paramref name="anyRanksCheckpoint"/> (<c>NAME-TICK.rank-R.gnw</c>).</summary>
    public static string RankCheckpointPath(string anyRanksCheckpoint, int rank)
    {
        ArgumentNullException.ThrowIfNull(anyRanksCheckpoint);
        string stem = Path.GetFileNameWithoutExtension(anyRanksCheckpoint);
        int cut = stem.LastIndexOf(".rank-", StringComparison.Ordinal);
        if (cut < 0)
            throw new InvalidDataException($"'{anyRanksCheckpoint}' is not a distributed checkpoint (NAME-TICK.rank-R.gnw).");
        return Path.Combine(Path.GetDirectoryName(anyRanksCheckpoint) ?? "", stem[..cut] + RankFileSuffix(rank) + Path.GetExtension(anyRanksCheckpoint));
    }

    private static PopulationRanks Placement(Scenario scenario, NetworkPlan plan, int size)
    {
        PopulationRanks? ranks = null;
        ScenarioJson.Validate(() => ranks = PopulationRanks.Assign(plan.Populations, size, scenario.Network.Placement), "$");
        return ranks!;
    }

    /// <summary><c>threads</c> 0 (one per processor) shares the processors among the ranks of this machine.</summary>
    private static int ThreadsPerRank(int threads, int ranks)
    {
        if (threads < 0)
            throw new CliUsageException($"--threads must be >= 1 (got {threads}).");
        return threads > 0 ? threads : Math.Max(1, Environment.ProcessorCount / ranks);
    }

    private static ScenarioRunner Open(RankWorld rankWorld, Scenario scenario, string outputDir, Dictionary<string, long>? positions, long endTick,
        string? reportPath, bool applyInputs)
    {
        var world = rankWorld.World;
        var recorders = new List<IRecorder>();
        try
        {
            if (applyInputs)
                foreach (var entry in scenario.Inputs)
                    RecorderFactory.ApplyInput(world, entry);
            string recordingDir = RecordingDir(outputDir, rankWorld.Rank);
            Directory.CreateDirectory(recordingDir);
            foreach (var entry in scenario.Recordings.Where(e => RecordsHere(rankWorld, e.Value)))
            {
                long? position = null;
                if (positions is not null)
                {
                    position = positions.TryGetValue(entry.Name, out long at) ? at
                        : throw new InvalidDataException($"The checkpoint's sidecar has no position for recording '{entry.Name}'.");
                    ReclaimGathered(outputDir, recordingDir, entry);
                }
                recorders.Add(RecorderFactory.Create(world, entry, recordingDir, position));
            }

            return new ScenarioRunner(world, scenario, [.. recorders], outputDir, endTick, rankWorld.Rank == 0 ? reportPath : null, rankWorld);
        }
        catch
        {
            recorders.ForEach(r => r.Dispose());
            throw;
        }
    }

    /// <summary>
    /// A finished run moved rank r's recordings into the output folder; resuming one of its
    /// checkpoints continues from that copy (the same bytes, cut back to the checkpoint's position).
    /// </summary>
    private static void ReclaimGathered(string outputDir, string recordingDir, ScenarioEntry<RecordingDefinition> entry)
    {
        string mine = RecorderFactory.FileOf(recordingDir, entry.Name, entry.Value.What);
        string gathered = RecorderFactory.FileOf(outputDir, entry.Name, entry.Value.What);
        if (recordingDir != outputDir && !File.Exists(mine) && File.Exists(gathered))
            File.Copy(gathered, mine);
    }

    private static string? ReportOf(Scenario scenario, RunOverrides overrides, string outputDir)
        => overrides.ReportPath is { } given ? Path.GetFullPath(given) : scenario.Report is { } name ? Path.Combine(outputDir, name) : null;

    private static string RecordingDir(string outputDir, int rank) => rank == 0 ? outputDir : Path.Combine(outputDir, $"rank-{rank}");

    /// <summary>A recording runs on the rank of its population; timings (no population) on rank 0.</summary>
    private static bool RecordsHere(RankWorld rankWorld, RecordingDefinition recording)
    {
        if (recording.Population is not { } name)
            return rankWorld.Rank == 0;
        var population = ModelFamilies.Catalog.Find(rankWorld.World, name);
        return population is not null && rankWorld.Layout.OwnerOf(population.Entity) == rankWorld.Rank;
    }

    private void StepRanks()
    {
        rankWorld!.Exchange.LocalStop = stopRequested;
        rankWorld.Step();
    }

    private bool StopAgreed() => rankWorld is null ? stopRequested : rankWorld.Exchange.AnyStop;

    /// <summary>Moves every rank's recording files and world state to rank 0; true on rank 0, which then writes the final outputs.</summary>
    private bool GatherToRankZero()
    {
        var ranks = rankWorld!;
        RankWorld.Guard(ranks.Channel, () =>
        {
            byte[] files = ranks.Rank == 0 ? [] : PackRecordings();
            var received = new MemoryStream[ranks.Channel.Size];
            ranks.Channel.GatherAll(files, (rank, chunk) =>
            {
                if (ranks.Rank == 0)
                    (received[rank] ??= new MemoryStream()).Write(chunk);
            });
            if (ranks.Rank == 0)
                foreach (var stream in received.Where(s => s is not null))
                    UnpackRecordings(stream.GetBuffer().AsSpan(0, (int)stream.Length));
            return 0;
        });
        ranks.GatherToRankZero();
        if (ranks.Rank == 0)
            return true;
        foreach (var recorder in recorders)
        {
            recorder.Dispose();
            File.Delete(recorder.FilePath);
        }

        string dir = RecordingDir(outputDir, ranks.Rank);
        if (Directory.Exists(dir) && !Directory.EnumerateFileSystemEntries(dir).Any())
            Directory.Delete(dir);
        return false;
    }

    private byte[] PackRecordings()
    {
        var output = new MemoryStream();
        Span<byte> length = stackalloc byte[8];
        foreach (var recorder in recorders)
        {
            byte[] name = Encoding.UTF8.GetBytes(Path.GetFileName(recorder.FilePath));
            byte[] content;
            using (var file = new FileStream(recorder.FilePath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                content = new byte[file.Length];
                file.ReadExactly(content);
            }

            BinaryPrimitives.WriteInt32LittleEndian(length, name.Length);
            output.Write(length[..4]);
            output.Write(name);
            BinaryPrimitives.WriteInt64LittleEndian(length, content.Length);
            output.Write(length);
            output.Write(content);
        }

        return output.ToArray();
    }

    private void UnpackRecordings(ReadOnlySpan<byte> data)
    {
        int at = 0;
        while (at < data.Length)
        {
            int nameLength = BinaryPrimitives.ReadInt32LittleEndian(data[at..]);
            string name = Encoding.UTF8.GetString(data.Slice(at + 4, nameLength));
            at += 4 + nameLength;
            long length = BinaryPrimitives.ReadInt64LittleEndian(data[at..]);
            at += 8;
            if (name.IndexOfAny(['/', '\\']) >= 0 || name.StartsWith('.'))
                throw new InvalidDataException($"A rank sent a recording named '{name}'.");
            File.WriteAllBytes(Path.Combine(outputDir, name), data.Slice(at, (int)length).ToArray());
            at += (int)length;
        }
    }
}
