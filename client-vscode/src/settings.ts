// Bridges the `papernotes.*` settings to the server: the same object goes out as
// LSP initializationOptions and as the `papernotes` section of workspace/configuration.
import * as path from 'path';
import { Uri, workspace, WorkspaceFolder } from 'vscode';
import { expandHome } from './java';

export const SECTION = 'papernotes';

/** Keys that configure the client itself (how to start Java, tracing) and never go to the server. */
const CLIENT_ONLY_KEYS = ['java', 'server', 'trace'];

function plain(value: unknown): unknown {
	return value === undefined ? undefined : JSON.parse(JSON.stringify(value));
}

function resolvePath(p: string, folder: WorkspaceFolder | undefined): string {
	let s = p.trim();
	if (folder) {
		s = s.replace(/\$\{workspaceFolder\}/g, folder.uri.fsPath);
	}
	s = expandHome(s);
	if (!path.isAbsolute(s) && folder && folder.uri.scheme === 'file') {
		s = path.join(folder.uri.fsPath, s);
	}
	return s;
}

/**
 * Turns a raw `papernotes` settings object into what the server gets: client-only keys removed,
 * corpus and index paths made absolute against the workspace folder (`${workspaceFolder}` and `~`
 * expanded). Empty values stay empty: the server then picks its defaults.
 */
export function toServerSettings(raw: unknown, folder: WorkspaceFolder | undefined): Record<string, unknown> {
	const out: Record<string, unknown> = { ...((plain(raw) as Record<string, unknown>) ?? {}) };
	for (const key of CLIENT_ONLY_KEYS) {
		delete out[key];
	}
	if (Array.isArray(out.corpus)) {
		out.corpus = (out.corpus as unknown[])
			.filter((c): c is string => typeof c === 'string' && c.trim() !== '')
			.map((c) => resolvePath(c, folder));
	}
	if (typeof out.indexDir === 'string' && out.indexDir.trim() !== '') {
		out.indexDir = resolvePath(out.indexDir, folder);
	}
	return out;
}

export function folderFor(scopeUri: string | undefined): WorkspaceFolder | undefined {
	if (scopeUri) {
		try {
			const f = workspace.getWorkspaceFolder(Uri.parse(scopeUri));
			if (f) {
				return f;
			}
		} catch {
			// fall through to the first folder
		}
	}
	return workspace.workspaceFolders?.[0];
}

/** The settings the server starts with (initializationOptions). */
export function initializationOptions(): Record<string, unknown> {
	const folder = workspace.workspaceFolders?.[0];
	return toServerSettings(workspace.getConfiguration(SECTION, folder?.uri), folder);
}
