using NUnit.Framework;
using System.Text;
using GrowNet.Ecs.Cli.Runner;

namespace GrowNet.Ecs.Tests.Cli.Runner;

public sealed class NpyFileTests
{
    [Test]
    public void The_header_is_npy_1_0_of_a_fixed_length()
    {
        byte[] header = NpyFile.Header(SpikeRecorder.Descr, "", 12345);
        Assert.That(header, Has.Length.EqualTo(NpyFile.HeaderLength));
        Assert.That(header[..8], Is.EqualTo(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0 }));
        Assert.That(BitConverter.ToUInt16(header, 8), Is.EqualTo(NpyFile.HeaderLength - 10));
        string dict = Encoding.ASCII.GetString(header, 10, NpyFile.HeaderLength - 10);
        Assert.That(dict, Does.StartWith("{'descr': [('tick', '<u4'), ('cell', '<u4')], 'fortran_order': False, 'shape': (12345,), }"));
        Assert.That(dict, Does.EndWith(" \n"));
        Assert.That(NpyFile.HeaderLength % 64, Is.EqualTo(0));
    }

    [Test]
    public void A_resumed_file_is_cut_back_to_its_rows_and_continued()
    {
        using var temp = new TempDirectory();
        string path = temp.File("m.npy");
        using (var file = NpyFile.Open(path, "'<f8'", " 2", 16, null))
            file.Append(new byte[48]);
        using (var file = NpyFile.Open(path, "'<f8'", " 2", 16, 1))
            file.Append(Enumerable.Repeat((byte)7, 16).ToArray());
        byte[] bytes = File.ReadAllBytes(path);
        Assert.That(bytes, Has.Length.EqualTo(NpyFile.HeaderLength + 32));
        Assert.That(bytes[..NpyFile.HeaderLength], Is.EqualTo(NpyFile.Header("'<f8'", " 2", 2)));
        Assert.That(bytes[^16..], Is.All.EqualTo((byte)7));
        Assert.Throws<InvalidDataException>(() => NpyFile.Open(path, "'<f8'", " 2", 16, 5));
    }
}
