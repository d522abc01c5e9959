using System.Diagnostics;
using System.Globalization;
using System.Reflection;
using System.Text.RegularExpressions;
using AgentHost.Sanitization.Injection;
using AgentHost.Sanitization.Text;

namespace AgentHost.Sanitization.Evaluation;

/// <summary>Times every expression of the injection detector over the normalised view of one text (to find slow ones).</summary>
public static class RegexProfile
{
    /// <summary>Prints the slowest expressions for <paramref name="text"/>.</summary>
    public static void Print(string text)
    {
        using var view = NormalizedText.Create(text);
        var n = view.Text;
        var times = new List<(double Microseconds, string Name)>();
        foreach (var method in typeof(Patterns).GetMethods(BindingFlags.Public | BindingFlags.Static).Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0))
        {
            var regex = (Regex)method.Invoke(null, null)!;
            regex.Count(n);
            var watch = Stopwatch.StartNew();
            for (var i = 0; i < 200; i++)
            {
                regex.Count(n);
            }

            times.Add((watch.Elapsed.TotalMilliseconds * 1000 / 200, method.Name));
        }

        Console.WriteLine($"== expressions over: {n.Replace("\n", "\\n", StringComparison.Ordinal)}");
        foreach (var (microseconds, name) in times.OrderByDescending(t => t.Microseconds).Take(8))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{microseconds,8:0.00} µs  {name}"));
        }
    }
}
