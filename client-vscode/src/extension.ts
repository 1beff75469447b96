// Papernotes for VS Code: a thin client for the papernotes language server. It finds Java,
// starts `java FLAGS -jar papernotes.jar lsp` over stdio (FLAGS: src/java.ts), bridges the
// `papernotes.*` settings and adds a few commands. Every language feature comes from the server.
import * as fs from 'fs';
import {
	commands,
	env,
	ExtensionContext,
	languages,
	LanguageStatusItem,
	LanguageStatusSeverity,
	OutputChannel,
	StatusBarAlignment,
	window,
	workspace
} from 'vscode';
import {
	DidChangeConfigurationNotification,
	DocumentSelector,
	ExecuteCommandRequest,
	LanguageClient,
	LanguageClientOptions,
	ResponseError,
	RevealOutputChannelOn,
	ServerOptions,
	State
} from 'vscode-languageclient/node';
import {
	COMPLETION_REFRESH_CAPABILITY,
	COMPLETION_REFRESH_METHOD,
	CompletionRefreshParams,
	shouldRetrigger
} from './completionRefresh';
import { classDataSharingArgs, findJava, JavaNotFoundError, MIN_JAVA, serverArgs } from './java';
import { searchPapers } from './search';
import { folderFor, initializationOptions, SECTION, toServerSettings } from './settings';

export const CLIENT_ID = 'papernotes'; // also the prefix of the `papernotes.trace.server` setting
const CLIENT_NAME = 'Papernotes';
/** The workspace/executeCommand command the server runs to rebuild its index. */
export const SERVER_REBUILD_COMMAND = 'papernotes.rebuildIndex';
/** VS Code commands this extension registers itself; the client must not register them again. */
const OWN_COMMANDS = new Set(['papernotes.searchPapers', 'papernotes.rebuildIndex', 'papernotes.showLog', 'papernotes.restartServer']);
const RESTART_SETTINGS = ['papernotes.java.home', 'papernotes.server.vmArgs'];

const documentSelector: DocumentSelector = [
	{ scheme: 'file', language: 'markdown' },
	{ scheme: 'untitled', language: 'markdown' },
	// BibTeX libraries: the server shows their parse problems as diagnostics while they are open.
	{ scheme: 'file', pattern: '**/*.bib' }
];

let client: LanguageClient | undefined;
let outputChannel: OutputChannel;
let statusItem: LanguageStatusItem;
let lifecycle: Promise<void> = Promise.resolve();

function log(line: string): void {
	outputChannel.appendLine(`[client ${new Date().toLocaleTimeString()}] ${line}`);
}

function setStatus(text: string, severity: LanguageStatusSeverity, busy = false): void {
	statusItem.text = text;
	statusItem.severity = severity;
	statusItem.busy = busy;
}

/**
 * Opens the Settings editor on papernotes.java.home. The setting is machine-scoped, so in a remote
 * window (SSH, WSL, containers, code-server) it lives in the Remote tab, not the User tab.
 */
async function openJavaHomeSetting(): Promise<void> {
	const query = 'papernotes.java.home';
	if (env.remoteName) {
		try {
			await commands.executeCommand('workbench.action.openRemoteSettings', { query });
			return;
		} catch {
			// older VS Code: fall back to the plain Settings editor
		}
	}
	await commands.executeCommand('workbench.action.openSettings', query);
}

/** Logs the error and shows it with a way to fix it; does not wait for the user to answer. */
function showStartError(message: string, openSetting: boolean): void {
	log(message);
	const actions = openSetting ? ['Open Settings', 'Show Log'] : ['Show Log'];
	void window.showErrorMessage(`Papernotes: ${message}`, ...actions).then((choice) => {
		if (choice === 'Open Settings') {
			void openJavaHomeSetting();
		} else if (choice === 'Show Log') {
			outputChannel.show(true);
		}
	});
}

function serverJar(context: ExtensionContext): string {
	// PAPERNOTES_SERVER_JAR lets a developer run a freshly built jar without repackaging.
	return process.env.PAPERNOTES_SERVER_JAR || context.asAbsolutePath('server/papernotes.jar');
}

async function startClient(context: ExtensionContext): Promise<void> {
	const config = workspace.getConfiguration(SECTION);
	const jar = serverJar(context);
	if (!fs.existsSync(jar)) {
		setStatus('Papernotes: server missing', LanguageStatusSeverity.Error);
		showStartError(`the server jar ${jar} is missing; reinstall the extension.`, false);
		return;
	}

	let java;
	try {
		java = await findJava(config.get<string>('java.home'), log);
	} catch (e) {
		setStatus(`Papernotes: no Java ${MIN_JAVA}+`, LanguageStatusSeverity.Error);
		showStartError((e as Error).message, true);
		if (!(e instanceof JavaNotFoundError)) {
			throw e;
		}
		return;
	}

	const vmArgs = (config.get<unknown[]>('server.vmArgs') ?? []).filter((a): a is string => typeof a === 'string' && a !== '');
	const cds = await classDataSharingArgs(java, jar, context.globalStorageUri.fsPath, log);
	const args = serverArgs(jar, vmArgs, cds);
	log(`Java ${java.major} from ${java.source}: ${java.executable} (${java.versionLine})`);
	log(`Starting: ${java.executable} ${args.join(' ')}`);

	const cwd = workspace.workspaceFolders?.find((f) => f.uri.scheme === 'file')?.uri.fsPath;
	// A plain executable speaks stdio; no transport flag is added to the command line.
	const serverOptions: ServerOptions = {
		command: java.executable,
		args,
		options: cwd ? { cwd } : {}
	};

	let self: LanguageClient | undefined;
	const clientOptions: LanguageClientOptions = {
		documentSelector,
		outputChannel,
		revealOutputChannelOn: RevealOutputChannelOn.Never,
		initializationOptions: () => initializationOptions(),
		synchronize: {
			// Makes the client send workspace/didChangeConfiguration when papernotes.* changes.
			configurationSection: SECTION,
			// Notes changed on disk (also ones not open) for references and diagnostics.
			fileEvents: workspace.createFileSystemWatcher('**/*.md')
		},
		middleware: {
			workspace: {
				// The server pulls the `papernotes` section: give it the same shape as initializationOptions.
				configuration: async (params, token, next) => {
					const result = await next(params, token);
					if (!Array.isArray(result)) {
						return result;
					}
					return result.map((value, i) =>
						params.items[i]?.section === SECTION ? toServerSettings(value, folderFor(params.items[i].scopeUri)) : value
					);
				},
				didChangeConfiguration: async (sections, next) => {
					if (!self || !sections || !sections.includes(SECTION)) {
						return next(sections);
					}
					await self.sendNotification(DidChangeConfigurationNotification.type, {
						settings: { [SECTION]: initializationOptions() }
					});
				}
			}
		},
		initializationFailedHandler: (error) => {
			const msg = error instanceof ResponseError || error instanceof Error ? error.message : String(error);
			log(`The server failed to initialize: ${msg}`);
			return false;
		}
	};

	const c = new LanguageClient(CLIENT_ID, CLIENT_NAME, serverOptions, clientOptions);
	self = c;
	// The server may list `papernotes.rebuildIndex` among its executeCommand commands (other editors
	// call it that way). This extension registers that VS Code command itself, so keep the client
	// from registering it a second time, which would fail.
	const exec = c.getFeature(ExecuteCommandRequest.method);
	const register = exec.register.bind(exec);
	exec.register = (data) =>
		register({
			...data,
			registerOptions: {
				...data.registerOptions,
				commands: (data.registerOptions.commands ?? []).filter((cmd) => !OWN_COMMANDS.has(cmd))
			}
		});

	// A completion answered empty while the index loaded: the server says when to ask again.
	c.registerFeature({
		fillClientCapabilities: (caps) => {
			caps.experimental = { ...(caps.experimental as object | undefined), [COMPLETION_REFRESH_CAPABILITY]: true };
		},
		initialize: () => undefined,
		getState: () => ({ kind: 'static' }),
		clear: () => undefined
	});
	c.onNotification(COMPLETION_REFRESH_METHOD, (params: CompletionRefreshParams) => {
		const editor = window.activeTextEditor;
		const caret = editor && {
			uri: c.code2ProtocolConverter.asUri(editor.document.uri),
			line: editor.selection.active.line,
			character: editor.selection.active.character,
			selectionEmpty: editor.selection.isEmpty
		};
		if (shouldRetrigger(caret, params)) {
			void commands.executeCommand('editor.action.triggerSuggest');
		}
	});

	c.onDidChangeState((e) => {
		if (e.newState === State.Running) {
			setStatus('Papernotes', LanguageStatusSeverity.Information);
		} else if (e.newState === State.Starting) {
			setStatus('Papernotes: starting', LanguageStatusSeverity.Information, true);
		} else {
			setStatus('Papernotes: stopped', LanguageStatusSeverity.Warning);
		}
	});
	client = c;
	setStatus('Papernotes: starting', LanguageStatusSeverity.Information, true);
	try {
		await c.start();
		log('Server started.');
	} catch (e) {
		setStatus('Papernotes: server failed', LanguageStatusSeverity.Error);
		showStartError(`the language server could not be started: ${(e as Error)?.message ?? e}`, false);
	}
}

async function stopClient(): Promise<void> {
	const c = client;
	client = undefined;
	if (!c) {
		return;
	}
	try {
		if (c.needsStop()) {
			await c.stop(5000);
		}
	} catch (e) {
		log(`Stopping the server: ${(e as Error)?.message ?? e}`);
	}
	try {
		await c.dispose();
	} catch {
		// already stopped
	}
}

function restart(context: ExtensionContext): Promise<void> {
	lifecycle = lifecycle
		.then(async () => {
			log('Restarting the server.');
			await stopClient();
			await startClient(context);
		})
		.catch((e) => log(`Restart failed: ${(e as Error)?.stack ?? e}`));
	return lifecycle;
}

async function rebuildIndex(): Promise<void> {
	const c = client;
	if (!c || !c.isRunning()) {
		void window.showErrorMessage('Papernotes: the language server is not running. See "Papernotes: Show server log".');
		return;
	}
	const status = window.createStatusBarItem(StatusBarAlignment.Left);
	status.text = '$(sync~spin) Papernotes: rebuilding the index';
	status.show();
	try {
		// Progress of the rebuild itself comes from the server through $/progress.
		await c.sendRequest(ExecuteCommandRequest.type, { command: SERVER_REBUILD_COMMAND });
		window.setStatusBarMessage('$(check) Papernotes: index rebuilt', 5000);
	} catch (e) {
		void window.showErrorMessage(`Papernotes: rebuilding the index failed: ${(e as Error)?.message ?? e}`);
	} finally {
		status.dispose();
	}
}

export async function activate(context: ExtensionContext): Promise<void> {
	outputChannel = window.createOutputChannel(CLIENT_NAME);
	statusItem = languages.createLanguageStatusItem('papernotes.status', documentSelector);
	statusItem.name = 'Papernotes';
	statusItem.command = { title: 'Show Log', command: 'papernotes.showLog' };
	context.subscriptions.push(
		outputChannel,
		statusItem,
		commands.registerCommand('papernotes.searchPapers', () => searchPapers(client)),
		commands.registerCommand('papernotes.rebuildIndex', rebuildIndex),
		commands.registerCommand('papernotes.showLog', () => outputChannel.show(true)),
		commands.registerCommand('papernotes.restartServer', () => restart(context)),
		workspace.onDidChangeConfiguration(async (e) => {
			if (!RESTART_SETTINGS.some((s) => e.affectsConfiguration(s))) {
				return;
			}
			if (!client || !client.isRunning()) {
				// The server is not up (e.g. no Java was found): try again with the new setting.
				await restart(context);
				return;
			}
			const choice = await window.showInformationMessage(
				'Papernotes: the Java runtime or JVM arguments changed. Restart the language server to use them?',
				'Restart'
			);
			if (choice === 'Restart') {
				await restart(context);
			}
		}),
		workspace.onDidGrantWorkspaceTrust(async () => {
			// Workspace values of java.home / vmArgs count only from now on.
			const changed = RESTART_SETTINGS.some((s) => workspace.getConfiguration().inspect(s)?.workspaceValue !== undefined);
			if (changed) {
				await restart(context);
			}
		}),
		{ dispose: () => void stopClient() }
	);
	// Not awaited: activation does not wait for Java to start or the index to load.
	lifecycle = lifecycle.then(() => startClient(context)).catch((e) => log(`Start failed: ${(e as Error)?.stack ?? e}`));
}

export async function deactivate(): Promise<void> {
	await stopClient();
}
