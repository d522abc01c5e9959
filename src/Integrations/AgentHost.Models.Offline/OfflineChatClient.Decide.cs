using System.Globalization;
using System.Text.Json;
using AgentHost.Models.Offline.Conversation;
using AgentHost.Models.Offline.Extraction;
using AgentHost.Models.Offline.Logging;
using AgentHost.Models.Offline.Ranking;
using AgentHost.Models.Offline.Replies;
using Microsoft.Extensions.AI;

namespace AgentHost.Models.Offline;

/// <summary>The rules: summarise pending tool results, answer small talk, or pick and call a tool.</summary>
public sealed partial class OfflineChatClient
{
    /// <summary>How close (relative to the best score) a tool must be to win by having all its arguments.</summary>
    private const double CloseRunnerUpRatio = 0.5;

    private OfflineDecision Decide(ConversationView view, ChatOptions? options)
    {
        string id = DecisionId(view);
        List<ToolCandidate> tools = OfferedTools(options);

        if (view.TrailingResults.Count > 0)
        {
            return AfterToolResults(id, view, tools);
        }

        string text = view.LatestUserText;
        if (text.Length == 0)
        {
            return OfflineDecision.Reply(id, "How can I help? " + SmallTalk.Help(tools));
        }

        if (SmallTalk.TryReply(text, tools) is { } smallTalk)
        {
            return OfflineDecision.Reply(id, smallTalk);
        }

        if (tools.Count == 0 || options?.ToolMode is NoneChatToolMode)
        {
            return OfflineDecision.Reply(id, "I'm the offline rule-based assistant (not a language model), and no tools are available to me for this request, so I can't look that up.");
        }

        List<RankedTool> ranked = Ranked(tools, text, _options.MinimumScore);
        if (ranked.Count == 0 && _options.UseConversationContext && view.PreviousUserText is { } previous)
        {
            ranked = Ranked(tools, previous + " " + text, _options.MinimumScore);
        }

        if (ranked.Count == 0)
        {
            ToolCandidate? search = _options.UseSearchTool ? tools.FirstOrDefault(t => t.IsSearch) : null;
            return search is not null
                ? CallTool(id, 0, search, new Dictionary<string, object?> { ["query"] = text }, 0)
                : OfflineDecision.Reply(id, "I'm the offline rule-based assistant (not a language model) and I couldn't match that to one of the available tools. " + SmallTalk.Help(tools));
        }

        return CallOrAsk(id, ranked, text, view);
    }

    /// <summary>
    /// Calls the best-ranked tool whose required arguments are all present, among the tools scoring at least
    /// <see cref="CloseRunnerUpRatio"/> of the best; otherwise asks for what the best tool is missing.
    /// A write tool is a runner-up only when the user used one of its action words, so a write action is never
    /// a fallback guess. A write tool that
    /// got nothing but ids (no content for its other parameters) yields to a complete runner-up.
    /// </summary>
    private OfflineDecision CallOrAsk(string id, List<RankedTool> ranked, string text, ConversationView view)
    {
        IReadOnlyList<string> history = _options.UseConversationContext ? view.History : [];
        double floor = ranked[0].Score * CloseRunnerUpRatio;
        ExtractionResult? first = null;
        (RankedTool Tool, ExtractionResult Extraction)? deferred = null;
        foreach (RankedTool candidate in ranked.Where(r => r.Score >= floor))
        {
            bool isTop = ReferenceEquals(candidate, ranked[0]);
            if (!isTop && !candidate.ActionMentioned)
            {
                continue;
            }

            ExtractionResult extraction = ArgumentExtractor.Extract(candidate.Tool, text, history, EnumSynonyms.Default);
            if (extraction.IsComplete && isTop && candidate.Tool.IsWrite && OnlyIds(candidate.Tool, extraction))
            {
                deferred = (candidate, extraction);
                continue;
            }

            if (extraction.IsComplete)
            {
                return CallTool(id, 0, candidate.Tool, extraction.Arguments, candidate.Score);
            }

            first ??= extraction;
        }

        if (deferred is { } fallback)
        {
            return CallTool(id, 0, fallback.Tool.Tool, fallback.Extraction.Arguments, fallback.Tool.Score);
        }

        OfflineChatClientLog.AskingForArguments(_logger, ranked[0].Tool.Name, first!.Missing.Count);
        return OfflineDecision.Reply(id, MissingArgumentPrompt.Ask(ranked[0].Tool, first.Missing));
    }

    private static bool OnlyIds(ToolCandidate tool, ExtractionResult extraction) =>
        tool.Parameters.Any(p => p.Pattern is null || !p.Required) &&
        extraction.Arguments.Keys.All(k => tool.Parameters.First(p => p.Name == k) is { Pattern: not null, Required: true });

    private OfflineDecision AfterToolResults(string id, ConversationView view, List<ToolCandidate> tools)
    {
        List<(FunctionResultContent Result, FunctionCallContent? Call)> results = [.. view.TrailingResults];
        bool onlySearch = results.All(r => r.Call is not null && tools.Any(t => t.IsSearch && t.Name == r.Call.Name) || r.Call?.Name == GatewaySearchToolName);
        if (onlySearch)
        {
            ToolOutcome outcome = ToolOutcome.From(results[^1].Result);
            HashSet<string> found = FoundToolNames(outcome);
            List<ToolCandidate> offeredFound = [.. tools.Where(t => !t.IsSearch && found.Contains(t.Name))];
            List<RankedTool> ranked = offeredFound.Count > 0 ? Ranked(offeredFound, view.LatestUserText, 0.01) : [];
            if (ranked.Count > 0)
            {
                return CallOrAsk(id, ranked, view.LatestUserText, view);
            }

            return OfflineDecision.Reply(id, ResultSummarizer.SummarizeSearch(outcome));
        }

        OfflineChatClientLog.Summarising(_logger, results.Count);
        IEnumerable<string> summaries = results.Select(r => ResultSummarizer.Summarize(
            r.Call?.Name ?? "tool",
            r.Call?.Arguments,
            ToolOutcome.From(r.Result),
            Math.Max(1, _options.MaxListItems),
            Math.Max(1, _options.MaxFieldsPerItem)));
        return OfflineDecision.Reply(id, string.Join("\n\n", summaries));
    }

    /// <summary>Ranks the non-search tools and keeps those at or above the threshold, best first.</summary>
    private List<RankedTool> Ranked(List<ToolCandidate> tools, string text, double threshold)
    {
        List<ToolCandidate> candidates = [.. tools.Where(t => !t.IsSearch)];
        if (candidates.Count == 0)
        {
            return [];
        }

        List<RankedTool> ranked = new ToolRanker(candidates, _synonyms).Rank(text, ValueFinder.RawTokens(text));
        if (ranked[0].Score < threshold)
        {
            OfflineChatClientLog.NoToolMatched(_logger, threshold, ranked[0].Score);
            return [];
        }

        return [.. ranked.Where(r => r.Score >= threshold)];
    }

    private OfflineDecision CallTool(string id, int index, ToolCandidate tool, Dictionary<string, object?> arguments, double score)
    {
        OfflineChatClientLog.CallingTool(_logger, tool.Name, score, arguments.Count);
        string callId = string.Create(CultureInfo.InvariantCulture, $"call_{id}_{index}");
        return OfflineDecision.Call(id, new FunctionCallContent(callId, tool.Name, arguments));
    }

    private static List<ToolCandidate> OfferedTools(ChatOptions? options)
    {
        IEnumerable<AIFunctionDeclaration> declarations = options?.Tools?.OfType<AIFunctionDeclaration>() ?? [];
        if (options?.ToolMode is RequiredChatToolMode { RequiredFunctionName: { } required })
        {
            declarations = declarations.Where(d => d.Name == required);
        }

        return [.. declarations.Select((d, i) => new ToolCandidate(d, i))];
    }

    private static HashSet<string> FoundToolNames(ToolOutcome outcome)
    {
        HashSet<string> names = new(StringComparer.Ordinal);
        if (outcome.Json is { ValueKind: JsonValueKind.Object } json && json.TryGetProperty("tools", out JsonElement tools) && tools.ValueKind == JsonValueKind.Array)
        {
            foreach (JsonElement tool in tools.EnumerateArray())
            {
                if (tool.ValueKind == JsonValueKind.Object && tool.TryGetProperty("name", out JsonElement name) && name.GetString() is { } n)
                {
                    names.Add(n);
                }
            }
        }

        return names;
    }

    /// <summary>A stable id from the conversation's content: FNV-1a over its text, plus its length.</summary>
    private static string DecisionId(ConversationView view)
    {
        uint hash = 2166136261;
        foreach (string text in view.History.Prepend(view.LatestUserText))
        {
            foreach (char c in text)
            {
                hash = (hash ^ c) * 16777619;
            }
        }

        return string.Create(CultureInfo.InvariantCulture, $"offline-{view.History.Count + 1}-{hash:x8}");
    }
}
