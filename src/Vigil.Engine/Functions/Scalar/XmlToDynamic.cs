using System.Xml;
using System.Xml.Linq;
using Vigil.Engine.Planning.Expressions;
using Vigil.Engine.Values;
using Vigil.Kql.Symbols;

namespace Vigil.Engine.Functions.Scalar;

/// <summary>
/// <c>parse_xml(xml)</c> by the reference's mapping: <c>&lt;e/&gt;</c> is null, a text-only element its text, else a
/// bag of <c>@attribute</c>s, <c>#text</c> and child elements (repeated names become arrays). Only elements,
/// attributes and text count; invalid XML or more than 1 MB is null. DTDs are refused (no entity expansion).
/// </summary>
internal static class XmlToDynamic
{
    private const int MaxBytes = 1_048_576;

    public static ScalarValue ParseXml(ReadOnlySpan<ScalarValue> a)
    {
        var text = a[0].String;
        if (text.Length == 0 || System.Text.Encoding.UTF8.GetByteCount(text) > MaxBytes)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }

        try
        {
            var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
            using var reader = XmlReader.Create(new StringReader(text), settings);
            var root = XDocument.Load(reader).Root;
            if (root is null)
            {
                return ScalarValue.Null(ScalarType.Dynamic);
            }

            var bag = new DynamicPropertyBag.Builder(1).Set(root.Name.LocalName, Convert(root));
            return ScalarValue.FromDynamic(DynamicValue.FromBag(bag.ToBag()));
        }
        catch (XmlException)
        {
            return ScalarValue.Null(ScalarType.Dynamic);
        }
    }

    private static DynamicValue Convert(XElement element)
    {
        var text = string.Concat(element.Nodes().OfType<XText>().Select(t => t.Value)).Trim();
        if (!element.HasAttributes && !element.HasElements)
        {
            return text.Length == 0 && element.IsEmpty ? DynamicValue.Null : DynamicValue.FromString(text);
        }

        var bag = new DynamicPropertyBag.Builder();
        foreach (var attribute in element.Attributes())
        {
            if (!attribute.IsNamespaceDeclaration)
            {
                bag.Set("@" + attribute.Name.LocalName, DynamicValue.FromString(attribute.Value));
            }
        }

        if (text.Length > 0)
        {
            bag.Set("#text", DynamicValue.FromString(text));
        }

        foreach (var group in element.Elements().GroupBy(e => e.Name.LocalName))
        {
            var items = group.Select(Convert).ToArray();
            bag.Set(group.Key, items.Length == 1 ? items[0] : DynamicValue.FromArray([.. items.Select(i => (DynamicValue?)i)]));
        }

        return DynamicValue.FromBag(bag.ToBag());
    }
}
