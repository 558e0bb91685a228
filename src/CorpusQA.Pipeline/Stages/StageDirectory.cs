namespace CorpusQA.Pipeline.Stages;

/// <summary>
/// A stage task's outputs appear atomically: the task writes into a fresh temporary sibling folder, which is renamed
/// to the final name only when everything is written. A finished task (final folder present) is skipped; a crashed one
/// left only a temporary folder, which the next attempt deletes and redoes whole.
/// </summary>
internal static class StageDirectory
{
    private const string TempMarker = ".tmp-";

    public static bool IsDone(string directory) => Directory.Exists(directory);

    /// <summary>Runs <paramref name="write"/> into a temporary folder and publishes it; false when the task was already done.</summary>
    public static async Task<bool> RunAsync(string directory, Func<string, Task> write)
    {
        if (IsDone(directory)) return false;
        string parent = OutputFiles.CreateDirectory(Path.GetDirectoryName(directory)!);
        string name = Path.GetFileName(directory);
        foreach (var stale in Directory.EnumerateDirectories(parent, name + TempMarker + "*"))
        {
            try { Directory.Delete(stale, recursive: true); } catch (IOException) { }
        }

        string temp = Path.Combine(parent, $"{name}{TempMarker}{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(temp);
        try
        {
            await write(temp);
            Directory.Move(temp, directory);
        }
        catch (IOException) when (IsDone(directory))
        {
            // Another attempt of the same task finished first: its outputs stand (they are the same).
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
            return false;
        }
        catch
        {
            try { Directory.Delete(temp, recursive: true); } catch (IOException) { }
            throw;
        }

        return true;
    }
}
