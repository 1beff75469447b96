package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/** Raw protocol bytes for tests: building transcripts and strictly parsing the server's output. */
final class Frames {
    private Frames() {
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A correct frame around {@code json}. */
    static byte[] frame(String json) {
        byte[] body = utf8(json);
        return concat(utf8("Content-Length: " + body.length + "\r\n\r\n"), body);
    }

    /** A frame with the given header block (lines without terminators) and body. */
    static byte[] frame(String json, String... headerLines) {
        StringBuilder head = new StringBuilder();
        for (String line : headerLines) {
            head.append(line).append("\r\n");
        }
        head.append("\r\n");
        return concat(utf8(head.toString()), utf8(json));
    }

    static String echo(Object id, String text) {
        String idJson = id instanceof String ? "\"" + id + "\"" : String.valueOf(id);
        return "{\"jsonrpc\":\"2.0\",\"id\":" + idJson + ",\"method\":\"test/echo\",\"params\":{\"text\":\"" + text + "\"}}";
    }

    static byte[] concat(Object... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (Object part : parts) {
            byte[] bytes = part instanceof byte[] b ? b : utf8(part.toString());
            out.writeBytes(bytes);
        }
        return out.toByteArray();
    }

    /** Parses the server's output, which must be perfectly framed; fails loudly otherwise. */
    static List<JsonObject> parse(byte[] out) {
        List<JsonObject> messages = new ArrayList<>();
        int pos = 0;
        while (pos < out.length) {
            int end = indexOf(out, utf8("\r\n\r\n"), pos);
            if (end < 0) {
                throw new AssertionError("unterminated header in output at " + pos);
            }
            String head = new String(out, pos, end - pos, StandardCharsets.US_ASCII);
            if (!head.startsWith("Content-Length: ")) {
                throw new AssertionError("bad output header: " + head);
            }
            int length = Integer.parseInt(head.substring("Content-Length: ".length()).trim());
            int start = end + 4;
            if (start + length > out.length) {
                throw new AssertionError("truncated output body");
            }
            JsonElement json = JsonParser.parseString(new String(out, start, length, StandardCharsets.UTF_8));
            messages.add(json.getAsJsonObject());
            pos = start + length;
        }
        return messages;
    }

    private static int indexOf(byte[] haystack, byte[] needle, int from) {
        outer:
        for (int i = from; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
