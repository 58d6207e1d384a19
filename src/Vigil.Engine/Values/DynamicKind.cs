namespace Vigil.Engine.Values;

/// <summary>What a <see cref="DynamicValue"/> holds.</summary>
public enum DynamicKind : byte
{
    Null,
    Bool,
    Long,
    Real,
    Decimal,
    DateTime,
    TimeSpan,
    Guid,
    String,
    Array,
    Bag,
}
