package dev.papernotes.features;

import dev.papernotes.workspace.NoteDocument;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.lsp4j.ResourceOperation;
import org.eclipse.lsp4j.TextDocumentEdit;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.VersionedTextDocumentIdentifier;
import org.eclipse.lsp4j.WorkspaceEdit;
import org.eclipse.lsp4j.jsonrpc.messages.Either;

/**
 * A workspace edit in the shape the client takes: {@code documentChanges} (versioned text edits,
 * then file operations) when it says it can, else the plain {@code changes} map.
 *
 * @param documentChanges the client takes {@code documentChanges}
 * @param renameFiles     the client takes {@code RenameFile} operations in them
 * @param createFiles     the client takes {@code CreateFile} operations in them
 */
public record NoteEdits(boolean documentChanges, boolean renameFiles, boolean createFiles) {
    /** What a client that says nothing takes: the {@code changes} map only. */
    public static final NoteEdits PLAIN = new NoteEdits(false, false, false);

    /** Text edits by note; an open note's edit carries its version, so a stale edit is refused. */
    WorkspaceEdit of(Map<NoteDocument, List<TextEdit>> edits, List<ResourceOperation> operations) {
        WorkspaceEdit edit = new WorkspaceEdit();
        if (documentChanges) {
            List<Either<TextDocumentEdit, ResourceOperation>> changes = new ArrayList<>();
            for (Map.Entry<NoteDocument, List<TextEdit>> e : edits.entrySet()) {
                NoteDocument d = e.getKey();
                List<Either<TextEdit, org.eclipse.lsp4j.SnippetTextEdit>> textEdits = new ArrayList<>();
                for (TextEdit t : e.getValue()) {
                    textEdits.add(Either.forLeft(t));
                }
                TextDocumentEdit tde = new TextDocumentEdit();
                tde.setTextDocument(new VersionedTextDocumentIdentifier(d.uri(), d.isOpen() ? d.version() : null));
                tde.setEdits(textEdits);
                changes.add(Either.forLeft(tde));
            }
            for (ResourceOperation op : operations) {
                changes.add(Either.forRight(op));
            }
            edit.setDocumentChanges(changes);
        } else {
            Map<String, List<TextEdit>> changes = new LinkedHashMap<>();
            for (Map.Entry<NoteDocument, List<TextEdit>> e : edits.entrySet()) {
                changes.put(e.getKey().uri(), e.getValue());
            }
            edit.setChanges(changes);
        }
        return edit;
    }
}
