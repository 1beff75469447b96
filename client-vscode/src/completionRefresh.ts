// The server's papernotes/completionRefresh notification: a completion it had to answer empty
// while its index was loading can be answered now. LSP has no request for that, so the client
// asks VS Code to suggest again, but only while the cursor is still where the user asked (or
// further along the same line, typing on). No vscode import: unit-tested under plain Node.

/** The capability the client announces (`capabilities.experimental`) so the server sends it. */
export const COMPLETION_REFRESH_CAPABILITY = 'papernotesCompletionRefresh';
export const COMPLETION_REFRESH_METHOD = 'papernotes/completionRefresh';

export interface CompletionRefreshParams {
	textDocument: { uri: string };
	position: { line: number; character: number };
}

/** Where the user is: the active editor's document and its cursor (no selection). */
export interface Caret {
	uri: string;
	line: number;
	character: number;
	selectionEmpty: boolean;
}

export function shouldRetrigger(caret: Caret | undefined, params: CompletionRefreshParams | undefined): boolean {
	if (!caret || !params?.textDocument || !params.position || !caret.selectionEmpty) {
		return false;
	}
	return (
		caret.uri === params.textDocument.uri &&
		caret.line === params.position.line &&
		caret.character >= params.position.character
	);
}
