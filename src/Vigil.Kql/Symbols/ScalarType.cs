namespace Vigil.Kql.Symbols;

/// <summary>
/// KQL's scalar types. The numeric values are stable (the engine and storage map them), so add new members at the
/// end only. <see cref="Unknown"/> is the binder's "could not be determined" type: it is accepted everywhere so
/// one error does not cascade, and it is what columns produced by <c>bag_unpack</c> and similar plugins have.
/// </summary>
public enum ScalarType : byte
{
    /// <summary>Not known at bind time (error recovery, columns whose type only the data decides).</summary>
    Unknown = 0,

    /// <summary><c>bool</c> (alias <c>boolean</c>).</summary>
    Bool = 1,

    /// <summary><c>int</c>: signed 32-bit (aliases int32, uint, int8, ...).</summary>
    Int = 2,

    /// <summary><c>long</c>: signed 64-bit (aliases int64, ulong, uint64).</summary>
    Long = 3,

    /// <summary><c>real</c>: IEEE-754 64-bit (aliases double, float).</summary>
    Real = 4,

    /// <summary><c>decimal</c>: 128-bit decimal.</summary>
    Decimal = 5,

    /// <summary><c>datetime</c> (alias <c>date</c>): a UTC instant in 100-ns ticks.</summary>
    DateTime = 6,

    /// <summary><c>timespan</c> (alias <c>time</c>): an interval in 100-ns ticks.</summary>
    TimeSpan = 7,

    /// <summary><c>string</c>: has no null; the empty string stands for a missing value.</summary>
    String = 8,

    /// <summary><c>dynamic</c>: a JSON-like value (array, property bag or scalar).</summary>
    Dynamic = 9,

    /// <summary><c>guid</c> (aliases <c>uuid</c>, <c>uniqueid</c>).</summary>
    Guid = 10,
}
