using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;

namespace Tolerant.TestSupport;

/// <summary>The last lines of a tool's output or of <c>server.log</c>: where PostgreSQL says why it failed.</summary>
internal static class OutputTail
{
    /// <summary>How many lines an error message quotes.</summary>
    public const int LineCount = 20;

    /// <summary>The last <see cref="LineCount"/> non-blank lines of <paramref name="text"/>, one per line.</summary>
    public static string Of(string text)
    {
        string[] lines = text.ReplaceLineEndings("\n").Split('\n')
            .Where(line => line.Length > 0)
            .ToArray();
        return string.Join(Environment.NewLine, lines.Skip(Math.Max(0, lines.Length - LineCount)));
    }

    /// <summary>The tail of the file at <paramref name="path"/>, or a note saying why there is none.</summary>
    public static string OfFile(string path)
    {
        try
        {
            if (!File.Exists(path))
            {
                return "(no " + Path.GetFileName(path) + " was written)";
            }

            var tail = new Queue<string>(LineCount + 1);
            foreach (string line in File.ReadLines(path))
            {
                tail.Enqueue(line);
                if (tail.Count > LineCount)
                {
                    tail.Dequeue();
                }
            }

            return string.Join(Environment.NewLine, tail);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return "(" + path + " could not be read: " + e.Message + ")";
        }
    }
}
