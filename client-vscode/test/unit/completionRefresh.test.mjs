// Unit tests of when the client re-asks completion on papernotes/completionRefresh
// (src/completionRefresh.ts, which does not depend on the vscode API). Run: npm test
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
let refresh;

before(async () => {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'papernotes-unit-')), 'completionRefresh.cjs');
  await esbuild.build({ entryPoints: [path.join(root, 'src', 'completionRefresh.ts')], bundle: true, platform: 'node', format: 'cjs', outfile: out, logLevel: 'silent' });
  refresh = createRequire(import.meta.url)(out);
});

const uri = 'file:///notes/a.md';
const asked = { textDocument: { uri }, position: { line: 3, character: 11 } };
const caret = (over = {}) => ({ uri, line: 3, character: 11, selectionEmpty: true, ...over });

test('re-asks where the user asked', () => {
  assert.equal(refresh.shouldRetrigger(caret(), asked), true);
});

test('re-asks after typing on along the same line', () => {
  assert.equal(refresh.shouldRetrigger(caret({ character: 15 }), asked), true);
});

test('does not re-ask elsewhere: another note, another line, before the place, or with a selection', () => {
  assert.equal(refresh.shouldRetrigger(caret({ uri: 'file:///notes/b.md' }), asked), false);
  assert.equal(refresh.shouldRetrigger(caret({ line: 4 }), asked), false);
  assert.equal(refresh.shouldRetrigger(caret({ character: 10 }), asked), false);
  assert.equal(refresh.shouldRetrigger(caret({ selectionEmpty: false }), asked), false);
});

test('no editor or malformed params: nothing', () => {
  assert.equal(refresh.shouldRetrigger(undefined, asked), false);
  assert.equal(refresh.shouldRetrigger(caret(), undefined), false);
  assert.equal(refresh.shouldRetrigger(caret(), { textDocument: { uri } }), false);
});

test('the names match what the server speaks', () => {
  assert.equal(refresh.COMPLETION_REFRESH_METHOD, 'papernotes/completionRefresh');
  assert.equal(refresh.COMPLETION_REFRESH_CAPABILITY, 'papernotesCompletionRefresh');
});
