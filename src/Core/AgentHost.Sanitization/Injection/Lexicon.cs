namespace AgentHost.Sanitization.Injection;

/// <summary>
/// The word lists the injection patterns are built from, over the normalised view (lower case, no diacritics, ASCII
/// look-alikes): English, Portuguese, Spanish and French. Constants, so the source-generated expressions can use them.
/// </summary>
internal static class Lexicon
{
    /// <summary>A separator between two words on one line.</summary>
    public const string W = @"[^a-z0-9\n]+";

    /// <summary>An optional separator (text whose spacing was collapsed).</summary>
    public const string W0 = @"[^a-z0-9\n]*";

    /// <summary>Verbs that cancel or set aside instructions.</summary>
    public const string OverrideVerb =
        @"(?:ignore|ignoring|disregard(?:ing)?|forget(?:ting)?|overrid(?:e|ing)|overrule|bypass|discard|abandon|neglect|nullify|set aside|throw out|overlook"
        + @"|(?:do not|don't|dont|never|no longer|stop) (?:follow(?:ing)?|obey(?:ing)?|respect(?:ing)?|adher(?:e|ing) to)"
        + @"|ignora|ignorar|ignorem|ignorai|ignorad|ignoren|desconsider(?:e|a|ar|em)|esque(?:ca|ce|cer|cam)|descart(?:e|a|ar)|desprez(?:e|a|ar)"
        + @"|nao (?:siga|sigas|obedeca|respeite|cumpra)(?: mais)?|(?:deixe|pare) de (?:seguir|obedecer|respeitar)"
        + @"|olvid(?:a|e|ar|en|ad)|omit(?:e|a)|desestim(?:a|e)|(?:haz|haga|hagan|haced) caso omiso (?:de|a)"
        + @"|no (?:sigas|siga|obedezcas|respetes|cumplas)(?: mas)?|(?:deja|deje) de (?:seguir|obedecer|respetar)|(?:pasa|pase) por alto"
        + @"|ignorez|ignorer|oubli(?:e|ez|er)|ne (?:tiens|tenez) (?:pas|plus) compte d(?:e|es|u)|(?:fais|faites) abstraction d(?:e|es|u)"
        + @"|ecart(?:e|ez)|contourn(?:e|ez)|ne (?:respecte|respectez|suis|suivez) (?:pas|plus)|n'obei[sz] plus|pass(?:e|ez) outre)";

    /// <summary>Articles and determiners between an override verb and its object.</summary>
    public const string Article =
        @"(?:the|all|any|of|these|those|each|every|as|os|a|o|todas|todos|de|das|dos|mais|las|los|la|el|del|les|le|des|toutes|tous|du|l|such|de las|de los|a las|a los|aux)";

    /// <summary>Possessives that address the reader (the model).</summary>
    public const string Possessive = @"(?:your|tus|sus|vuestras|vuestros|suas|seus|tuas|teus|tes|vos|ton|votre|tu|su)";

    /// <summary>Qualifiers that point at instructions given earlier (the model's own).</summary>
    public const string Qualifier =
        @"(?:previous|prior|above|earlier|preceding|former|original|initial|system|developer|default|hidden|safety|security|existing|current|foregoing|all|any previous)";

    /// <summary>Nouns for instructions.</summary>
    public const string InstructionNoun =
        @"(?:instructions?|prompts?|rules|directives?|guidelines?|guardrails?|polic(?:y|ies)|constraints|restrictions|programming|commands|orders|guidance|directions|training|protocols?|system prompt|system message"
        + @"|instrucoes|instrucao|regras|ordens|diretrizes|diretivas|comandos|orientacoes|politicas|restricoes|programacao"
        + @"|instrucciones|instruccion|reglas|ordenes|directrices|indicaciones|normas|restricciones|programacion"
        + @"|consignes|regles|ordres|indications|politiques|programmation)";

    /// <summary>Qualifiers that follow the noun in Portuguese, Spanish and French (and "you were given").</summary>
    public const string QualifierAfter =
        @"(?:anteriores|previas|previos|acima|originais|iniciais|antigas|do sistema|de seguranca|recebidas|de arriba|originales|iniciales|del sistema|recibidas|de seguridad"
        + @"|precedentes|anterieures|ci-dessus|ci dessus|initiales|du systeme|de securite|recues|above|before|so far|you were given|you have been given|you received|given to you)";

    /// <summary>Names for the model as an addressee.</summary>
    public const string AiNoun =
        @"(?:ai assistant|ai model|ai agent|ai system|ai bot|ai|a i|artificial intelligence|virtual assistant|assistant ia|assistant virtuel|assistants?|chat ?bot|bot|llms?|large language models?|language models?|models?"
        + @"|gpt(?:-?[0-9o]+)?|chatgpt|claude|gemini|copilot|ia|assistente(?: virtual| de ia)?|modelo(?: de linguagem| de lenguaje| de ia)?|asistente(?: virtual| de ia)?|robo"
        + @"|intelligence artificielle|inteligencia artificial|modele(?: de langage)?|agent ia|agente(?: de)? ia|automated (?:system|agent|assistant)|virtual agent|agent virtuel|agente virtual)";

    /// <summary>Names for the model that cannot mean a person or a product model.</summary>
    public const string StrictAiNoun =
        @"(?:ai assistant|ai model|ai agent|ai system|ai bot|ai|a i|artificial intelligence|virtual assistant|assistant ia|assistant virtuel|chat ?bot|llms?|large language models?|language models?"
        + @"|gpt(?:-?[0-9o]+)?|chatgpt|claude|gemini|copilot|ia|assistente virtual|assistente de ia|modelo de linguagem|modelo de lenguaje|modelo de ia|asistente virtual|asistente de ia"
        + @"|intelligence artificielle|inteligencia artificial|modele de langage|agent ia|agente(?: de)? ia|automated (?:system|agent|assistant))";

    /// <summary>Imperatives that start a directive (English, Portuguese, Spanish, French).</summary>
    public const string DirectiveVerb =
        @"(?:ignore|disregard|forget|send|transfer|forward|export|e-?mail|reveal|print|output|disclose|share|tell|say|respond|reply|answer|approve|grant|mark|set|change|update|delete|remove|refund|issue|execute|run|invoke|include|add|list|give|provide|write|stop|disable|enable|reset|pretend|act|switch|follow|obey|comply|confirm|skip|bypass|treat|consider|close|waive|credit|release|unlock|offer|classify|escalate|do not|don't|never|always|only|instead|call|use|repeat|return|display|show|wire|pay|authori[sz]e|activate|cancel"
        + @"|desconsidere|esqueca|envie|transfira|encaminhe|exporte|revele|imprima|divulgue|compartilhe|diga|responda|aprove|conceda|marque|altere|mude|atualize|apague|remova|estorne|emita|execute|inclua|adicione|liste|forneca|escreva|pare|desative|ative|finja|aja|siga|obedeca|confirme|pule|trate|considere|encerre|isente|libere|desbloqueie|ofereca|classifique|nao|nunca|sempre|apenas|somente|informe|mostre|exiba|aplique|registre|autorize|cancele|chame"
        + @"|ignora|olvida|envia|transfiere|reenvia|exporta|revela|imprime|divulga|comparte|di|dime|responde|aprueba|concede|marca|cambia|actualiza|borra|elimina|reembolsa|emite|ejecuta|incluye|anade|da|dame|proporciona|escribe|desactiva|activa|finge|actua|sigue|obedece|confirma|trata|considera|cierra|exime|libera|desbloquea|ofrece|clasifica|no|siempre|solo|informa|muestra|aplica|registra|autoriza|cancela|usa|llama|transfiera|apruebe|autorice"
        + @"|ignorez|oublie|oubliez|envoie|envoyez|transfere|transferez|revelez|divulgue|partage|dis|dites|reponds|repondez|approuve|approuvez|accorde|accordez|modifie|supprime|supprimez|rembourse|remboursez|executez|ajoute|donne|donnez|fournis|ecris|arrete|fais|faites|agis|suis|suivez|obeis|confirmez|ferme|debloque|debloquez|offre|ne|jamais|toujours|uniquement|montre|affiche|applique|enregistre|autorise|annule|utilise|appelle|valide|validez|indique|indiquez|communique|communiquez)";

    /// <summary>Imperatives that, at the start of a tag's content, make it a directive to the model.</summary>
    public const string NarrowDirectiveVerb =
        @"(?:ignore|disregard|forget|reveal|disclose|print|output|respond|reply|answer|say|tell|pretend|obey|bypass|override"
        + @"|desconsidere|esqueca|revele|divulgue|responda|diga|finja|obedeca|ignora|olvida|revela|divulga|responde|di|dime|finge|obedece"
        + @"|ignorez|oublie|oubliez|revelez|reponds|repondez|dis|dites|obeis)";

    /// <summary>Second-person words, modals and model names that mark text as addressed to the model.</summary>
    public const string SecondPersonOrModal =
        @"(?:you|your|yours|yourself|voce|voces|vc|teu|tua|usted|ustedes|vous|votre|toi|ton|eres|estas|debes|deves|dois|devez|doit|deve|debe|must|always|never|sempre|nunca|siempre|toujours|jamais)";

    /// <summary>Prefixes of politeness before an imperative.</summary>
    public const string Please = @"(?:please|kindly|por favor|favor|s'il (?:te|vous) plait|porfa)";
}
