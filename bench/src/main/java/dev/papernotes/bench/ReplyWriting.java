package dev.papernotes.bench;

import com.google.gson.JsonObject;
import dev.papernotes.lsp.CompletionItemJson;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;

/**
 * How long writing a completion reply takes, with LSP4J's reflective adapters and with the server's
 * own writer of completion items ({@link CompletionItemJson}), rounds alternated in one JVM: a reply
 * of fifty items shaped as the server's (a name, the title as detail and in the edit, a paper id).
 * Run it with the launchers' compiler flags, which decide most of the figure:
 *
 * <pre>
 * java -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx256m -cp bench.jar:server.jar dev.papernotes.bench.ReplyWriting [items] [rounds]
 * </pre>
 */
public final class ReplyWriting {
    private ReplyWriting() {
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 8;
        MessageJsonHandler lsp4j = new MessageJsonHandler(Map.of());
        MessageJsonHandler server = new MessageJsonHandler(Map.of(),
                gson -> gson.registerTypeAdapterFactory(new CompletionItemJson()));
        ResponseMessage reply = reply(n);
        if (!lsp4j.serialize(reply).equals(server.serialize(reply))) {
            System.out.println("note: the two write the fields in another order (same JSON object)");
        }
        for (int round = 0; round < rounds; round++) {
            boolean serverFirst = round % 2 == 1;
            double a = 0;
            double b = 0;
            for (int k = 0; k < 2; k++) {
                boolean asServer = serverFirst == (k == 0);
                double ms = time(asServer ? server : lsp4j, reply);
                if (asServer) {
                    b = ms;
                } else {
                    a = ms;
                }
            }
            System.out.printf(Locale.ROOT, "round %d: LSP4J %.3f ms a reply, the server's writer %.3f (%d items, %d chars)%n",
                    round + 1, a, b, n, lsp4j.serialize(reply).length());
        }
    }

    private static double time(MessageJsonHandler handler, ResponseMessage reply) {
        int times = 2000;
        long chars = 0;
        long start = System.nanoTime();
        for (int i = 0; i < times; i++) {
            chars += handler.serialize(reply).length();
        }
        if (chars == 0) {
            throw new IllegalStateException("nothing written");
        }
        return (System.nanoTime() - start) / 1e6 / times;
    }

    private static ResponseMessage reply(int n) {
        List<CompletionItem> items = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String title = "VinmitaMi" + i + ": Simple Distillation Data Experts for Self-Supervised 3D Representation Learning";
            CompletionItem item = new CompletionItem("VinmitaMi" + i);
            item.setKind(CompletionItemKind.Reference);
            item.setDetail(title);
            item.setSortText(String.format(Locale.ROOT, "%04d", i));
            item.setFilterText("Vin");
            item.setTextEdit(Either.forLeft(new TextEdit(new Range(new Position(235, 6), new Position(235, 9)), title + "]]")));
            JsonObject data = new JsonObject();
            data.addProperty("paperId", String.format(Locale.ROOT, "%016x", 0x60450d9bcf797502L + i));
            item.setData(data);
            items.add(item);
        }
        ResponseMessage reply = new ResponseMessage();
        reply.setId(7);
        reply.setResult(Either.forRight(new CompletionList(true, items)));
        return reply;
    }
}
