using System.Globalization;

namespace GrowNet.Ecs.Samples.FrameLoop;

/// <summary>
/// A host around a GrowNet world:
/// <c>frame-loop [--seconds S] [--threads K] [--require-zero-alloc]</c> runs the 60 Hz frame loop;
/// <c>hash [--ticks N] [--threads K] [--save FILE.gnw]</c> prints the SHA-256 of the world after N ticks.
/// </summary>
internal static class Program
{
    private const string Usage =
        "usage: grownet-frameloop frame-loop [--seconds S] [--threads K] [--require-zero-alloc]\n"
        + "       grownet-frameloop hash [--ticks N] [--threads K] [--save FILE.gnw]";

    public static int Main(string[] args)
    {
        try
        {
            string mode = args.Length > 0 ? args[0] : "frame-loop";
            var options = new Options(args.Skip(1).ToArray());
            switch (mode)
            {
                case "frame-loop":
                {
                    double seconds = options.Double("--seconds", 5);
                    int threads = options.Int("--threads", 2, minimum: 1);
                    bool requireZeroAllocation = options.Flag("--require-zero-alloc");
                    options.ThrowIfUnused();
                    return FrameLoopHost.Run(seconds, threads, requireZeroAllocation);
                }
                case "hash":
                {
                    int ticks = options.Int("--ticks", 300, minimum: 0);
                    int threads = options.Int("--threads", 2, minimum: 1);
                    string? save = options.Text("--save");
                    options.ThrowIfUnused();
                    return StateHash.Run(ticks, threads, save);
                }
                case "--help" or "-h":
                    Console.WriteLine(Usage);
                    return 0;
                default:
                    throw new ArgumentException($"Unknown mode '{mode}'.");
            }
        }
        catch (ArgumentException error)
        {
            Console.Error.WriteLine(error.Message);
            Console.Error.WriteLine(Usage);
            return 2;
        }
    }

    /// <summary>--name value options; each read at most once, anything left over is an error.</summary>
    private sealed class Options(string[] args)
    {
        private readonly bool[] used = new bool[args.Length];

        public bool Flag(string name)
        {
            int at = Array.IndexOf(args, name);
            if (at < 0)
                return false;
            used[at] = true;
            return true;
        }

        public string? Text(string name)
        {
            int at = Array.IndexOf(args, name);
            if (at < 0)
                return null;
            if (at + 1 >= args.Length)
                throw new ArgumentException($"{name} needs a value.");
            used[at] = used[at + 1] = true;
            return args[at + 1];
        }

        public int Int(string name, int fallback, int minimum)
        {
            string? text = Text(name);
            if (text == null)
                return fallback;
            if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out int value) || value < minimum)
                throw new ArgumentException($"{name} must be an integer of at least {minimum}, not '{text}'.");
            return value;
        }

        public double Double(string name, double fallback)
        {
            string? text = Text(name);
            if (text == null)
                return fallback;
            if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) || !(value > 0) || double.IsInfinity(value))
                throw new ArgumentException($"{name} must be a positive number of seconds, not '{text}'.");
            return value;
        }

        public void ThrowIfUnused()
        {
            for (int i = 0; i < args.Length; i++)
            {
                if (!used[i])
                    throw new ArgumentException($"Unknown argument '{args[i]}'.");
            }
        }
    }
}
