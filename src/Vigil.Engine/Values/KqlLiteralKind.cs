namespace Vigil.Engine.Values;

/// <summary>What the text inside a typed literal such as <c>datetime(...)</c> or <c>timespan(...)</c> denotes.</summary>
public enum KqlLiteralKind
{
    /// <summary>The text is not a valid literal of the type.</summary>
    Invalid,

    /// <summary>A value (returned alongside).</summary>
    Value,

    /// <summary>The type's null, e.g. <c>datetime(null)</c>.</summary>
    Null,

    /// <summary><c>datetime()</c>: the query's "now".</summary>
    Now,
}
