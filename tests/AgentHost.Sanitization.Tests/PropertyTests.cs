using AgentHost.Sanitization.Replies;
using FsCheck;
using FsCheck.Fluent;
using Microsoft.FSharp.Core;

namespace AgentHost.Sanitization.Tests;

/// <summary>Property tests with fixed seeds: the same cases run every time.</summary>
public sealed class PropertyTests
{
    private static readonly Config Fixed = Config.QuickThrowOnFailure
        .WithMaxTest(300)
        .WithReplay(FSharpOption<Replay>.Some(new Replay(new Rnd(0x5A417UL, 0x9E3779B97F4A7C15UL), FSharpOption<int>.None)));

    private static readonly ToolResultSanitizer Sanitizer = new(new SanitizationOptions());

    private static readonly string[] Prefixes = ["4", "51", "52", "53", "54", "55", "2221", "2720", "34", "37", "6011", "65", "3528", "36", "62"];

    // A Luhn-valid card number of 13-19 digits with a real network prefix.
    private static Gen<string> CardGen { get; } =
        from prefix in Gen.Elements(Prefixes)
        from length in Gen.Choose(13, 19)
        from seed in Gen.Choose(0, int.MaxValue)
        select WithLuhnDigit(prefix + Digits(seed, length - 1 - prefix.Length));

    private static Gen<string> BenignWordGen { get; } = Gen.Elements(
        "customer", "called", "about", "the", "invoice", "INV-22", "please", "ignore", "duplicate", "instructions", "letter", "follow",
        "System maintenance", "Sunday", "assistant", "manager", "order", "#A-55812", "total", "$1,284.90", "2024-03-01", "refund",
        "pedido", "cliente", "ignorar", "factura", "instruções", "carta", "système", "relance", "précédente", "model", "XR-200",
        "role", "account", "disregard", "address", "agent", "bot", "v4.2.1", "12/27", "R$ 1.349,90", "10:30",
        "voided.", "new", "tool", "run", "backup", "Ticket", "1,204", "97.5%", "ref", "77120");

    private static Gen<string> BenignTextGen { get; } =
        from words in Gen.NonEmptyListOf(BenignWordGen)
        select string.Join(' ', words.Take(25));

    [Fact]
    public void Sanitize_AnyLuhnValidCardGroupedAnyWay_IsMasked()
    {
        var gen = from card in CardGen from grouping in Gen.Elements("bare", "space", "dash") select (card, grouping);
        Check.One(Fixed, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var written = input.grouping switch
            {
                "space" => Group(input.card, ' '),
                "dash" => Group(input.card, '-'),
                _ => input.card,
            };
            var result = Sanitizer.Sanitize($"Customer read the card {written} over the phone.");

            Assert.DoesNotContain(written, result.Text, StringComparison.Ordinal);
            Assert.Contains("[CARD ••••" + input.card[^4..] + "]", result.Text, StringComparison.Ordinal);
        }));
    }

    [Fact]
    public void Sanitize_RandomBusinessText_IsNeverAltered()
    {
        Check.One(Fixed, Prop.ForAll(BenignTextGen.ToArbitrary(), text =>
        {
            Assert.Same(text, Sanitizer.Sanitize(text).Text);
        }));
    }

    [Fact]
    public void Append_RandomChunkingOfARepliesWithCards_EqualsMaskingTheWhole()
    {
        var masker = new ReplyMasker(new SanitizationOptions());
        var gen = from card in CardGen
                  from before in BenignTextGen
                  from after in BenignTextGen
                  from cuts in Gen.ListOf(Gen.Choose(1, 12))
                  select (text: $"{before} {Group(card, ' ')} {after}", cuts: cuts.ToArray());
        Check.One(Fixed, Prop.ForAll(gen.ToArbitrary(), input =>
        {
            var stream = masker.CreateStream();
            var output = new System.Text.StringBuilder();
            var position = 0;
            foreach (var cut in input.cuts)
            {
                var length = Math.Min(cut, input.text.Length - position);
                output.Append(stream.Append(input.text.Substring(position, length)));
                position += length;
            }

            output.Append(stream.Append(input.text[position..])).Append(stream.Flush());
            Assert.Equal(masker.Mask(input.text), output.ToString());
        }));
    }

    private static string Digits(int seed, int count)
    {
        var random = new Random(seed);
        return string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));
    }

    private static string Group(string digits, char separator) =>
        string.Join(separator, Enumerable.Range(0, (digits.Length + 3) / 4).Select(i => digits.Substring(i * 4, Math.Min(4, digits.Length - (i * 4)))));

    private static string WithLuhnDigit(string body)
    {
        for (var check = 0; check <= 9; check++)
        {
            var candidate = body + check;
            var sum = 0;
            for (var i = 0; i < candidate.Length; i++)
            {
                var d = candidate[candidate.Length - 1 - i] - '0';
                if (i % 2 == 1)
                {
                    d = d * 2 > 9 ? (d * 2) - 9 : d * 2;
                }

                sum += d;
            }

            if (sum % 10 == 0)
            {
                return candidate;
            }
        }

        throw new InvalidOperationException("unreachable");
    }
}
