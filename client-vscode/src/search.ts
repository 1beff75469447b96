// "Papernotes: Search papers": a QuickPick fed by the server's workspace/symbol as the user
// types. Enter opens the corpus entry; the item's link button inserts a [[name]] link into the
// active Markdown editor.
import {
	CancellationTokenSource,
	QuickPickItem,
	Selection,
	TextEditorRevealType,
	ThemeIcon,
	Uri,
	window,
	workspace
} from 'vscode';
import {
	LanguageClient,
	Location,
	SymbolInformation,
	WorkspaceSymbol,
	WorkspaceSymbolRequest,
	WorkspaceSymbolResolveRequest
} from 'vscode-languageclient/node';

interface PaperItem extends QuickPickItem {
	symbol: SymbolInformation | WorkspaceSymbol;
}

const openButton = { iconPath: new ThemeIcon('go-to-file'), tooltip: 'Open the paper in its corpus file' };
const insertButton = { iconPath: new ThemeIcon('link'), tooltip: 'Insert a [[link]] to this paper into the note' };

function describe(symbol: SymbolInformation | WorkspaceSymbol): string {
	const loc = symbol.location;
	const uri = Uri.parse(loc.uri);
	// Inside the workspace: the relative path; outside (bundled or shared corpus): folder/file.
	let file = workspace.asRelativePath(uri, false);
	if (file === uri.fsPath) {
		file = uri.path.split('/').slice(-2).join('/');
	}
	const range = (loc as Location).range;
	return range ? `${file}:${range.start.line + 1}` : file;
}

/** The server names a paper "<method name or short title> — <full title>". */
const NAME_SEPARATOR = ' — ';

function splitName(name: string): { label: string; title?: string } {
	const i = name.indexOf(NAME_SEPARATOR);
	return i > 0 ? { label: name.slice(0, i), title: name.slice(i + NAME_SEPARATOR.length) } : { label: name };
}

/**
 * The target of the [[link]] for a symbol: `data.linkTarget` when the server gives one, else the
 * short name before " — ", else the whole name; without `[`, `]`, `|` and line breaks.
 */
export function linkTarget(symbol: SymbolInformation | WorkspaceSymbol): string {
	const data = (symbol as WorkspaceSymbol).data as { linkTarget?: unknown } | undefined;
	const raw = data && typeof data.linkTarget === 'string' && data.linkTarget.trim() !== '' ? data.linkTarget : splitName(symbol.name).label;
	return raw.replace(/[[\]|\r\n]+/g, ' ').replace(/\s+/g, ' ').trim();
}

async function resolveRange(client: LanguageClient, symbol: SymbolInformation | WorkspaceSymbol): Promise<Location> {
	const loc = symbol.location;
	if ((loc as Location).range) {
		return loc as Location;
	}
	try {
		const resolved = await client.sendRequest(WorkspaceSymbolResolveRequest.type, symbol as WorkspaceSymbol);
		if (resolved && (resolved.location as Location).range) {
			return resolved.location as Location;
		}
	} catch {
		// the server does not resolve symbols: open the file at its top
	}
	return { uri: loc.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } };
}

async function openEntry(client: LanguageClient, symbol: SymbolInformation | WorkspaceSymbol): Promise<void> {
	const loc = await resolveRange(client, symbol);
	const range = client.protocol2CodeConverter.asRange(loc.range);
	const doc = await workspace.openTextDocument(client.protocol2CodeConverter.asUri(loc.uri));
	const editor = await window.showTextDocument(doc, { preview: true });
	editor.selection = new Selection(range.start, range.start);
	editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
}

async function insertLink(symbol: SymbolInformation | WorkspaceSymbol): Promise<void> {
	const editor = window.activeTextEditor;
	if (!editor || editor.document.languageId !== 'markdown') {
		void window.showWarningMessage('Papernotes: open a Markdown note to insert a link into it.');
		return;
	}
	const link = `[[${linkTarget(symbol)}]]`;
	await editor.edit((edit) => {
		for (const sel of editor.selections) {
			edit.replace(sel, link);
		}
	});
	// Leave the cursor after the inserted link.
	const end = editor.selection.end;
	editor.selection = new Selection(end, end);
}

export async function searchPapers(client: LanguageClient | undefined): Promise<void> {
	if (!client || !client.isRunning()) {
		void window.showErrorMessage('Papernotes: the language server is not running. See "Papernotes: Show server log".');
		return;
	}
	// Remember the note the user was in: the QuickPick takes focus but not the active editor.
	const initialEditor = window.activeTextEditor;
	const canInsert = initialEditor?.document.languageId === 'markdown';

	const qp = window.createQuickPick<PaperItem>();
	qp.title = 'Papernotes: Search papers';
	qp.placeholder = canInsert
		? 'Type a method name, title words or citekey. Enter opens the paper; the link button inserts [[name]] into the note.'
		: 'Type a method name, title words or citekey. Enter opens the paper in its corpus file.';
	qp.matchOnDescription = true;
	qp.matchOnDetail = true;

	let cts: CancellationTokenSource | undefined;
	let timer: NodeJS.Timeout | undefined;
	let seq = 0;

	const query = (value: string) => {
		cts?.cancel();
		cts = new CancellationTokenSource();
		const token = cts.token;
		const mine = ++seq;
		qp.busy = true;
		client.sendRequest(WorkspaceSymbolRequest.type, { query: value }, token).then(
			(result) => {
				if (mine !== seq) {
					return;
				}
				const symbols = (result ?? []) as (SymbolInformation | WorkspaceSymbol)[];
				qp.items = symbols.map((symbol) => {
					const { label, title } = splitName(symbol.name);
					const where = describe(symbol);
					return {
						label,
						description: title ?? (symbol.containerName || undefined),
						detail: title && symbol.containerName ? `${symbol.containerName}  ·  ${where}` : where,
					// The server has already matched and ranked (typos, title words): keep its list.
					alwaysShow: true,
						buttons: canInsert ? [insertButton, openButton] : [openButton],
						symbol
					};
				});
				qp.busy = false;
			},
			(err) => {
				if (mine === seq) {
					qp.busy = false;
					if (!token.isCancellationRequested) {
						client.outputChannel.appendLine(`workspace/symbol failed: ${String(err?.message ?? err)}`);
					}
				}
			}
		);
	};

	qp.onDidChangeValue((value) => {
		if (timer) {
			clearTimeout(timer);
		}
		timer = setTimeout(() => query(value), 120);
	});
	qp.onDidAccept(() => {
		const item = qp.selectedItems[0] ?? qp.activeItems[0];
		qp.hide();
		if (item) {
			void openEntry(client, item.symbol);
		}
	});
	qp.onDidTriggerItemButton(async (e) => {
		qp.hide();
		if (e.button === insertButton) {
			if (initialEditor) {
				await window.showTextDocument(initialEditor.document, initialEditor.viewColumn);
			}
			await insertLink(e.item.symbol);
		} else {
			await openEntry(client, e.item.symbol);
		}
	});
	qp.onDidHide(() => {
		cts?.cancel();
		if (timer) {
			clearTimeout(timer);
		}
		qp.dispose();
	});
	qp.show();
	query('');
}
