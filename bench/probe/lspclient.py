"""A client of the server over its stdio for the probes: Python's standard library only, no JIT of its
own to warm. Starts scripts/papernotes on a corpus and index left by bench/run-benchmarks.sh (its
--work layout: corpus-, index-, notes- and truth-<profile>-<papers>)."""
import argparse, json, os, subprocess, sys, threading, time

sys.setswitchinterval(0.0002)  # the reader thread hands answers over at once
HERE = os.path.dirname(os.path.abspath(__file__))


class Server:
    def __init__(self, jar, work, label, log=os.devnull):
        self.work, self.label = work, label
        self.notes = os.path.join(work, 'notes-' + label)
        env = dict(os.environ, PAPERNOTES_JAR=os.path.abspath(jar))
        self.p = subprocess.Popen([os.path.join(HERE, '..', '..', 'scripts', 'papernotes'), 'lsp'],
                                  stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=open(log, 'w'),
                                  cwd=work, env=env)
        self.answers, self.logs = {}, []
        self.cond, self.wlock = threading.Condition(), threading.Lock()
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def send(self, m):
        b = json.dumps(m).encode()
        with self.wlock:
            self.p.stdin.write(b'Content-Length: %d\r\n\r\n' % len(b) + b)
            self.p.stdin.flush()

    def _read(self):
        while True:
            h = {}
            while True:
                line = self.p.stdout.readline()
                if not line:
                    return
                if not line.strip():
                    if h:
                        break
                    continue
                if b':' not in line:
                    continue  # not a header: what a profiler attached to the server prints
                k, v = line.split(b':', 1)
                h[k.strip().lower()] = v.strip()
            m = json.loads(self.p.stdout.read(int(h[b'content-length'])))
            if 'id' in m and 'method' not in m:
                with self.cond:
                    self.answers[m['id']] = m
                    self.cond.notify_all()
            elif m.get('method') == 'window/logMessage':
                self.logs.append(m['params']['message'])
            elif 'id' in m:
                self.send({'jsonrpc': '2.0', 'id': m['id'], 'result': None})

    def request(self, method, params):
        self.next_id += 1
        i = self.next_id
        self.send({'jsonrpc': '2.0', 'id': i, 'method': method, 'params': params})
        with self.cond:
            while i not in self.answers:
                self.cond.wait()
            return self.answers.pop(i)

    def notify(self, method, params):
        self.send({'jsonrpc': '2.0', 'method': method, 'params': params})

    def replace(self, uri, version, line, col, text, end_line=None, end_col=None):
        """An incremental change, as an editor sends a keystroke: `text` in place of the range."""
        end = {'line': line if end_line is None else end_line, 'character': col if end_col is None else end_col}
        self.notify('textDocument/didChange', {'textDocument': {'uri': uri, 'version': version}, 'contentChanges': [
            {'range': {'start': {'line': line, 'character': col}, 'end': end}, 'text': text}]})

    def start(self):
        """initialize, initialized, then wait until the server says its notes are ready."""
        self.request('initialize', {
            'processId': os.getpid(), 'capabilities': {},
            'workspaceFolders': [{'uri': 'file://' + self.notes, 'name': 'notes'}],
            'initializationOptions': {'corpus': [os.path.join(self.work, 'corpus-' + self.label)],
                                      'indexDir': os.path.join(self.work, 'index-' + self.label)}})
        self.notify('initialized', {})
        while not any(m.startswith('papernotes: notes ready') for m in self.logs):
            time.sleep(0.02)

    def names(self, limit=50000):
        """Method names of the corpus, from the generator's truth file."""
        out = []
        with open(os.path.join(self.work, 'truth-' + self.label + '.jsonl')) as f:
            for line in f:
                d = json.loads(line)
                if d.get('names'):
                    out.append(d['names'][0])
                if len(out) >= limit:
                    break
        return out

    def stop(self):
        self.request('shutdown', None)
        self.notify('exit', None)
        self.p.wait(30)


def arguments():
    """The options every probe takes; a probe adds its own."""
    ap = argparse.ArgumentParser()
    ap.add_argument('--jar', required=True)
    ap.add_argument('--work', required=True)
    ap.add_argument('--profile', default='syllables')
    ap.add_argument('--papers', default='1000000')
    ap.add_argument('--seed', type=int, default=1)
    ap.add_argument('--log', default=os.devnull, help='where the server writes its log')
    return ap


def started(a):
    """A server started on the corpus and index of the options' profile and size, its notes ready."""
    server = Server(a.jar, a.work, a.profile + '-' + a.papers, a.log)
    server.start()
    return server
