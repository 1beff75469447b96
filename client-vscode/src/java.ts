// Finds a Java 17+ runtime for the server: setting `papernotes.java.home`, then
// JAVA_HOME, then `java` on the PATH. Each candidate is checked with `java -version`.
import { execFile } from 'child_process';
import { createHash } from 'crypto';
import * as fs from 'fs';
import * as path from 'path';

export const MIN_JAVA = 17;

export interface JavaRuntime {
	/** Absolute path of the java executable (or the bare command name when taken from PATH). */
	executable: string;
	/** Major version, e.g. 17 or 21. */
	major: number;
	/** Where it was found: "papernotes.java.home", "JAVA_HOME" or "PATH". */
	source: string;
	/** The first line of `java -version`. */
	versionLine: string;
}

export class JavaNotFoundError extends Error {
	constructor(message: string, readonly fromSetting: boolean) {
		super(message);
	}
}

const exe = process.platform === 'win32' ? 'java.exe' : 'java';

/** Parses the output of `java -version` (it goes to stderr) into a major version. */
export function parseJavaVersion(output: string): { major: number; line: string } | undefined {
	// openjdk version "17.0.15" 2025-04-15 | java version "1.8.0_292" | openjdk version "21" 2023-09-19
	const m = /version\s+"(\d+)(?:\.(\d+))?[^"]*"/.exec(output);
	if (!m) {
		return undefined;
	}
	let major = parseInt(m[1], 10);
	if (major === 1 && m[2] !== undefined) {
		major = parseInt(m[2], 10);
	}
	const line = output.split(/\r?\n/).find((l) => l.includes(m[0])) ?? m[0];
	return { major, line: line.trim() };
}

function runVersion(executable: string): Promise<{ major: number; line: string }> {
	return new Promise((resolve, reject) => {
		execFile(executable, ['-version'], { timeout: 20000, windowsHide: true }, (err, stdout, stderr) => {
			const parsed = parseJavaVersion(`${stderr}\n${stdout}`);
			if (parsed) {
				resolve(parsed);
			} else if (err) {
				reject(err);
			} else {
				reject(new Error(`could not read the version from "${executable} -version"`));
			}
		});
	});
}

function onPath(): string | undefined {
	for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
		if (!dir) {
			continue;
		}
		const candidate = path.join(dir, exe);
		try {
			fs.accessSync(candidate, fs.constants.X_OK);
			return candidate;
		} catch {
			// not here
		}
	}
	return undefined;
}

export function expandHome(p: string): string {
	if (p === '~' || p.startsWith('~/') || p.startsWith('~\\')) {
		return path.join(process.env.HOME ?? process.env.USERPROFILE ?? '', p.slice(1));
	}
	return p;
}

/**
 * Returns the first Java 17+ runtime. A `papernotes.java.home` that is set but unusable is an
 * error of its own (the user asked for that runtime); JAVA_HOME and PATH are tried in turn.
 */
export async function findJava(javaHomeSetting: string | undefined, log: (line: string) => void): Promise<JavaRuntime> {
	const setting = (javaHomeSetting ?? '').trim();
	if (setting) {
		const home = expandHome(setting);
		const executable = path.join(home, 'bin', exe);
		try {
			const v = await runVersion(executable);
			if (v.major >= MIN_JAVA) {
				return { executable, major: v.major, source: 'papernotes.java.home', versionLine: v.line };
			}
			throw new JavaNotFoundError(
				`The Java runtime in papernotes.java.home (${home}) is Java ${v.major}; the papernotes server needs Java ${MIN_JAVA} or newer.`,
				true
			);
		} catch (e) {
			if (e instanceof JavaNotFoundError) {
				throw e;
			}
			throw new JavaNotFoundError(
				`papernotes.java.home is "${setting}", but ${executable} cannot be run (${(e as Error).message}). Point it at a Java ${MIN_JAVA}+ installation (the folder that contains bin/${exe}).`,
				true
			);
		}
	}

	const tried: string[] = [];
	const candidates: { executable: string; source: string }[] = [];
	const javaHome = process.env.JAVA_HOME;
	if (javaHome) {
		candidates.push({ executable: path.join(javaHome, 'bin', exe), source: 'JAVA_HOME' });
	}
	const fromPath = onPath();
	if (fromPath) {
		candidates.push({ executable: fromPath, source: 'PATH' });
	}
	for (const c of candidates) {
		try {
			const v = await runVersion(c.executable);
			if (v.major >= MIN_JAVA) {
				return { executable: c.executable, major: v.major, source: c.source, versionLine: v.line };
			}
			tried.push(`${c.executable} (from ${c.source}) is Java ${v.major}`);
		} catch (e) {
			tried.push(`${c.executable} (from ${c.source}) cannot be run: ${(e as Error).message}`);
		}
	}
	if (!javaHome) {
		tried.push('JAVA_HOME is not set');
	}
	if (!fromPath) {
		tried.push(`no "${exe}" on the PATH`);
	}
	for (const t of tried) {
		log(`Java lookup: ${t}`);
	}
	throw new JavaNotFoundError(
		`The papernotes server needs Java ${MIN_JAVA} or newer, and none was found (${tried.join('; ')}). Install a JDK ${MIN_JAVA}+ or set papernotes.java.home to its folder.`,
		false
	);
}

/**
 * The JVM flags the server is started with: a small bounded heap with a collector that gives
 * memory back (Serial), the fast compiler only (no optimizing compiler threads competing with
 * requests), and JVM warnings on stderr so that stdout carries only protocol. `scripts/papernotes` and the README's editor snippets use the same
 * flags; the bench's LaunchFlagsTest keeps them in step. The user's `papernotes.server.vmArgs`
 * come after these, so `-Xmx1g` there raises the bound.
 */
export const SERVER_VM_ARGS: readonly string[] = [
	'-XX:+UseSerialGC',
	'-Xms8m',
	'-Xmx256m',
	'-XX:MinHeapFreeRatio=10',
	'-XX:MaxHeapFreeRatio=30',
	'-XX:-ShrinkHeapInSteps',
	'-XX:TieredStopAtLevel=1',
	'-XX:+ExitOnOutOfMemoryError',
	'-Xlog:disable',
	'-Xlog:all=warning:stderr'
];

/** The java command line: the flags above, class data sharing, the user's flags, then the jar. */
export function serverArgs(jar: string, userVmArgs: readonly string[], cdsArgs: readonly string[]): string[] {
	return [...SERVER_VM_ARGS, ...cdsArgs, ...userVmArgs, '-jar', jar, 'lsp'];
}

function fileKey(p: string): string {
	try {
		const s = fs.statSync(p);
		return `${s.size}-${Math.floor(s.mtimeMs)}`;
	} catch {
		return 'missing';
	}
}

function accepts(executable: string, archive: string, jar: string): Promise<boolean> {
	return new Promise((resolve) => {
		execFile(
			executable,
			[`-XX:SharedArchiveFile=${archive}`, '-Xshare:on', '-Xlog:disable', '-jar', jar, '--version'],
			{ timeout: 20000, windowsHide: true },
			(err) => resolve(!err)
		);
	});
}

/**
 * Class data sharing: Java 17 cannot create a class archive by itself, so the first server run
 * writes one at exit (`-XX:ArchiveClassesAtExit`) into the extension's storage, keyed by the Java
 * runtime and the jar; the next start checks it once (the JVM must accept it) and from then on
 * every start maps it, which saves most of the class loading at start. Any failure here only means
 * a start without the archive.
 */
export async function classDataSharingArgs(
	java: JavaRuntime,
	jar: string,
	storageDir: string,
	log: (line: string) => void
): Promise<string[]> {
	try {
		const key = createHash('sha1')
			.update([java.executable, java.versionLine, path.resolve(jar), fileKey(jar)].join('|'))
			.digest('hex')
			.slice(0, 16);
		const archive = path.join(storageDir, `papernotes-${key}.jsa`);
		const partial = `${archive}.partial`;
		if (!fs.existsSync(archive) && fs.existsSync(partial)) {
			if (fs.statSync(partial).size > 0 && (await accepts(java.executable, partial, jar))) {
				fs.renameSync(partial, archive);
				log(`Class data sharing archive ready: ${archive}`);
			} else {
				fs.rmSync(partial, { force: true });
				log('The class data sharing archive of the last run was not usable; writing a new one.');
			}
		}
		if (fs.existsSync(archive)) {
			return [`-XX:SharedArchiveFile=${archive}`];
		}
		fs.mkdirSync(storageDir, { recursive: true });
		// Archives of other runtimes or jars are left behind when either changes.
		for (const f of fs.readdirSync(storageDir)) {
			if (/^papernotes-[0-9a-f]{16}\.jsa(\.partial)?$/.test(f) && !f.startsWith(`papernotes-${key}`)) {
				fs.rmSync(path.join(storageDir, f), { force: true });
			}
		}
		return [`-XX:ArchiveClassesAtExit=${partial}`];
	} catch (e) {
		log(`Class data sharing is off: ${(e as Error).message}`);
		return [];
	}
}
