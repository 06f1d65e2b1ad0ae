using System.Runtime.InteropServices;
using System.Security.Cryptography;
using GrowNet.Ecs.Serialization.Worlds;

namespace GrowNet.Ecs.Samples.FrameLoop;

/// <summary>
/// <c>hash --ticks N</c>: runs the sample world N ticks with fixed inputs (no clock involved)
/// and prints the SHA-256 of its saved <c>.gnw</c> bytes. The same build on .NET 8 and .NET 10
/// must print the same hash; <c>.ci/run</c> checks that.
/// </summary>
internal static class StateHash
{
    public static int Run(int ticks, int threads, string? savePath)
    {
        using var sample = new SampleWorld(seed: 42, threads);
        for (long frame = 0; frame < ticks; frame++)
        {
            sample.Frame(frame);
            sample.World.Step();
        }

        byte[] bytes = WorldCodec.ToBytes(sample.World);
        if (savePath != null)
            File.WriteAllBytes(savePath, bytes);
        string hash = Convert.ToHexString(SHA256.HashData(bytes)).ToLowerInvariant();
        Console.WriteLine($"sha256 {hash} ticks {sample.World.Tick} bytes {bytes.Length} on {RuntimeInformation.FrameworkDescription}");
        return 0;
    }
}
