using System.Runtime.InteropServices;
using System.Text;

namespace GrowNet.Ecs.Distributed.Exchange;

/// <summary>
/// The few MPI calls a distributed run needs, bound by hand to Open MPI's <c>libmpi.so.40</c>
/// (Debian's <c>libopenmpi3</c>). Open MPI's handles are the addresses of exported globals
/// (<c>MPI_COMM_WORLD</c> is <c>&amp;ompi_mpi_comm_world</c>), so they are looked up with
/// <see cref="NativeLibrary.GetExport"/>; the functions are called through unmanaged function
/// pointers. The library is opened with <c>RTLD_GLOBAL</c> first, because Open MPI's plugins
/// resolve their symbols against it.
/// </summary>
internal static unsafe class MpiNative
{
    /// <summary>The shared library name.</summary>
    public const string LibraryName = "libmpi.so.40";

    private const int RtldNow = 2, RtldGlobal = 0x100;
    private const int MaxErrorString = 256;
    private static readonly object Gate = new();
    private static IntPtr library;

    public static IntPtr CommWorld, Byte, Int, ErrorsReturn;
    public static delegate* unmanaged<int*, byte***, int> Init;
    public static delegate* unmanaged<int*, int> Initialized;
    public static delegate* unmanaged<int> Finalize;
    public static delegate* unmanaged<int*, int> Finalized;
    public static delegate* unmanaged<IntPtr, int*, int> CommRank;
    public static delegate* unmanaged<IntPtr, int*, int> CommSize;
    public static delegate* unmanaged<IntPtr, int> Barrier;
    public static delegate* unmanaged<void*, int, IntPtr, void*, int, IntPtr, IntPtr, int> Allgather;
    public static delegate* unmanaged<void*, int, IntPtr, void*, int*, int*, IntPtr, IntPtr, int> Allgatherv;
    public static delegate* unmanaged<IntPtr, int, int> Abort;
    public static delegate* unmanaged<IntPtr, IntPtr, int> CommSetErrhandler;
    public static delegate* unmanaged<int, byte*, int*, int> ErrorString;

    [DllImport("libc", EntryPoint = "dlopen")]
    private static extern IntPtr DlOpen(string file, int mode);

    [DllImport("libc", EntryPoint = "setenv")]
    private static extern int SetEnv(string name, string value, int overwrite);

    /// <summary>
    /// Sets a variable in the process's native environment unless it is already set — where
    /// MPI_Init reads its MCA parameters (.NET's <see cref="Environment.SetEnvironmentVariable(string, string)"/>
    /// does not change it on Unix).
    /// </summary>
    public static void SetNativeEnvironmentDefault(string name, string value)
    {
        // overwrite = 0: a value the user set stays.
        if (SetEnv(name, value, 0) != 0)
            throw new MpiException("setenv", $"could not set {name} in the native environment.");
    }

    /// <summary>Loads the library and resolves every symbol (once).</summary>
    /// <exception cref="MpiException">The library or a symbol is missing.</exception>
    public static void Load()
    {
        lock (Gate)
        {
            if (library != IntPtr.Zero)
                return;
            IntPtr handle;
            try
            {
                DlOpen(LibraryName, RtldNow | RtldGlobal);
                handle = NativeLibrary.Load(LibraryName);
            }
            catch (Exception error) when (error is DllNotFoundException or BadImageFormatException or EntryPointNotFoundException)
            {
                throw new MpiException("load", $"cannot load {LibraryName} ({error.Message}); install Open MPI (apt-get install openmpi-bin libopenmpi-dev).");
            }

            CommWorld = Export(handle, "ompi_mpi_comm_world");
            Byte = Export(handle, "ompi_mpi_byte");
            Int = Export(handle, "ompi_mpi_int");
            ErrorsReturn = Export(handle, "ompi_mpi_errors_return");
            Init = (delegate* unmanaged<int*, byte***, int>)Export(handle, "MPI_Init");
            Initialized = (delegate* unmanaged<int*, int>)Export(handle, "MPI_Initialized");
            Finalize = (delegate* unmanaged<int>)Export(handle, "MPI_Finalize");
            Finalized = (delegate* unmanaged<int*, int>)Export(handle, "MPI_Finalized");
            CommRank = (delegate* unmanaged<IntPtr, int*, int>)Export(handle, "MPI_Comm_rank");
            CommSize = (delegate* unmanaged<IntPtr, int*, int>)Export(handle, "MPI_Comm_size");
            Barrier = (delegate* unmanaged<IntPtr, int>)Export(handle, "MPI_Barrier");
            Allgather = (delegate* unmanaged<void*, int, IntPtr, void*, int, IntPtr, IntPtr, int>)Export(handle, "MPI_Allgather");
            Allgatherv = (delegate* unmanaged<void*, int, IntPtr, void*, int*, int*, IntPtr, IntPtr, int>)Export(handle, "MPI_Allgatherv");
            Abort = (delegate* unmanaged<IntPtr, int, int>)Export(handle, "MPI_Abort");
            CommSetErrhandler = (delegate* unmanaged<IntPtr, IntPtr, int>)Export(handle, "MPI_Comm_set_errhandler");
            ErrorString = (delegate* unmanaged<int, byte*, int*, int>)Export(handle, "MPI_Error_string");
            library = handle;
        }
    }

    /// <summary>Throws <see cref="MpiException"/> naming <paramref name="call"/> and MPI's error text unless <paramref name="code"/> is MPI_SUCCESS.</summary>
    public static void Check(int code, string call)
    {
        if (code == 0)
            return;
        throw new MpiException(call, $"returned {code} ({Describe(code)}).");
    }

    private static string Describe(int code)
    {
        if (ErrorString == null)
            return "no error text";
        byte* text = stackalloc byte[MaxErrorString];
        int length = 0;
        return ErrorString(code, text, &length) == 0 ? Encoding.ASCII.GetString(text, Math.Clamp(length, 0, MaxErrorString)) : "no error text";
    }

    private static IntPtr Export(IntPtr handle, string name)
    {
        if (!NativeLibrary.TryGetExport(handle, name, out var address))
            throw new MpiException("load", $"{LibraryName} has no symbol '{name}' (not Open MPI 4?).");
        return address;
    }
}
