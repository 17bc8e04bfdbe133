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
