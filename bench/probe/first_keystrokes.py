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
import argparse, json, os, random, subprocess, sys, threading, time

sys.setswitchinterval(0.0002)  # the reader thread hands answers over at once
ap = argparse.ArgumentParser()
ap.add_argument('--jar', required=True)
ap.add_argument('--work', required=True)
ap.add_argument('--profile', default='syllables')
ap.add_argument('--papers', default='1000000')
ap.add_argument('--names', type=int, default=3)
ap.add_argument('--seed', type=int, default=1)
ap.add_argument('--settle', type=float, default=0, help='seconds between opening the note and typing')
ap.add_argument('--log', default=os.devnull, help='where the server writes its log')
a = ap.parse_args()
here = os.path.dirname(os.path.abspath(__file__))
label = a.profile + '-' + a.papers
notes = os.path.join(a.work, 'notes-' + label)
env = dict(os.environ, PAPERNOTES_JAR=os.path.abspath(a.jar))
p = subprocess.Popen([os.path.join(here, '..', '..', 'scripts', 'papernotes'), 'lsp'], stdin=subprocess.PIPE,
                     stdout=subprocess.PIPE, stderr=open(a.log, 'w'), cwd=a.work, env=env)
answers, logs, cond, wlock = {}, [], threading.Condition(), threading.Lock()


def send(m):
    b = json.dumps(m).encode()
    with wlock:
        p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b)
        p.stdin.flush()


def reader():
    while True:
        h = {}
        while True:
            line = p.stdout.readline()
            if not line:
                return
            if not line.strip():
                break
            k, v = line.split(b':', 1)
            h[k.strip().lower()] = v.strip()
        m = json.loads(p.stdout.read(int(h[b'content-length'])))
        t = time.perf_counter()
        if 'id' in m and 'method' not in m:
            with cond:
                answers[m['id']] = (t, m)
                cond.notify_all()
        elif m.get('method') == 'window/logMessage':
            logs.append(m['params']['message'])
        elif 'id' in m:
            send({'jsonrpc': '2.0', 'id': m['id'], 'result': None})


threading.Thread(target=reader, daemon=True).start()
next_id = [0]


def request(method, params):
    next_id[0] += 1
    i = next_id[0]
    send({'jsonrpc': '2.0', 'id': i, 'method': method, 'params': params})
    with cond:
        while i not in answers:
            cond.wait()
        return answers.pop(i)[1]


def notify(method, params):
    send({'jsonrpc': '2.0', 'method': method, 'params': params})


def insert(uri, version, line, col, text, end_line=None, end_col=None):
    end = {'line': line if end_line is None else end_line, 'character': col if end_col is None else end_col}
    notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': version}, 'contentChanges': [
        {'range': {'start': {'line': line, 'character': col}, 'end': end}, 'text': text}]})


request('initialize', {'processId': os.getpid(), 'capabilities': {},
                       'workspaceFolders': [{'uri': 'file://' + notes, 'name': 'notes'}],
                       'initializationOptions': {'corpus': [os.path.join(a.work, 'corpus-' + label)],
                                                 'indexDir': os.path.join(a.work, 'index-' + label)}})
notify('initialized', {})
while not any(m.startswith('papernotes: notes ready') for m in logs):
    time.sleep(0.02)
names = []
with open(os.path.join(a.work, 'truth-' + label + '.jsonl')) as f:
    for line in f:
        d = json.loads(line)
        if d.get('names'):
            names.append(d['names'][0])
        if len(names) >= 50000:
            break
rnd = random.Random(a.seed)
uri = 'file://' + notes + '/first-keystrokes.md'
text = '\n'.join(['# Reading log'] + ['We read %s and compared it.' % rnd.choice(names) if i % 2 else ''
                                      for i in range(199)]) + '\n'
notify('textDocument/didOpen', {'textDocument': {'uri': uri, 'languageId': 'markdown', 'version': 1, 'text': text}})
time.sleep(a.settle)
version, times = 1, []
for n in range(a.names):
    name, line = rnd.choice(names), 100 + n
    version += 1
    insert(uri, version, line, 0, 'Related: \n')
    col = len('Related: ')
    keys = '[[' + name[:8]
    for i, ch in enumerate(keys):
        t0 = time.perf_counter()
        version += 1
        insert(uri, version, line, col, ch)
        col += 1
        m = request('textDocument/completion', {'textDocument': {'uri': uri}, 'position': {'line': line, 'character': col}})
        times.append((time.perf_counter() - t0) * 1000)
        items = len(m['result']['items']) if m.get('result') else 0
        print('%-16s %7.2f ms  %d items' % (keys[:i + 1], times[-1], items))
    version += 1
    insert(uri, version, line, 0, '', line + 1, 0)
print('first keystroke: %.1f ms; first 10: %.1f ms; next 17: %.1f ms' % (times[0], sum(times[:10]), sum(times[10:27])))
request('shutdown', None)
notify('exit', None)
p.wait(30)
