package dev.papernotes.lsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.Gson;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.eclipse.lsp4j.Command;
import org.eclipse.lsp4j.CompletionItem;
import org.eclipse.lsp4j.CompletionItemKind;
import org.eclipse.lsp4j.CompletionItemLabelDetails;
import org.eclipse.lsp4j.CompletionItemTag;
import org.eclipse.lsp4j.CompletionList;
import org.eclipse.lsp4j.InsertReplaceEdit;
import org.eclipse.lsp4j.InsertTextFormat;
import org.eclipse.lsp4j.MarkupContent;
import org.eclipse.lsp4j.Position;
import org.eclipse.lsp4j.Range;
import org.eclipse.lsp4j.TextEdit;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseMessage;
import org.junit.jupiter.api.Test;

/**
 * Completion items written by {@link CompletionItemJson} are the JSON LSP4J's own writing makes, for
 * items of every shape: those completion makes (written by hand) and those with any other field
 * (left to LSP4J), in a whole completion reply as the server sends it.
 */
class CompletionItemJsonTest {
    private static final MessageJsonHandler LSP4J = new MessageJsonHandler(Map.of());
    private static final MessageJsonHandler OURS = new MessageJsonHandler(Map.of(),
            gson -> gson.registerTypeAdapterFactory(new CompletionItemJson()));

    private static final String[] TEXTS = {"Mini-Monkey", "Mini-Monkey: Multi-Scale Adaptive Cropping]]", "",
        "\"quoted\" and \\ back", "tab\tnew\nline", "\u2028 separators \u2029", "naïve 😀 ∑", "</script>", "0000"};

    private static String text(Random r) {
        return TEXTS[r.nextInt(TEXTS.length)];
    }

    private static Position position(Random r) {
        return new Position(r.nextInt(100_000), r.nextInt(300));
    }

    /** An item with each field set or not at random; the fields completion sets more often than others. */
    private static CompletionItem item(Random r) {
        CompletionItem item = new CompletionItem();
        if (r.nextInt(20) > 0) {
            item.setLabel(text(r));
        }
        if (r.nextBoolean()) {
            item.setKind(CompletionItemKind.values()[r.nextInt(CompletionItemKind.values().length)]);
        }
        if (r.nextBoolean()) {
            item.setDetail(text(r));
        }
        if (r.nextBoolean()) {
            item.setSortText(text(r));
        }
        if (r.nextBoolean()) {
            item.setFilterText(text(r));
        }
        if (r.nextInt(4) == 0) {
            CompletionItemLabelDetails d = new CompletionItemLabelDetails();
            if (r.nextBoolean()) {
                d.setDescription(text(r));
            }
            if (r.nextBoolean()) {
                d.setDetail(text(r));
            }
            item.setLabelDetails(d);
        }
        switch (r.nextInt(4)) {
            case 0 -> item.setTextEdit(Either.forLeft(new TextEdit(new Range(position(r), position(r)), text(r))));
            case 1 -> item.setTextEdit(Either.forRight(new InsertReplaceEdit(text(r),
                    new Range(position(r), position(r)), new Range(position(r), position(r)))));
            default -> { }
        }
        switch (r.nextInt(5)) {
            case 0 -> {
                JsonObject data = new JsonObject();
                data.addProperty("paperId", Long.toHexString(r.nextLong()));
                item.setData(data);
            }
            case 1 -> item.setData(new JsonPrimitive(r.nextInt()));
            case 2 -> {
                JsonArray a = new JsonArray();
                a.add(text(r));
                a.add(JsonParser.parseString("null"));
                item.setData(a);
            }
            default -> { }
        }
        if (r.nextInt(8) == 0) {
            switch (r.nextInt(6)) {
                case 0 -> item.setDocumentation(new MarkupContent("markdown", "**" + text(r) + "**"));
                case 1 -> item.setDocumentation(text(r));
                case 2 -> item.setCommand(new Command("Create note", "papernotes.createNote"));
                case 3 -> item.setTags(List.of(CompletionItemTag.Deprecated));
                case 4 -> item.setInsertTextFormat(InsertTextFormat.Snippet);
                default -> item.setAdditionalTextEdits(List.of(new TextEdit(new Range(position(r), position(r)), text(r))));
            }
        }
        return item;
    }

    @Test
    void itemsOfEveryShapeAreWrittenAsLsp4jWritesThem() {
        Random r = new Random(20261203);
        Gson ours = OURS.getGson();
        Gson theirs = LSP4J.getGson();
        int byHand = 0;
        for (int i = 0; i < 5000; i++) {
            CompletionItem item = item(r);
            byHand += CompletionItemJson.written(item) ? 1 : 0;
            String json = ours.toJson(item);
            assertEquals(JsonParser.parseString(theirs.toJson(item)), JsonParser.parseString(json), json);
            assertEquals(item, theirs.fromJson(json, CompletionItem.class), json);
            assertEquals(item, ours.fromJson(json, CompletionItem.class), "read back by the server: " + json);
        }
        assertTrue(byHand > 1500, "items written by hand: " + byHand);
    }

    @Test
    void aCompletionReplyIsTheSameMessage() {
        Random r = new Random(7);
        for (int n : new int[] {0, 1, 50}) {
            List<CompletionItem> items = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                items.add(item(r));
            }
            ResponseMessage reply = new ResponseMessage();
            reply.setId(n + 1);
            reply.setResult(Either.forRight(new CompletionList(true, items)));
            JsonElement expected = JsonParser.parseString(LSP4J.serialize(reply));
            assertEquals(expected, JsonParser.parseString(OURS.serialize(reply)));
        }
    }
}
