namespace AgentHost.Control.Policy;

/// <summary>How a <see cref="PolicyCondition"/> compares an argument with its value.</summary>
public enum ConditionOperator
{
    /// <summary><c>==</c>: equal (numbers numerically, strings ordinally ignoring case, booleans).</summary>
    Equal,

    /// <summary><c>!=</c>: not equal (also true when the argument is missing).</summary>
    NotEqual,

    /// <summary><c>&gt;</c>: numerically greater.</summary>
    GreaterThan,

    /// <summary><c>&gt;=</c>: numerically greater or equal.</summary>
    GreaterOrEqual,

    /// <summary><c>&lt;</c>: numerically less.</summary>
    LessThan,

    /// <summary><c>&lt;=</c>: numerically less or equal.</summary>
    LessOrEqual,

    /// <summary><c>in</c>: equal to one of the listed values.</summary>
    In,

    /// <summary><c>notIn</c>: equal to none of the listed values (also true when the argument is missing).</summary>
    NotIn,

    /// <summary><c>exists</c>: the argument is present and not null.</summary>
    Exists,

    /// <summary><c>notExists</c>: the argument is missing or null.</summary>
    NotExists,

    /// <summary><c>matches</c>: a string argument matches a glob (<c>*</c>, <c>?</c>, case-insensitive).</summary>
    Matches,
}
