namespace CorpusQA.Core.Text;

/// <summary>
/// Aho–Corasick multi-pattern matcher over UTF-16 code units: finds every occurrence of every phrase in one pass.
/// Immutable after construction and safe to share between threads.
/// </summary>
internal sealed class PhraseMatcher
{
    private readonly Dictionary<long, int> _goto = [];  // construction only; matching reads the flat table below
    private readonly ulong[] _transitionKeys;             // Key(state, c) + 1 per slot, 0 = empty (open addressing)
    private readonly int[] _transitionTargets;
    private readonly int _transitionMask;
    private readonly int[] _fail;
    private readonly int[] _output;      // pattern ending exactly at this state, or -1
    private readonly int[] _outputLink;  // nearest state on the failure chain with an output, or 0
    private readonly string[] _patterns;
    private readonly ulong[] _firstCharBits = new ulong[1024]; // chars that start some pattern: a fast reject at the root

    public PhraseMatcher(IReadOnlyList<string> patterns)
    {
        _patterns = [.. patterns];
        var output = new List<int> { -1 };
        int states = 1;
        for (int p = 0; p < _patterns.Length; p++)
        {
            string pattern = _patterns[p];
            if (pattern.Length == 0) throw new ArgumentException("empty phrase", nameof(patterns));
            _firstCharBits[pattern[0] >> 6] |= 1UL << (pattern[0] & 63);
            int state = 0;
            foreach (char c in pattern)
            {
                if (!_goto.TryGetValue(Key(state, c), out int next))
                {
                    next = states++;
                    _goto[Key(state, c)] = next;
                    output.Add(-1);
                }
                state = next;
            }
            if (output[state] < 0) output[state] = p;
        }
        _output = [.. output];
        _fail = new int[states];
        _outputLink = new int[states];
        BuildFailureLinks(states);
        int capacity = 16;
        while (capacity < _goto.Count * 4) capacity <<= 1;
        _transitionKeys = new ulong[capacity];
        _transitionTargets = new int[capacity];
        _transitionMask = capacity - 1;
        foreach (var (key, next) in _goto)
        {
            int slot = TransitionSlot(key);
            while (_transitionKeys[slot] != 0) slot = (slot + 1) & _transitionMask;
            _transitionKeys[slot] = (ulong)key + 1;
            _transitionTargets[slot] = next;
        }
    }

    private int TransitionSlot(long key) => (int)(((ulong)key * 0x9E3779B97F4A7C15UL) >> 40) & _transitionMask;

    /// <summary>The phrases, in construction order (a match reports an index into this list).</summary>
    public IReadOnlyList<string> Patterns => _patterns;

    /// <summary>True when <paramref name="text"/> contains any phrase.</summary>
    public bool ContainsAny(ReadOnlySpan<char> text)
    {
        var e = Matches(text);
        return e.MoveNext();
    }

    /// <summary>Every occurrence (overlapping ones included), ordered by end position.</summary>
    public MatchEnumerator Matches(ReadOnlySpan<char> text) => new(this, text);

    private static long Key(int state, char c) => ((long)state << 16) | c;

    private bool TryStep(int state, char c, out int next)
    {
        if (state == 0 && (_firstCharBits[c >> 6] & (1UL << (c & 63))) == 0)
        {
            next = 0;
            return false;
        }
        // A flat open-addressing table: cheaper per step than Dictionary's bucket and entry arrays.
        long key = Key(state, c);
        ulong stored = (ulong)key + 1;
        int slot = TransitionSlot(key);
        while (true)
        {
            ulong probe = _transitionKeys[slot];
            if (probe == stored)
            {
                next = _transitionTargets[slot];
                return true;
            }
            if (probe == 0)
            {
                next = 0;
                return false;
            }
            slot = (slot + 1) & _transitionMask;
        }
    }

    private int Step(int state, char c)
    {
        while (true)
        {
            if (TryStep(state, c, out int next)) return next;
            if (state == 0) return 0;
            state = _fail[state];
        }
    }

    private void BuildFailureLinks(int states)
    {
        // Breadth-first over the trie; children are found through the goto map grouped by parent state.
        var children = new List<(char C, int Next)>[states];
        foreach (var (key, next) in _goto)
            (children[(int)(key >> 16)] ??= []).Add(((char)(key & 0xFFFF), next));
        var queue = new Queue<int>();
        if (children[0] is { } rootChildren)
            foreach (var (_, next) in rootChildren) queue.Enqueue(next);
        while (queue.Count > 0)
        {
            int state = queue.Dequeue();
            if (children[state] is not { } list) continue;
            foreach (var (c, next) in list)
            {
                int f = _fail[state];
                while (f != 0 && !_goto.ContainsKey(Key(f, c))) f = _fail[f];
                int target = _goto.TryGetValue(Key(f, c), out int t) && t != next ? t : 0;
                _fail[next] = target;
                _outputLink[next] = _output[target] >= 0 ? target : _outputLink[target];
                queue.Enqueue(next);
            }
        }
    }

    /// <summary>A match: the phrase index and the exclusive end offset in the scanned text.</summary>
    public readonly record struct Match(int Pattern, int End);

    /// <summary>Allocation-free enumerator over the matches.</summary>
    public ref struct MatchEnumerator
    {
        private readonly PhraseMatcher _matcher;
        private readonly ReadOnlySpan<char> _text;
        private int _position;
        private int _state;
        private int _pendingOutput; // next state on the output chain still to report, or 0

        internal MatchEnumerator(PhraseMatcher matcher, ReadOnlySpan<char> text)
        {
            _matcher = matcher;
            _text = text;
        }

        public Match Current { get; private set; }

        public readonly MatchEnumerator GetEnumerator() => this;

        public bool MoveNext()
        {
            while (true)
            {
                if (_pendingOutput != 0)
                {
                    int s = _pendingOutput;
                    _pendingOutput = _matcher._outputLink[s];
                    Current = new Match(_matcher._output[s], _position);
                    return true;
                }
                if (_state == 0)
                {
                    // At the root nothing is pending, so skip straight to the next character that starts a phrase
                    // (a few percent of the text) in a tight bitmap loop. SearchValues.IndexOfAny was slower here:
                    // with hundreds of Han first characters it falls back to a probabilistic map and the frequent
                    // hits pay its per-call setup.
                    var bits = _matcher._firstCharBits;
                    var text = _text;
                    int p = _position;
                    while ((uint)p < (uint)text.Length && (bits[text[p] >> 6] & (1UL << (text[p] & 63))) == 0) p++;
                    _position = p;
                    if (p >= text.Length) return false;
                }
                else if (_position >= _text.Length) return false;
                _state = _matcher.Step(_state, _text[_position]);
                _position++;
                if (_state == 0) continue;
                _pendingOutput = _matcher._output[_state] >= 0 ? _state : _matcher._outputLink[_state];
            }
        }
    }
}
