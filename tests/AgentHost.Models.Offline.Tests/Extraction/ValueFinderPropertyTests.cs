using System.Globalization;
using AgentHost.Models.Offline.Extraction;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace AgentHost.Models.Offline.Tests.Extraction;

/// <summary>Property tests of the value finders, with a fixed seed: the same cases run every time.</summary>
public sealed class ValueFinderPropertyTests
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure
        .WithMaxTest(300)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x0FF11AEUL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private static readonly string[] Formats = ["yyyy-MM-dd", "d MMMM yyyy", "MMMM d, yyyy", "dd/MM/yyyy", "d MMM yyyy"];

    private static Gen<DateOnly> Dates { get; } =
        from days in Gen.Choose(0, 200 * 366)
        select DateOnly.FromDayNumber(new DateOnly(1920, 1, 1).DayNumber + days);

    [Fact]
    public void FindDates_AnyDateWrittenInASupportedFormat_FindsTheSameIsoDate()
    {
        Check.One(Fixed, Prop.ForAll((from date in Dates from format in Gen.Elements(Formats) select (date, format)).ToArbitrary(), input =>
        {
            string written = input.date.ToString(input.format, CultureInfo.InvariantCulture);

            List<(int Index, string Date)> found = ValueFinder.FindDates($"Please book it on {written} if possible.");

            Assert.Equal(input.date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), Assert.Single(found).Date);
        }));
    }

    [Fact]
    public void FindByPattern_AnyInvestorIdInASentenceInEitherCase_FindsItByItsPattern()
    {
        Check.One(Fixed, Prop.ForAll((from n in Gen.Choose(0, 999) from lower in Gen.Elements(true, false) select (n, lower)).ToArbitrary(), input =>
        {
            string id = "LP-" + input.n.ToString("000", CultureInfo.InvariantCulture);
            string typed = input.lower ? id.ToLowerInvariant() : id;

            string? found = ValueFinder.FindByPattern(@"^LP-\d{3}$", ValueFinder.RawTokens($"What is {typed}'s portfolio, trade T-10001 and case C-1042?"), new HashSet<string>());

            Assert.Equal(id, found);
        }));
    }

    [Fact]
    public void FindNumbers_AnyAmountWithThousandsSeparatorsAndCurrency_ReadsItExactly()
    {
        Check.One(Fixed, Prop.ForAll((from pounds in Gen.Choose(0, 9_999_999) from pence in Gen.Choose(0, 99) from symbol in Gen.Elements("$", "£", "€", "") select (pounds, pence, symbol)).ToArbitrary(), input =>
        {
            decimal amount = input.pounds + (input.pence / 100m);
            string written = input.symbol + amount.ToString("#,0.00", CultureInfo.InvariantCulture);

            List<decimal> numbers = ValueFinder.FindNumbers($"Withdraw {written} from LP-001 on 2026-12-01");

            Assert.Equal(amount, Assert.Single(numbers));
        }));
    }
}
