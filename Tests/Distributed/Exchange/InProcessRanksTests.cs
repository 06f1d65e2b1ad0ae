using System.Text;
using GrowNet.Ecs.Distributed.Exchange;
using NUnit.Framework;

namespace GrowNet.Ecs.Tests.Distributed.Exchange;

/// <summary>The in-process exchange and the failure-carrying rounds of <see cref="RankChannel"/>.</summary>
[TestFixture]
public sealed class InProcessRanksTests
{
    [TestCase(1)]
    [TestCase(2)]
    [TestCase(3)]
    public void AllGatherVDeliversEveryRanksBytesInRankOrder(int size)
    {
        var seen = new string[size];
        InProcessRanks.Run(size, exchange =>
        {
            var channel = new RankChannel(exchange);
            for (int round = 0; round < 3; round++)
            {
                channel.Round(Encoding.ASCII.GetBytes(new string((char)('a' + exchange.Rank), exchange.Rank + round)));
                var text = new StringBuilder();
                for (int r = 0; r < size; r++)
                    text.Append(Encoding.ASCII.GetString(channel.Received(r))).Append('|');
                seen[exchange.Rank] = text.ToString();
            }
        });
        string expected = string.Concat(Enumerable.Range(0, size).Select(r => new string((char)('a' + r), r + 2) + "|"));
        Assert.That(seen, Is.EqualTo(Enumerable.Repeat(expected, size).ToArray()));
    }

    [Test]
    public void GatherAllSplitsLargeDataIntoRoundsAndKeepsOrder()
    {
        var data = new byte[RankChannel.MaxRoundBytes + 1000];
        new Random(5).NextBytes(data);
        byte[]? gathered = null;
        InProcessRanks.Run(2, exchange =>
        {
            var channel = new RankChannel(exchange);
            var into = new MemoryStream();
            channel.GatherAll(exchange.Rank == 1 ? data : [], (rank, chunk) =>
            {
                Assert.That(rank, Is.EqualTo(1));
                into.Write(chunk);
            });
            if (exchange.Rank == 0)
                gathered = into.ToArray();
        });
        Assert.That(gathered, Is.EqualTo(data));
    }

    [Test]
    public void AFailingRankEndsTheRoundOnEveryRankWithItsMessage()
    {
        var errors = new Exception?[3];
        var run = Assert.Throws<AggregateException>(() => InProcessRanks.Run(3, exchange =>
        {
            var channel = new RankChannel(exchange);
            try
            {
                channel.Barrier();
                if (exchange.Rank == 2)
                {
                    channel.Fail("disk full");
                    throw new IOException("disk full");
                }

                for (int tick = 0; tick < 100; tick++)
                    channel.Round([1, 2, 3]);
            }
            catch (Exception error)
            {
                errors[exchange.Rank] = error;
                throw;
            }
        }));
        Assert.That(run!.InnerExceptions, Has.Count.EqualTo(3));
        Assert.That(errors[0], Is.TypeOf<RankFailedException>());
        Assert.That(errors[0]!.Message, Is.EqualTo("rank 2 failed: disk full"));
        Assert.That(errors[1]!.Message, Is.EqualTo("rank 2 failed: disk full"));
    }

    [Test]
    public void ARankThatThrowsWithoutTellingStillReleasesTheOthers()
    {
        var run = Assert.Throws<AggregateException>(() => InProcessRanks.Run(2, exchange =>
        {
            var channel = new RankChannel(exchange);
            if (exchange.Rank == 1)
                throw new InvalidOperationException("crashed");
            channel.Barrier();
        }));
        Assert.That(run!.InnerExceptions.Select(e => e.Message), Has.Member("rank 1 failed: InvalidOperationException: crashed"));
    }
}
