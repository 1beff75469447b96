#!/usr/bin/env python3
"""Times a session's first keystrokes as an editor that has just started the server types them.

A client of its own (Python's standard library only, no JIT of its own to warm): starts the server
with scripts/papernotes on a corpus and index left by bench/run-benchmarks.sh (its --work layout),
waits until the notes are ready, opens a 200-line note and types NAMES names after `[[`, each
keystroke a didChange then a completion, timed from the change sent to the answer read. Prints each
keystroke, then the first alone, the sum of the first ten and that of the next seventeen.

    bench/probe/first_keystrokes.py --jar server/target/papernotes.jar --work ~/.cache/papernotes-bench \
        --profile syllables --papers 1000000 [--names 3] [--seed 1] [--settle 0]
"""
import os, random, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient

ap = lspclient.arguments()
ap.add_argument('--names', type=int, default=3)
ap.add_argument('--settle', type=float, default=0, help='seconds between opening the note and typing')
a = ap.parse_args()
server = lspclient.started(a)
notes = server.notes
names = server.names()
rnd = random.Random(a.seed)
uri = 'file://' + notes + '/first-keystrokes.md'
text = '\n'.join(['# Reading log'] + ['We read %s and compared it.' % rnd.choice(names) if i % 2 else ''
                                      for i in range(199)]) + '\n'
server.notify('textDocument/didOpen', {'textDocument': {'uri': uri, 'languageId': 'markdown', 'version': 1, 'text': text}})
time.sleep(a.settle)
version, times = 1, []
for n in range(a.names):
    name, line = rnd.choice(names), 100 + n
    version += 1
    server.replace(uri, version, line, 0, 'Related: \n')
    col = len('Related: ')
    keys = '[[' + name[:8]
    for i, ch in enumerate(keys):
        t0 = time.perf_counter()
        version += 1
        server.replace(uri, version, line, col, ch)
        col += 1
        m = server.request('textDocument/completion', {'textDocument': {'uri': uri}, 'position': {'line': line, 'character': col}})
        times.append((time.perf_counter() - t0) * 1000)
        items = len(m['result']['items']) if m.get('result') else 0
        print('%-16s %7.2f ms  %d items' % (keys[:i + 1], times[-1], items))
    version += 1
    server.replace(uri, version, line, 0, '', line + 1, 0)
print('first keystroke: %.1f ms; first 10: %.1f ms; next 17: %.1f ms' % (times[0], sum(times[:10]), sum(times[10:27])))
server.stop()
