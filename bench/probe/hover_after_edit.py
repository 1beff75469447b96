#!/usr/bin/env python3
"""Times a hover on a bare name right after an edit elsewhere in a long note: what a user gets who
types, then points at a name. The note's analysis is then made again, which is most of the hover.

A long note put together from the benchmark's own notes (--lines of them), and a line naming a paper
at its end; then, --rounds times, a character typed (or deleted) at the start of the note's fourth
line followed by a hover on the name. Prints, per name, the hover's time over stdio (from the change
sent to the answer read; the first 30 rounds left out), then the server's own figures for the hovers
(wall and CPU time of the request alone, from its `papernotes.stats` command).

    bench/probe/hover_after_edit.py --jar server/target/papernotes.jar --work ~/.cache/papernotes-bench \
        --profile syllables --papers 1000000 [--lines 200] [--rounds 300] [--names 2] [--seed 1]
"""
import glob, os, random, re, sys, time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import lspclient

ap = lspclient.arguments()
ap.add_argument('--lines', type=int, default=200)
ap.add_argument('--rounds', type=int, default=300)
ap.add_argument('--names', type=int, default=2)
a = ap.parse_args()
server = lspclient.started(a)
lines = []
for f in sorted(glob.glob(os.path.join(server.notes, 'note-*.md')), key=lambda f: int(re.sub(r'\D', '', f))):
    lines += open(f, encoding='utf-8').read().split('\n')
    if len(lines) >= a.lines:
        break
uri = 'file://' + server.notes + '/hover-after-edit.md'
server.notify('textDocument/didOpen', {'textDocument': {'uri': uri, 'languageId': 'markdown', 'version': 1,
                                                        'text': '\n'.join(lines + [''])}})
last = len(lines)
rnd = random.Random(a.seed)
names = server.names()
version = 1
server.request('workspace/executeCommand', {'command': 'papernotes.stats', 'arguments': ['reset']})
for n in range(a.names):
    name = rnd.choice(names)
    version += 1
    server.replace(uri, version, last, 0, 'I tried %s today.' % name, last, 10 ** 6)
    time.sleep(0.5)
    times = []
    for k in range(a.rounds):
        version += 1
        if k % 2 == 0:
            server.replace(uri, version, 3, 0, 'x')
        else:
            server.replace(uri, version, 3, 0, '', 3, 1)
        t0 = time.perf_counter()
        m = server.request('textDocument/hover', {'textDocument': {'uri': uri},
                                                  'position': {'line': last, 'character': len('I tried ') + 2}})
        times.append((time.perf_counter() - t0) * 1000)
    times = sorted(times[30:])
    found = 'a paper' if m.get('result') else 'nothing'
    print('%-24s hover p50 %.2f p90 %.2f max %.2f ms over stdio (found %s)' % (
        name, times[len(times) // 2], times[int(len(times) * 0.9)], times[-1], found))
stats = server.request('workspace/executeCommand', {'command': 'papernotes.stats', 'arguments': []})['result']
h = stats.get('hover', {})
print('inside the server, %d hovers: p50 %.2f p95 %.2f p99 %.2f ms; CPU p50 %.2f' % (
    h.get('count', 0), h.get('p50', 0), h.get('p95', 0), h.get('p99', 0), h.get('cpuP50', -1)))
server.stop()
