using Vigil.Storage.Memory;

namespace Vigil.Storage.Extents;

/// <summary>Copies decoded rows back into column buffers (merges, retention rewrites).</summary>
internal static class ExtentRows
{
    public static void AppendRow(ColumnBlock block, int row, ColumnBuffer target)
    {
        if (block.IsNull(row))
        {
            target.AppendNull();
            return;
        }

        switch (block.Type)
        {
            case ColumnType.Real: target.AppendDouble(block.Doubles[row]); break;
            case ColumnType.Decimal: target.AppendDecimal(block.Decimals[row]); break;
            case ColumnType.Guid: target.AppendGuid(block.Guids[row]); break;
            case ColumnType.String or ColumnType.Dynamic: target.AppendUtf8(block.GetUtf8(row)); break;
            default: target.AppendLong(block.Longs[row]); break;
        }
    }
}
