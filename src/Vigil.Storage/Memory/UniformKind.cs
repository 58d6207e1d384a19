namespace Vigil.Storage.Memory;

/// <summary>What a <see cref="ColumnBuffer"/> that stores no values holds.</summary>
internal enum UniformKind : byte
{
    /// <summary>Values are stored row by row.</summary>
    None,

    /// <summary>No rows yet (and nothing stored).</summary>
    NoRows,

    /// <summary>Every row is null.</summary>
    AllNull,

    /// <summary>Every row is the empty string (text columns only), not null.</summary>
    AllEmpty,
}
