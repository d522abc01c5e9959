using System.Diagnostics;
using System.Globalization;
using AgentHost.Sanitization;
using AgentHost.Sanitization.Evaluation;

// Evaluates the sanitiser on the repository's corpus and prints recall, false positives and speed.
var showFailures = args.Contains("--failures");
var root = AppContext.BaseDirectory;
while (root is not null && !File.Exists(Path.Combine(root, "AgentHost.sln")))
{
    root = Path.GetDirectoryName(root);
}

var folder = Path.Combine(root ?? throw new InvalidOperationException("AgentHost.sln not found"), "tests", "fixtures", "sanitization");
var items = CorpusItem.Load(folder);
var sanitizer = new ToolResultSanitizer(new SanitizationOptions());
var scores = items.Select(item => CorpusScore.Of(sanitizer, item)).ToList();

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Corpus: {items.Count} texts ({items.Count(i => i.Kind == "injection")} injections, {items.Count(i => i.Kind == "pii")} with PII, {items.Count(i => i.Kind == "benign")} benign; {items.Sum(i => i.Pii.Count)} PII values) from {folder}"));
foreach (var split in new[] { "dev", "heldout", "all" })
{
    var set = scores.Where(s => split == "all" || s.Item.Split == split).ToList();
    Report.Print(split, set);
}

if (showFailures)
{
    Report.PrintFailures(scores);
}

Timing.Print(sanitizer, items);
if (Array.IndexOf(args, "--regex") is var at and >= 0 && at + 1 < args.Length)
{
    foreach (var id in args[at + 1].Split(','))
    {
        RegexProfile.Print(items.First(i => i.Id == id).Text);
    }
}

if (args.Contains("--slowest"))
{
    Timing.PrintSlowest(sanitizer, items);
}
