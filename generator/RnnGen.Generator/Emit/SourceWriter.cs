using System;
using System.Text;

namespace RnnGen.Generator.Emit;

/// <summary>
/// An indenting text writer: emitters write lines, and <see cref="Block"/> writes a brace pair
/// around whatever is written inside its <c>using</c>.
/// </summary>
internal sealed class SourceWriter
{
    private const string IndentUnit = "    ";

    /// <summary>The column <see cref="WriteWrapped"/> wraps at.</summary>
    private const int Width = 120;
    private readonly StringBuilder _text = new();
    private int _indent;

    public void WriteLine(string line)
    {
        if (line.Length > 0)
        {
            for (int i = 0; i < _indent; i++)
            {
                _text.Append(IndentUnit);
            }
        }

        _text.Append(line).Append('\n');
    }

    public void WriteLine() => _text.Append('\n');

    /// <summary>
    /// <c>head item0{separator} item1{separator} ... itemN{tail}</c> (a separator such as <c>,</c> or
    /// <c> +</c>), wrapped before an item that would pass <see cref="Width"/> columns, continuation
    /// lines indented once more.
    /// </summary>
    public void WriteWrapped(string head, System.Collections.Generic.IReadOnlyList<string> items, string separator, string tail)
    {
        var line = new StringBuilder(head);
        int indent = _indent;
        for (int i = 0; i < items.Count; i++)
        {
            string item = items[i] + (i < items.Count - 1 ? separator : tail);
            if (i > 0 && (_indent * IndentUnit.Length) + line.Length + 1 + item.Length > Width)
            {
                WriteLine(line.ToString());
                line.Clear();
                _indent = indent + 1;
            }
            else if (i > 0)
            {
                line.Append(' ');
            }

            line.Append(item);
        }

        WriteLine(line.ToString());
        _indent = indent;
    }

    /// <summary>Writes <c>{</c>, indents until disposed, then writes <c>}</c> (plus <paramref name="closingSuffix"/>).</summary>
    public IDisposable Block(string? header = null, string closingSuffix = "")
    {
        if (header is not null)
        {
            WriteLine(header);
        }

        WriteLine("{");
        _indent++;
        return new BlockCloser(this, closingSuffix);
    }

    public override string ToString() => _text.ToString();

    private sealed class BlockCloser : IDisposable
    {
        private readonly SourceWriter _writer;
        private readonly string _suffix;

        public BlockCloser(SourceWriter writer, string suffix)
        {
            _writer = writer;
            _suffix = suffix;
        }

        public void Dispose()
        {
            _writer._indent--;
            _writer.WriteLine("}" + _suffix);
        }
    }
}
