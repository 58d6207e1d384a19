namespace Vigil.Engine;

/// <summary>
/// What a query's <c>render</c> operator asked for: the chart type (<c>timechart</c>, <c>barchart</c>...) and its
/// <c>with (...)</c> properties as written (<c>title</c>, <c>xcolumn</c>, <c>kind</c>...), for the client to draw.
/// </summary>
public sealed class Visualization(string chartType, IReadOnlyDictionary<string, string> properties)
{
    public string ChartType { get; } = chartType;

    public IReadOnlyDictionary<string, string> Properties { get; } = properties;
}
