namespace Tolerant.Generators.Emitting;

/// <summary>The generator's version, stamped into <c>[GeneratedCode]</c> so generated files say what wrote them.</summary>
internal static class ThisAssembly
{
    public const string Version = "0.1.0";
}
