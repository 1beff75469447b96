/**
 * LSP base-protocol framing that survives bad input, for LSP4J 1.0.0.
 *
 * <p>{@link dev.papernotes.lsp.jsonrpc.LspLauncher} builds launchers like LSP4J's
 * {@code LSPLauncher}, reading input with {@link dev.papernotes.lsp.jsonrpc.SafeMessageProducer}.
 * How input is read:
 * <ul>
 * <li>A frame starts at {@code Content-Length:} or {@code Content-Type:} (any case); headers come
 *     in any order, lines end in CRLF or a bare LF, unknown headers are ignored. Anything else
 *     between frames is skipped (whitespace silently, other bytes with a warning).</li>
 * <li>A body is read while its bytes can still be JSON. It ends at the declared length, or earlier
 *     where the JSON value provably ended or broke (an upper-case letter outside a string, a raw
 *     line break inside one): the rest is handed back and scanned for the next header. So a wrong
 *     Content-Length costs one message, never the next one.</li>
 * <li>Nothing is allocated from a declared length; bodies over the limit (64 MiB by default) are
 *     refused and streamed past, keeping only their first 64 KiB to find the id in.</li>
 * <li>Well-framed bodies go through LSP4J unchanged ({@code MessageJsonHandler}, consumers, the
 *     RemoteEndpoint's issue handling).</li>
 * <li>Everything else is reported through the RemoteEndpoint as a {@code MessageIssue}: requests
 *     get an error reply with their id (-32700 for bad JSON or framing, -32600 for a refused
 *     header, size or charset, or JSON that is not a message), a body too damaged to show whether
 *     it had an id gets a reply with a null id, notifications and stray bytes are only logged, and
 *     a damaged response fails the server request it answers.</li>
 * </ul>
 * Logging uses {@code java.util.logging}; nothing is ever written to {@code System.out}.
 */
package dev.papernotes.lsp.jsonrpc;
