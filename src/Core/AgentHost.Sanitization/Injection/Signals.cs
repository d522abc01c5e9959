using System.Buffers;

namespace AgentHost.Sanitization.Injection;

/// <summary>
/// One vectorised pass over the normalised view that tells which trigger words and characters a text holds. Every rule
/// states the triggers it cannot match without (<see cref="InjectionDetector"/>), so ordinary business text — most
/// values of a JSON result, and notes that merely say "ignore" or "instructions" — runs few expressions or none.
/// </summary>
internal static class Signals
{
    public const long OverrideVerb = 1L << 0;
    public const long InstructionNoun = 1L << 1;
    public const long Everything = 1L << 2;
    public const long VoidWord = 1L << 3;
    public const long SafetyObject = 1L << 4;
    public const long Possessive = 1L << 5;
    public const long TaskNoun = 1L << 6;
    public const long LeakVerb = 1L << 7;
    public const long LeakObject = 1L << 8;
    public const long YouAre = 1L << 9;
    public const long FromNow = 1L << 10;
    public const long Pretend = 1L << 11;
    public const long ActVerb = 1L << 12;
    public const long AsIf = 1L << 13;
    public const long Mode = 1L << 14;
    public const long Without = 1L << 15;
    public const long StrictAi = 1L << 16;
    public const long AmbiguousAi = 1L << 17;
    public const long NoteWord = 1L << 18;
    public const long GreetWord = 1L << 19;
    public const long IfYou = 1L << 20;
    public const long Summarise = 1L << 21;
    public const long Template = 1L << 22;
    public const long Label = 1L << 23;
    public const long Json = 1L << 24;
    public const long ToolWord = 1L << 25;
    public const long Action = 1L << 26;
    public const long Markup = 1L << 27;
    public const long Colon = 1L << 28;
    public const long Paren = 1L << 29;
    public const long Underscore = 1L << 30;
    public const long Quote = 1L << 31;
    public const long Comma = 1L << 32;

    /// <summary>Any model name.</summary>
    public const long AnyAi = StrictAi | AmbiguousAi;

    // Trigger → groups; a leading or trailing space in a trigger is a word boundary, checked at the match.
    private static readonly (string Text, long Groups)[] Triggers = Build();
    private static readonly SearchValues<string> Search = SearchValues.Create(Triggers.Select(t => t.Text.Trim()).Distinct().ToArray(), StringComparison.Ordinal);
    // Triggers by their first two characters (every trigger has at least two).
    private static readonly Dictionary<int, (string Text, long Groups, bool WordStart, bool WordEnd)[]> ByPrefix = Triggers
        .Select(t => (Text: t.Text.Trim(), t.Groups, WordStart: t.Text.StartsWith(' '), WordEnd: t.Text.EndsWith(' ')))
        .GroupBy(t => Key(t.Text[0], t.Text[1]))
        .ToDictionary(g => g.Key, g => g.ToArray());

    private static readonly SearchValues<char> Punctuation = SearchValues.Create("<\"(:_[]>{,");

    /// <summary>True when every group of <paramref name="required"/> is in <paramref name="signals"/>.</summary>
    public static bool All(long signals, long required) => (signals & required) == required;

    /// <summary>The groups present in <paramref name="text"/>; <paramref name="hits"/> receives where each trigger was found.</summary>
    public static long Scan(ReadOnlySpan<char> text, List<(int Index, long Groups)>? hits = null)
    {
        long groups = 0;
        if (text.ContainsAny(Punctuation))
        {
            foreach (var c in text)
            {
                groups |= c switch
                {
                    '<' => Markup,
                    '"' => Quote,
                    '(' => Paren,
                    ':' or ']' or '>' => Colon,
                    '_' => Underscore,
                    ',' => Comma,
                    _ => 0,
                };
            }
        }

        var offset = 0;
        while (offset < text.Length)
        {
            var index = text[offset..].IndexOfAny(Search);
            if (index < 0)
            {
                break;
            }

            index += offset;
            if (index + 1 >= text.Length || !ByPrefix.TryGetValue(Key(text[index], text[index + 1]), out var candidates))
            {
                offset = index + 1;
                continue;
            }

            foreach (var (trigger, bits, wordStart, wordEnd) in candidates)
            {
                if ((hits is null && (groups & bits) == bits) || !text[index..].StartsWith(trigger, StringComparison.Ordinal))
                {
                    continue;
                }

                var end = index + trigger.Length;
                if ((wordStart && index > 0 && char.IsAsciiLetterLower(text[index - 1])) || (wordEnd && end < text.Length && char.IsAsciiLetterLower(text[end])))
                {
                    continue;
                }

                groups |= bits;
                hits?.Add((index, bits));
            }

            offset = index + 1;
        }

        return groups;
    }

    private static int Key(char first, char second) => (first << 16) | second;

    private static (string, long)[] Build()
    {
        var list = new List<(string, long)>();
        void Add(long groups, params string[] triggers) => list.AddRange(triggers.Select(t => (t, groups)));

        Add(OverrideVerb,
            "ignor", "disregard", "forget", "overrid", "overrul", "bypass", "discard", "abandon", "neglect", "nullify", "set aside", "throw out", "overlook",
            "not follow", "t follow", "never follow", "longer follow", "stop follow", "not obey", "t obey", "never obey", "longer obey", "stop obey",
            "not respect", "t respect", "not adher", "desconsider", "esquec", "descart", "desprez", "nao siga", "nao sigas", "nao obedec", "nao respeit",
            "nao cumpr", "de seguir", "de obedecer", "de respeitar", "olvid", " omit", "desestim", "caso omiso", "no sigas", "no siga ", "no obedezc",
            "no respet", "no cumpl", "por alto", "oubli", "compte d", "abstraction", " ecart", "contourn", "ne respecte", "ne suis", "ne suivez", "obei",
            " outre");
        Add(InstructionNoun, "instruc", "prompt", " rule", "directive", "guideline", "guardrail", "polic", "constraint", "restriction", "programming",
            "command", " order", "guidance", "direction", "training", "protocol", " regra", " ordens", "diretriz", "diretiva", "comando", "orientac",
            "politica", "restric", "programac", " regla", " ordenes", "directric", "indicacion", " norma", "consigne", " regle", " ordre", "indication",
            "politique", "programmation");
        Add(Everything, "everything", " all ", "anything", "whatever", " tudo", " todo ", " tout ");
        Add(VoidWord, " void", " null", "cancel", "revok", "obsolete", "invalid", "supersed", "outdated", "overridden", "no longer", " nul", "anulad",
            "revogad", "revocad", "annule", "caduque", "sem efeito", "sin efecto", "sans effet", "revoque");
        Add(SafetyObject, "system prompt", "guardrail", "safety", "content polic", "content filter", "programming", "alignment", "moderation", "ethical",
            "salvaguarda", "garde-fou", "filtros de segur", "filtres de secur");
        Add(Possessive, "your ", " seu ", " sua ", " teu ", " tua ", " tu ", " su ", " ton ", " ta ", "votre ", " tes ", " vos ");
        Add(TaskNoun, "task", " goal", "objective", "mission", " role", " job", "purpose", "directive", " order", "priorit", "persona", "identit",
            "instruc", "tarefa", "objetivo", "missao", "papel", "funcao", "trabalho", "tarea", "mision", " rol ", "funcion", "trabajo", "tache",
            "objectif", " but ", "fonction", "travail", "consigne");
        Add(LeakVerb, "reveal", "print", "show", "output", "repeat", "display", " leak", "disclose", " dump", "share", "tell me", "give me", "write",
            " echo", "recite", "expose", "paste", "spell", "send me", "what", "revel", "mostr", "imprim", " exib", "diga", "inform", "repit", "repet",
            "divulg", "escrev", " copi", "compartilh", "qual e", "quais", "muestr", "dime", "escrib", "compart", "ensen", "cual ", "cuales", "affich",
            "montr", "dis-moi", "dites-moi", "donne-moi", "donnez-moi", " ecri", "partag", "quel", "copy");
        Add(LeakObject, "prompt", "instruc", " rule", "guideline", "configur", "directive", "programming", " regra", "diretriz", " regla", "directric",
            "consigne", " regle", "above", "before", "preceding", "acima", "arriba", "ci-dessus", "ci dessus", "message", "mensag", "mensaj");
        Add(YouAre, "you are", "you're", "you re ", " eres", "voce e", "voce agora", "agora voce", "tu es ", "vous etes", "usted es");
        Add(FromNow, "from now", "starting now", "from this point", "a partir de", "de agora em diante", "daqui em diante", "desde ahora",
            "de ahora en adelante", "desormais", "dorenavant");
        Add(Pretend, "pretend", "imagine", "suppose", "roleplay", "role-play", "finj", "fing", "faca de conta", "haz como", "haga como", "semblant",
            "comme si");
        Add(ActVerb, " act ", " behave", "respond", "operate", "answer", "function", " aja ", " atue", "comport", " actua", " actue", " agis");
        Add(AsIf, " as if", " as an", " as a ", " like a", " como ", " comme ", " as the ");
        Add(Mode, " mode", " modo", "anything now");
        Add(Without, "without", "with no ", " sin ", " sem ", " sans ", " obey", "comply", "obedec", "obeis");
        Add(StrictAi, " ai ", " a i ", "artificial", "chatbot", "chat bot", " llm", "language model", " gpt", "chatgpt", "claude", "gemini", "copilot",
            " ia ", "intelligence artificielle", "inteligencia", "automated", "virtual agent", "agent virtuel", "agente virtual", "virtual assistant",
            "assistente virtual", "asistente virtual", "assistant virtuel", "modelo de linguagem", "modelo de lenguaje", "modele de langage", " l'ia ");
        Add(AmbiguousAi, "assistant", " bot ", " bots ", "model", "assistente", "asistente", "modelo", "modele", " robo", "machine", "robot");
        Add(NoteWord, "note", "message", "instruc", "reminder", "attention", "warning", "important", "notice", "memo", "directive", "request", "hint",
            " ps ", "recado", "mensag", "nota", "lembrete", "aviso", "atencao", "mensaj", "recordatorio", "atencion", "rappel", "consigne", "avertissement",
            "remarque", "directiva", "diretiva");
        Add(GreetWord, "dear", "hey", " hi ", "hello", "attention", "attn", " ok ", "okay", "listen", " yo ", " ola", " oi ", " caro", " cara ",
            "prezad", "hola", "querid", "estimad", " oye", " cher", "bonjour", "salut", "ecoute", "atencao", "atencion");
        Add(IfYou, "if you", "se voce", "se tu", "si eres", "si usted", "si tu ", "si vous", "in case you");
        Add(Summarise, "summari", " process", " pars", "analy", " resum", "processar", "analis", "proces", "analic", " traite");
        Add(Template, "<|", "|>", "[inst", "[/inst", "<<sys", "<</sys", "_of_turn", "im_start", "im_end", "endoftext", "eot_id", "begin_of_text", "header_id");
        Add(Label, "system", "sistema", "systeme", "assistant", "assistente", "asistente", "user", "usuario", "utilisateur", "utilizador", "human",
            "humain", "humano", " ai ", " ia ", "developer", "desenvolvedor", "desarrollador", "developpeur", "instruc", "response", "respuesta",
            "resposta", "reponse", "input", "entrada", "admin", "operator");
        Add(Json, "\"role\"", "tool_", "function_", "functioncall", "tooluse", "\"type\"");
        Add(ToolWord, "tool", "function", "ferramenta", "funcao", "herramienta", "funcion", "outil", "fonction", " api", "action", "acao", "accion");
        Add(Action, "action", "acao", "accion");
        return [.. list];
    }
}
