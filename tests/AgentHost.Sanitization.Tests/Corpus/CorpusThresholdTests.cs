using AgentHost.Sanitization.Evaluation;
using AgentHost.Testing;

namespace AgentHost.Sanitization.Tests.Corpus;

/// <summary>
/// The repository's corpus (tests/fixtures/sanitization) meets the targets on the development and held-out sets: at least
/// 95 % of injections neutralised, at least 95 % of PII values masked, no benign text altered (quality only; no timing).
/// </summary>
public sealed class CorpusThresholdTests
{
    private static readonly List<CorpusScore> Scores = Score();

    [Theory]
    [InlineData("dev")]
    [InlineData("heldout")]
    public void Corpus_Injections_AtLeast95PercentNeutralised(string split)
    {
        var injections = Scores.Where(s => s.Item.Split == split && s.Item.Kind == "injection").ToList();

        Assert.True(injections.Count >= 30, "the corpus lost its injections");
        var neutralised = injections.Count(s => s.Neutralised);
        Assert.True(neutralised >= 0.95 * injections.Count, $"{neutralised} of {injections.Count}: " + string.Join(", ", injections.Where(s => !s.Neutralised).Select(s => s.Item.Id)));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("heldout")]
    public void Corpus_PiiValues_AtLeast95PercentMasked(string split)
    {
        var values = Scores.Where(s => s.Item.Split == split).Sum(s => s.Item.Pii.Count);
        var masked = Scores.Where(s => s.Item.Split == split).Sum(s => s.PiiMasked);

        Assert.True(values >= 30, "the corpus lost its PII");
        Assert.True(masked >= 0.95 * values, $"{masked} of {values}: " + string.Join(", ", Scores.SelectMany(s => s.PiiMissed.Select(m => s.Item.Id))));
    }

    [Theory]
    [InlineData("dev")]
    [InlineData("heldout")]
    public void Corpus_BenignTexts_NoneAltered(string split)
    {
        var benign = Scores.Where(s => s.Item.Split == split && s.Item.Kind == "benign").ToList();

        Assert.True(benign.Count >= 30, "the corpus lost its benign texts");
        Assert.Empty(benign.Where(s => s.Altered).Select(s => s.Item.Id));
    }

    [Fact]
    public void Corpus_Size_IsAtLeast200TextsInFourLanguages()
    {
        Assert.True(Scores.Count >= 200);
        Assert.Equal(["en", "es", "fr", "pt"], Scores.Select(s => s.Item.Language).Distinct().Order(StringComparer.Ordinal));
    }

    private static List<CorpusScore> Score()
    {
        var sanitizer = new ToolResultSanitizer(new SanitizationOptions());
        return [.. CorpusItem.Load(Path.Combine(RepositoryPaths.Root, "tests", "fixtures", "sanitization")).Select(item => CorpusScore.Of(sanitizer, item))];
    }
}
