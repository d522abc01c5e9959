using System.Text.RegularExpressions;

namespace AgentHost.AgentCore.Contracts.Tests;

/// <summary>
/// Finds the test methods under <c>tests/</c> and checks their names against the convention
/// <c>Subject_Condition_ExpectedResult</c>: at least three underscore-separated parts, each PascalCase (an upper-case letter
/// or a digit first, then letters and digits), and the suffix <c>Async</c> exactly when the method returns a task.
/// <c>tests/tools/test_names.py</c> applies the same rules from the command line.
/// </summary>
internal static partial class TestMethodNames
{
    /// <summary>Every <c>[Fact]</c>/<c>[Theory]</c> method in the C# files under <paramref name="testsRoot"/>.</summary>
    public static IEnumerable<TestMethod> Scan(string testsRoot)
    {
        foreach (var file in Directory.EnumerateFiles(testsRoot, "*.cs", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(testsRoot, file).Replace('\\', '/');
            if (relative.Split('/').Any(part => part is "bin" or "obj" or "node_modules"))
            {
                continue;
            }

            var project = relative.Split('/')[0];
            var pending = false;
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i++)
            {
                var line = lines[i].Trim();
                if (line.StartsWith("//", StringComparison.Ordinal))
                {
                    continue;
                }

                if (line.StartsWith('[') && TestAttribute().IsMatch(line))
                {
                    pending = true;
                    continue;
                }

                if (!pending || line.Length == 0 || line.StartsWith('['))
                {
                    continue;
                }

                var method = MethodDeclaration().Match(lines[i]);
                if (method.Success)
                {
                    pending = false;
                    yield return new TestMethod(project, relative, i + 1, method.Groups["name"].Value, method.Groups["type"].Value.Trim());
                }
            }
        }
    }

    /// <summary>What is wrong with a test method's name; empty when it follows the convention.</summary>
    public static IReadOnlyList<string> Problems(string name, bool returnsTask)
    {
        var problems = new List<string>();
        var parts = name.Split('_');
        if (parts.Length < 3)
        {
            problems.Add("fewer than three parts");
        }

        if (!parts.All(part => PascalCasePart().IsMatch(part)))
        {
            problems.Add("a part is not PascalCase");
        }

        if (returnsTask && !name.EndsWith("Async", StringComparison.Ordinal))
        {
            problems.Add("returns a task but lacks the Async suffix");
        }

        if (!returnsTask && name.EndsWith("Async", StringComparison.Ordinal))
        {
            problems.Add("Async suffix on a method that returns no task");
        }

        return problems;
    }

    public static bool IsTaskType(string returnType) => TaskType().IsMatch(returnType);

    [GeneratedRegex(@"\[\s*(?:Xunit\.)?(?:Fact|Theory)\b")]
    private static partial Regex TestAttribute();

    [GeneratedRegex(@"^\s*(?:(?:public|private|protected|internal|static|virtual|override|async|sealed|new)\s+)*(?<type>[\w<>\[\],.? ]+?)\s+(?<name>\w+)\s*\(")]
    private static partial Regex MethodDeclaration();

    [GeneratedRegex("^[A-Z0-9][A-Za-z0-9]*$")]
    private static partial Regex PascalCasePart();

    [GeneratedRegex(@"^(?:System\.Threading\.Tasks\.)?(?:Task|ValueTask)\b")]
    private static partial Regex TaskType();
}
