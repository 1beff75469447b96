// Unit tests of the Java lookup (src/java.ts, which does not depend on the vscode API).
// Run: npm test
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'papernotes-unit-'));
let java;

/** A fake JDK folder whose bin/java prints the given `-version` banner to stderr. */
function fakeJdk(name, banner) {
  const home = path.join(tmp, name);
  fs.mkdirSync(path.join(home, 'bin'), { recursive: true });
  const exe = path.join(home, 'bin', 'java');
  fs.writeFileSync(exe, `#!/bin/sh\necho '${banner}' >&2\necho 'OpenJDK Runtime Environment' >&2\n`);
  fs.chmodSync(exe, 0o755);
  return home;
}

before(async () => {
  const out = path.join(tmp, 'java.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'java.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  java = createRequire(import.meta.url)(out);
});
after(() => fs.rmSync(tmp, { recursive: true, force: true }));

describe('parseJavaVersion', () => {
  test('reads modern and legacy version banners', () => {
    assert.equal(java.parseJavaVersion('openjdk version "17.0.15" 2025-04-15\nOpenJDK Runtime').major, 17);
    assert.equal(java.parseJavaVersion('openjdk version "21" 2023-09-19').major, 21);
    assert.equal(java.parseJavaVersion('java version "1.8.0_292"').major, 8);
    assert.equal(java.parseJavaVersion('openjdk version "25-ea" 2025-09-16').major, 25);
    assert.equal(java.parseJavaVersion('Picked up JAVA_TOOL_OPTIONS: -Xmx1g\nopenjdk version "11.0.2" 2019-01-15').major, 11);
    assert.equal(java.parseJavaVersion('no java here'), undefined);
  });
});

describe('findJava', () => {
  const saved = { PATH: process.env.PATH, JAVA_HOME: process.env.JAVA_HOME };
  after(() => {
    process.env.PATH = saved.PATH;
    if (saved.JAVA_HOME === undefined) delete process.env.JAVA_HOME;
    else process.env.JAVA_HOME = saved.JAVA_HOME;
  });
  const logs = [];
  const log = (l) => logs.push(l);

  test('papernotes.java.home wins when it is Java 17+', async () => {
    const home = fakeJdk('jdk21', 'openjdk version "21.0.1" 2023-10-17');
    const r = await java.findJava(home, log);
    assert.equal(r.major, 21);
    assert.equal(r.source, 'papernotes.java.home');
    assert.equal(r.executable, path.join(home, 'bin', 'java'));
  });

  test('an old Java in papernotes.java.home is an error naming the setting', async () => {
    const home = fakeJdk('jdk11', 'openjdk version "11.0.2" 2019-01-15');
    await assert.rejects(java.findJava(home, log), (e) => e instanceof java.JavaNotFoundError && e.fromSetting && /Java 11/.test(e.message) && /17/.test(e.message));
  });

  test('a papernotes.java.home without bin/java is an error naming the setting', async () => {
    await assert.rejects(java.findJava(path.join(tmp, 'nowhere'), log), (e) => e.fromSetting && /papernotes\.java\.home/.test(e.message));
  });

  test('JAVA_HOME before PATH, skipping runtimes older than 17', async () => {
    process.env.JAVA_HOME = fakeJdk('old-home', 'java version "1.8.0_292"');
    process.env.PATH = path.join(fakeJdk('path17', 'openjdk version "17.0.15" 2025-04-15'), 'bin');
    const r = await java.findJava('', log);
    assert.equal(r.source, 'PATH');
    assert.equal(r.major, 17);
    process.env.JAVA_HOME = fakeJdk('good-home', 'openjdk version "22" 2024-03-19');
    const r2 = await java.findJava(undefined, log);
    assert.equal(r2.source, 'JAVA_HOME');
    assert.equal(r2.major, 22);
  });

  test('no Java anywhere: a clear error that says how to fix it', async () => {
    delete process.env.JAVA_HOME;
    process.env.PATH = path.join(tmp, 'empty');
    await assert.rejects(java.findJava('', log), (e) => !e.fromSetting && /Java 17 or newer/.test(e.message) && /papernotes\.java\.home/.test(e.message));
  });
});

describe('server command line', () => {
  test('the bounded-heap flags come first and the user\'s flags after them, so -Xmx there wins', () => {
    const args = java.serverArgs('/x/papernotes.jar', ['-Xmx1g'], ['-XX:SharedArchiveFile=/s/a.jsa']);
    assert.deepEqual(args.slice(-3), ['-jar', '/x/papernotes.jar', 'lsp']);
    for (const f of ['-XX:+UseSerialGC', '-Xmx256m', '-XX:+ExitOnOutOfMemoryError', '-Xlog:all=warning:stderr']) {
      assert.ok(args.includes(f), f);
    }
    assert.ok(args.indexOf('-Xmx1g') > args.indexOf('-Xmx256m'));
    assert.ok(args.indexOf('-XX:SharedArchiveFile=/s/a.jsa') < args.indexOf('-jar'));
  });
});

describe('classDataSharingArgs', () => {
  /** A fake java whose archive check (`-Xshare:on ... --version`) exits with `status`. */
  function runtime(name, status) {
    const home = fakeJdk(name, 'openjdk version "17.0.15" 2025-04-15');
    const exe = path.join(home, 'bin', 'java');
    fs.writeFileSync(exe, `#!/bin/sh\necho 'openjdk version "17.0.15"' >&2\nexit ${status}\n`);
    return { executable: exe, major: 17, source: 'PATH', versionLine: `openjdk version "17.0.15" (${name})` };
  }
  const jar = path.join(tmp, 'papernotes.jar');
  const logs = [];

  test('the first run writes an archive at exit; the next start checks it once and then maps it', async () => {
    fs.writeFileSync(jar, 'jar');
    const store = path.join(tmp, 'store1');
    const rt = runtime('cds-ok', 0);
    const first = await java.classDataSharingArgs(rt, jar, store, (l) => logs.push(l));
    assert.equal(first.length, 1);
    assert.match(first[0], /^-XX:ArchiveClassesAtExit=.*\.jsa\.partial$/);
    const partial = first[0].slice('-XX:ArchiveClassesAtExit='.length);
    fs.writeFileSync(partial, 'archive bytes'); // what the JVM writes when it exits
    const second = await java.classDataSharingArgs(rt, jar, store, (l) => logs.push(l));
    assert.deepEqual(second, [`-XX:SharedArchiveFile=${partial.slice(0, -'.partial'.length)}`]);
    assert.ok(!fs.existsSync(partial));
    assert.deepEqual(await java.classDataSharingArgs(rt, jar, store, (l) => logs.push(l)), second);
  });

  test('an archive the JVM refuses is removed and written again; a new jar gets a new archive', async () => {
    fs.writeFileSync(jar, 'jar');
    const store = path.join(tmp, 'store2');
    const rt = runtime('cds-bad', 1);
    const first = await java.classDataSharingArgs(rt, jar, store, () => {});
    const partial = first[0].slice('-XX:ArchiveClassesAtExit='.length);
    fs.writeFileSync(partial, 'truncated');
    const again = await java.classDataSharingArgs(rt, jar, store, () => {});
    assert.deepEqual(again, first);
    assert.ok(!fs.existsSync(partial));
    fs.writeFileSync(jar, 'a rebuilt jar of another size');
    const other = await java.classDataSharingArgs(rt, jar, store, () => {});
    assert.notDeepEqual(other, first);
  });
});
