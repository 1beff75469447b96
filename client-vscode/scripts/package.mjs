// Packages the extension into papernotes.vsix with the server jar inside.
//   1. takes ../server/target/papernotes.jar (built by `mvn -q package` at the repo root;
//      built here with -DskipTests when it is missing) and copies it to server/papernotes.jar;
//   2. runs `vsce package --no-dependencies -o papernotes.vsix` (its vscode:prepublish
//      type-checks and bundles dist/extension.js). Needs no network.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const repo = path.resolve(root, '..');
const builtJar = process.env.PAPERNOTES_SERVER_JAR || path.join(repo, 'server', 'target', 'papernotes.jar');

if (!fs.existsSync(builtJar)) {
  if (process.env.PAPERNOTES_SERVER_JAR) {
    console.error(`package: PAPERNOTES_SERVER_JAR=${builtJar} does not exist`);
    process.exit(1);
  }
  console.error(`package: ${builtJar} is missing; building it: mvn -q package -DskipTests (in ${repo})`);
  execFileSync('mvn', ['-q', 'package', '-DskipTests'], { cwd: repo, stdio: 'inherit' });
  if (!fs.existsSync(builtJar)) {
    console.error(`package: the Maven build did not produce ${builtJar}`);
    process.exit(1);
  }
}

fs.mkdirSync(path.join(root, 'server'), { recursive: true });
fs.copyFileSync(builtJar, path.join(root, 'server', 'papernotes.jar'));
console.log(`package: server/papernotes.jar <- ${builtJar} (${fs.statSync(builtJar).size} bytes)`);

const vsce = path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce');
execFileSync(process.execPath, [vsce, 'package', '--no-dependencies', '-o', 'papernotes.vsix'], {
  cwd: root,
  stdio: 'inherit'
});
console.log(`package: ${path.join(root, 'papernotes.vsix')}`);
