using Microsoft.CodeAnalysis;

namespace Tolerant.Generators.Parsing;

/// <summary>
/// The Tolerant attributes of one property, read from the property and, on a positional record, from its
/// parameter too (where users naturally write them).
/// </summary>
internal sealed class PropertyAttributes
{
    public PropertyAttributes(IPropertySymbol property, IParameterSymbol? parameter)
    {
        Read(property);
        if (parameter is not null)
        {
            Read(parameter);
        }
    }

    public AttributeData? Column { get; private set; }

    public AttributeData? Key { get; private set; }

    public AttributeData? Optional { get; private set; }

    public AttributeData? Ignore { get; private set; }

    private void Read(ISymbol symbol)
    {
        foreach (var attribute in symbol.GetAttributes())
        {
            // The first of duplicated attributes wins; the duplicate is already a compiler error (CS0579).
            if (KnownAttributes.Is(attribute, KnownAttributes.SqlColumn))
            {
                Column ??= attribute;
            }
            else if (KnownAttributes.Is(attribute, KnownAttributes.SqlKey))
            {
                Key ??= attribute;
            }
            else if (KnownAttributes.Is(attribute, KnownAttributes.OptionalColumn))
            {
                Optional ??= attribute;
            }
            else if (KnownAttributes.Is(attribute, KnownAttributes.SqlIgnore))
            {
                Ignore ??= attribute;
            }
        }
    }
}
