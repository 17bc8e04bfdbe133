using System.Buffers.Binary;
using System.Text;

namespace RnnGen.Interop.Torch;

/// <summary>
/// Walks a pickle's opcodes before anything unpickles it: every opcode must be one a <c>torch.save</c> state_dict
/// can hold, every length must fit in the bytes left, the stream must end at its STOP, and every global it names
/// (GLOBAL, or STACK_GLOBAL with its two names pushed as literal strings just before it) must be on
/// <see cref="PickleAllowList"/>. So no object of any other class can be built: the unpickler that follows only
/// ever meets allowed callables.
/// </summary>
/// <remarks>Opcode formats as CPython's <c>Lib/pickletools.py</c> documents them (protocols 0 to 5).</remarks>
internal ref struct PickleScan
{
    private readonly ReadOnlySpan<byte> _pickle;
    private readonly string _source;
    private readonly Dictionary<int, string?> _memoStrings = [];
    private int _position;

    // The last two items pushed, when they were strings pushed with nothing popped since (for STACK_GLOBAL).
    private string? _top, _belowTop;

    private PickleScan(ReadOnlySpan<byte> pickle, string source)
    {
        _pickle = pickle;
        _source = source;
    }

    /// <summary>Checks <paramref name="pickle"/> (the file's <c>data.pkl</c>).</summary>
    /// <exception cref="InvalidDataException">An opcode, a global or a length is refused; the message says which and where.</exception>
    public static void Check(ReadOnlySpan<byte> pickle, string source)
    {
        var scan = new PickleScan(pickle, source);
        scan.Walk();
    }

    private void Walk()
    {
        while (true)
        {
            int at = _position;
            byte opcode = Bytes(1)[0];
            string? pushed = null;
            bool keepsStrings = false;
            switch ((char)opcode)
            {
                case '.': // STOP
                    if (_position != _pickle.Length)
                    {
                        throw Corrupt(FormattableString.Invariant($"{_pickle.Length - _position} bytes follow the pickle's STOP at byte {at}"));
                    }

                    return;
                case '(' or '0' or '1' or '2' or 'N' or 'Q' or 'R' or 'a' or 'b' or 'd' or '}' or 'e' or 'l' or ']' or 's' or 't' or ')' or 'u'
                    or '\x85' or '\x86' or '\x87' or '\x88' or '\x89' or '\x8f' or '\x90' or '\x91':
                    break; // no argument: MARK, POP, POP_MARK, DUP, NONE, BINPERSID, REDUCE, APPEND, BUILD, DICT, EMPTY_DICT, APPENDS, LIST, EMPTY_LIST, SETITEM, TUPLE, EMPTY_TUPLE, SETITEMS, TUPLE1-3, NEWTRUE, NEWFALSE, EMPTY_SET, ADDITEMS, FROZENSET
                case 'F' or 'I' or 'L': // FLOAT, INT, LONG: a decimal line
                    Line();
                    break;
                case 'S': // STRING: a quoted line
                    Line();
                    break;
                case 'V': // UNICODE: a raw-unicode-escaped line
                    pushed = Line();
                    break;
                case 'g': // GET: a decimal memo index
                    pushed = MemoString(Line());
                    break;
                case 'p': // PUT
                    Remember(Line());
                    keepsStrings = true;
                    break;
                case 'K' or 'h' or 'q' or '\x80' or '\x82': // BININT1, BINGET, BINPUT, PROTO, EXT1: one byte
                    byte one = Bytes(1)[0];
                    if (opcode == 'h')
                    {
                        pushed = _memoStrings.GetValueOrDefault(one);
                    }
                    else if (opcode == 'q')
                    {
                        Remember(one);
                        keepsStrings = true;
                    }
                    else if (opcode == '\x82')
                    {
                        throw Refused(at, "EXT1");
                    }

                    break;
                case 'M' or '\x83': // BININT2, EXT2
                    Bytes(2);
                    if (opcode == '\x83')
                    {
                        throw Refused(at, "EXT2");
                    }

                    break;
                case 'J' or 'j' or 'r' or '\x84': // BININT, LONG_BINGET, LONG_BINPUT, EXT4: four bytes
                    int four = BinaryPrimitives.ReadInt32LittleEndian(Bytes(4));
                    if (opcode == 'j')
                    {
                        pushed = _memoStrings.GetValueOrDefault(four);
                    }
                    else if (opcode == 'r')
                    {
                        Remember(four);
                        keepsStrings = true;
                    }
                    else if (opcode == '\x84')
                    {
                        throw Refused(at, "EXT4");
                    }

                    break;
                case 'G': // BINFLOAT
                    Bytes(8);
                    break;
                case '\x95': // FRAME: an 8-byte frame length, then opcodes as usual
                    Bytes(8);
                    keepsStrings = true;
                    break;
                case '\x94': // MEMOIZE
                    Remember(_memoStrings.Count);
                    keepsStrings = true;
                    break;
                case 'U' or 'C' or '\x8a' or '\x8c': // SHORT_BINSTRING, SHORT_BINBYTES, LONG1, SHORT_BINUNICODE: one-byte length
                    ReadOnlySpan<byte> shortData = Bytes(Bytes(1)[0]);
                    pushed = opcode == '\x8c' ? Utf8(shortData, at) : null;
                    break;
                case 'T' or 'X' or 'B' or '\x8b': // BINSTRING, BINUNICODE, BINBYTES, LONG4: four-byte length
                    ReadOnlySpan<byte> data = Bytes(Length(BinaryPrimitives.ReadUInt32LittleEndian(Bytes(4)), at));
                    pushed = opcode == 'X' ? Utf8(data, at) : null;
                    break;
                case '\x8d' or '\x8e' or '\x96': // BINUNICODE8, BINBYTES8, BYTEARRAY8: eight-byte length
                    ReadOnlySpan<byte> longData = Bytes(Length(BinaryPrimitives.ReadUInt64LittleEndian(Bytes(8)), at));
                    pushed = opcode == '\x8d' ? Utf8(longData, at) : null;
                    break;
                case 'c': // GLOBAL: module and name lines
                    string module = Line(), name = Line();
                    Allow(module, name);
                    break;
                case '\x93': // STACK_GLOBAL: module and name from the stack
                    if (_top is null || _belowTop is null)
                    {
                        throw Corrupt(FormattableString.Invariant(
                            $"the STACK_GLOBAL at byte {at} does not follow two literal strings, so the global it names cannot be checked"));
                    }

                    Allow(_belowTop, _top);
                    break;
                case 'i' or 'o' or '\x81' or '\x92':
                    throw Refused(at, opcode switch { (byte)'i' => "INST", (byte)'o' => "OBJ", 0x81 => "NEWOBJ", _ => "NEWOBJ_EX" });
                case 'P':
                    throw Refused(at, "PERSID");
                case '\x97' or '\x98':
                    throw Refused(at, opcode == 0x97 ? "NEXT_BUFFER" : "READONLY_BUFFER");
                default:
                    throw Corrupt(FormattableString.Invariant($"byte {at} holds 0x{opcode:x2}, which is no pickle opcode"));
            }

            if (pushed is not null)
            {
                (_belowTop, _top) = (_top, pushed);
            }
            else if (!keepsStrings)
            {
                (_belowTop, _top) = (null, null);
            }
        }
    }

    private readonly void Allow(string module, string name)
    {
        if (!PickleAllowList.Allows(module + "." + name))
        {
            throw PickleAllowList.Refuse(_source, module, name);
        }
    }

    // A PUT records the string on top of the stack, if the last push was one; else an unknown value.
    private void Remember(int index) => _memoStrings[index] = _top;

    private void Remember(string decimalIndex) =>
        Remember(int.TryParse(decimalIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            ? index
            : throw Corrupt($"PUT has the memo index '{decimalIndex}'"));

    private readonly string? MemoString(string decimalIndex) =>
        int.TryParse(decimalIndex, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out int index)
            ? _memoStrings.GetValueOrDefault(index)
            : throw Corrupt($"GET has the memo index '{decimalIndex}'");

    private ReadOnlySpan<byte> Bytes(int count)
    {
        if (count > _pickle.Length - _position)
        {
            throw new InvalidDataException(FormattableString.Invariant(
                $"{_source} is truncated: its pickle (data.pkl, {_pickle.Length} bytes) ends at byte {_pickle.Length} inside an opcode that needs {count} more bytes from byte {_position}, or before its STOP."));
        }

        ReadOnlySpan<byte> bytes = _pickle.Slice(_position, count);
        _position += count;
        return bytes;
    }

    private int Length(ulong length, int at) =>
        length <= (ulong)(_pickle.Length - _position)
            ? (int)length
            : throw new InvalidDataException(FormattableString.Invariant(
                $"{_source} is truncated: the opcode at byte {at} of its pickle (data.pkl) holds {length} bytes, but only {_pickle.Length - _position} follow."));

    private string Line()
    {
        int end = _pickle[_position..].IndexOf((byte)'\n');
        if (end < 0)
        {
            Bytes(_pickle.Length - _position + 1);
        }

        string line = Utf8(_pickle.Slice(_position, end), _position);
        _position += end + 1;
        return line;
    }

    private readonly string Utf8(ReadOnlySpan<byte> bytes, int at)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException e)
        {
            throw new InvalidDataException(FormattableString.Invariant($"{_source} is corrupt: the string at byte {at} of its pickle (data.pkl) is not UTF-8."), e);
        }
    }

    private readonly InvalidDataException Refused(int at, string opcode) =>
        new(FormattableString.Invariant(
            $"{_source}: its pickle (data.pkl) uses the opcode {opcode} at byte {at}, which a torch.save state_dict never holds; refused before anything in it was built or run."));

    private readonly InvalidDataException Corrupt(string what) => new($"{_source} is corrupt: {what} (in its pickle, data.pkl).");
}
