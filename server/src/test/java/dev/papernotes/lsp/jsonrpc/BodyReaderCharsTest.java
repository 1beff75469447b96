package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Random;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.json.MessageJsonHandler;
import org.eclipse.lsp4j.DidChangeTextDocumentParams;
import org.junit.jupiter.api.Test;

/**
 * A small body is decoded whole before it is parsed, a large one as it is read: either way the
 * parser gets the characters an {@link InputStreamReader} gives, malformed bytes included, and reads
 * the same message (or fails the same way).
 */
class BodyReaderCharsTest {
    private static final MessageJsonHandler JSON = new MessageJsonHandler(Map.of("textDocument/didChange",
            JsonRpcMethod.notification("textDocument/didChange", DidChangeTextDocumentParams.class)));

    /** A didChange whose inserted text holds random bytes: ASCII, valid UTF-8, and malformed sequences. */
    private static byte[] body(Random random, int textBytes) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(("{\"jsonrpc\":\"2.0\",\"method\":\"textDocument/didChange\",\"params\":{\"textDocument\":"
                + "{\"uri\":\"file:///n/a.md\",\"version\":3},\"contentChanges\":[{\"range\":{\"start\":{\"line\":0,"
                + "\"character\":1},\"end\":{\"line\":0,\"character\":1}},\"text\":\"").getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < textBytes; i++) {
            switch (random.nextInt(6)) {
                case 0 -> b.writeBytes("é漢😀".substring(random.nextInt(2)).getBytes(StandardCharsets.UTF_8));
                case 1 -> b.write(0x80 + random.nextInt(0x80)); // a continuation byte alone, or a lead cut short
                case 2 -> b.writeBytes("\\n\\\"\\u00e9".getBytes(StandardCharsets.UTF_8));
                default -> b.write('a' + random.nextInt(26));
            }
        }
        b.writeBytes("\"}]}}".getBytes(StandardCharsets.UTF_8));
        if (random.nextInt(20) == 0) {
            b.write('{'); // now and then not JSON at all
        }
        return b.toByteArray();
    }

    private static String parsed(Reader reader) {
        try {
            return String.valueOf(JSON.parseMessage(reader));
        } catch (RuntimeException e) {
            return "failed: " + e.getClass().getName();
        }
    }

    @Test
    void smallAndLargeBodiesReadAsAStreamWouldReadThem() {
        Random random = new Random(16);
        int whole = 0;
        int streamed = 0;
        for (int i = 0; i < 3000; i++) {
            int size = random.nextInt(10) == 0 ? SafeMessageProducer.DECODED_WHOLE / 2 + random.nextInt(40_000) : random.nextInt(300);
            byte[] bytes = body(random, size);
            Charset charset = random.nextInt(8) == 0 ? StandardCharsets.ISO_8859_1 : StandardCharsets.UTF_8;
            String expected = parsed(new InputStreamReader(new ByteArrayInputStream(bytes), charset));
            assertEquals(expected, parsed(SafeMessageProducer.reader(bytes, bytes.length, charset)));
            if (bytes.length <= SafeMessageProducer.DECODED_WHOLE) {
                whole++;
            } else {
                streamed++;
            }
        }
        assertTrue(whole > 2000 && streamed > 50, whole + " decoded whole, " + streamed + " streamed");
    }
}
