using static RnnGen.Tests.Interop.Torch.TorchTestFiles;

namespace RnnGen.Tests.Interop.Torch;

/// <summary>
/// The pickle inside a torch.save file is never trusted: a global that is not on the allow-list, an opcode a state_dict
/// does not need, or a call of an allowed name that is not a constructor is refused before any object of it is built.
/// A real file's own records, zipped again by the test, still load, so each refusal is the pickle's.
/// </summary>
public class TorchPickleTests
{
    [Fact]
    public void A_real_files_records_zipped_again_load()
    {
        var model = new TorchFileRnnTanh(seed: 3);
        var expected = new TorchFileRnnTanh(seed: 3);
        RnnGen.Interop.TorchWeights.Load(expected, TorchFiles.Path("rnn_tanh.pt"));
        (string Name, byte[] Data)[] records = Records("rnn_tanh.pt");
        byte[] pickle = records.Single(static r => r.Name == "data.pkl").Data;
        using var folder = new RnnGen.Tests.Persistence.TempDirectory();
        string path = folder.File("rezipped.pt");
        File.WriteAllBytes(path, TorchZip(pickle, [.. records.Where(static r => r.Name != "data.pkl")]));
        RnnGen.Interop.TorchWeights.Load(model, path);
        Assert.Equal(expected.Parameters.ToArray(), model.Parameters.ToArray());
    }

    public static TheoryData<string, string, string> Hostile => new()
    {
        // name, pickle, what the message must say
        { "os.system", "\u0080\u0002cos\nsystem\nX\u0002\u0000\u0000\u0000ls\u0085R.", "the global 'os.system'" },
        { "builtins.eval", "\u0080\u0002cbuiltins\neval\nX\u0003\u0000\u0000\u00001+1\u0085R.", "the global 'builtins.eval'" },
        { "STACK_GLOBAL builtins.exec", "\u0080\u0004\u008c\u0008builtins\u0094\u008c\u0004exec\u0094\u0093\u0094\u008c\u0001x\u0085R.", "the global 'builtins.exec'" },
        { "STACK_GLOBAL from the memo", "\u0080\u0004\u008c\u0008builtins\u0094\u008c\u0004exec\u0094\u00300h\u0000h\u0001\u0093)R.", "the global 'builtins.exec'" },
        { "STACK_GLOBAL of computed names", "\u0080\u0004\u008c\u000ctorch._utils\u008c\u0012_rebuild_tensor_v2\u0032\u0030\u0093.", "does not follow two literal strings" },
        { "a global inside a state_dict", "\u0080\u0002}(X\u0001\u0000\u0000\u0000wcposix\nsystem\nX\u0002\u0000\u0000\u0000ls\u0085Ru.", "the global 'posix.system'" },
        { "INST", "(X\u0002\u0000\u0000\u0000lsios\nsystem\n.", "the opcode INST" },
        { "OBJ", "(cos\nsystem\nX\u0002\u0000\u0000\u0000lso.", "the global 'os.system'" },
        { "NEWOBJ", "\u0080\u0002ccollections\nOrderedDict\n)\u0081.", "the opcode NEWOBJ" },
        { "EXT1", "\u0080\u0002\u0082\u0001)R.", "the opcode EXT1" },
        { "PERSID", "Pstorage\n.", "the opcode PERSID" },
        { "calling a storage class", "\u0080\u0002ctorch\nFloatStorage\n)R.", "calls torch.FloatStorage, which a state_dict only names" },
        { "OrderedDict with arguments", "\u0080\u0002ccollections\nOrderedDict\nX\u0001\u0000\u0000\u0000a\u0085R.", "calls OrderedDict with arguments" },
        { "not a dict", "\u0080\u0002X\u0005\u0000\u0000\u0000hello.", "holds a pickled string 'hello', not a state_dict" },
        { "a checkpoint dict", "\u0080\u0002}(X\u0005\u0000\u0000\u0000epochK\u0003u.", "entry 'epoch' is a Int32, not a tensor" },
        { "bytes after STOP", "\u0080\u0002}.junk", "bytes follow the pickle's STOP" },
        { "no STOP", "\u0080\u0002}", "truncated" },
        { "a length past the end", "\u0080\u0002X\u00ff\u00ff\u0000\u0000abc.", "truncated" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public void A_hostile_or_foreign_pickle_is_refused(string name, string pickle, string message)
    {
        InvalidDataException e = Refused(new TorchFileRnnTanh(seed: 3), TorchZip(Pickle(pickle)), "hostile.pt");
        Assert.True(e.Message.Contains(message, StringComparison.Ordinal), $"{name}: {e.Message}");
    }
}
