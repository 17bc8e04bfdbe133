using System.Text;

namespace Sunspots.Output;

/// <summary>
/// Writes through to another writer, starting every line with a label, so that no line printed about a
/// synthetic run can be mistaken for a real one. A carriage return (Keras' redrawn progress bar) starts a line too.
/// </summary>
internal sealed class LinePrefixWriter(TextWriter inner, string prefix) : TextWriter
{
    private bool _atLineStart = true;

    public override Encoding Encoding => inner.Encoding;

    public override void Write(char value)
    {
        if (_atLineStart && value is not ('\n' or '\r'))
        {
            inner.Write(prefix);
        }

        inner.Write(value);
        _atLineStart = value is '\n' or '\r';
    }

    public override void Flush() => inner.Flush();
}
