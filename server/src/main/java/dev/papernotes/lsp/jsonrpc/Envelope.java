package dev.papernotes.lsp.jsonrpc;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;

import org.eclipse.lsp4j.jsonrpc.messages.Either;

import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;

/**
 * The JSON-RPC envelope fields of a damaged message, read as far as the damage allows: its id
 * (so a request can still be answered), its method, whether it is a response, whether it carried
 * a {@code jsonrpc} member, whether the object was read {@code whole} (only then does a
 * missing id prove the message is a notification), and whether it had an id JSON-RPC does not
 * allow ({@code badId}: an object, array or boolean; such a request is answered with a null id).
 */
record Envelope(Either<String, Number> id, String method, boolean response, boolean jsonrpc, boolean whole,
        boolean badId) {

    static final Envelope NONE = new Envelope(null, null, false, false, false, false);

    /** Reads the top-level members of the object at the start of {@code bytes}, stopping at the first damage. */
    static Envelope sniff(byte[] bytes, int length, Charset charset) {
        return sniff(bytes, 0, length, charset);
    }

    /** As {@link #sniff(byte[], int, Charset)}, for {@code length} bytes from {@code offset}. */
    static Envelope sniff(byte[] bytes, int offset, int length, Charset charset) {
        if (bytes == null || length <= 0) {
            return NONE;
        }
        Either<String, Number> id = null;
        String method = null;
        boolean response = false;
        boolean jsonrpc = false;
        boolean whole = false;
        boolean badId = false;
        JsonReader reader = new JsonReader(new InputStreamReader(new ByteArrayInputStream(bytes, offset, length), charset));
        try {
            if (reader.peek() != JsonToken.BEGIN_OBJECT) {
                return NONE;
            }
            reader.beginObject();
            while (reader.hasNext()) {
                switch (reader.nextName()) {
                    case "id": {
                        JsonToken kind = reader.peek();
                        badId = kind == JsonToken.BEGIN_OBJECT || kind == JsonToken.BEGIN_ARRAY
                                || kind == JsonToken.BOOLEAN;
                        Either<String, Number> value = readId(reader);
                        // Only trust the value if something follows it: a number cut short ("12" of "123")
                        // would name the wrong request.
                        reader.peek();
                        id = value;
                        break;
                    }
                    case "method": {
                        String value = reader.peek() == JsonToken.STRING ? reader.nextString() : null;
                        if (value == null) {
                            reader.skipValue();
                        }
                        reader.peek();
                        method = value;
                        break;
                    }
                    case "result":
                    case "error":
                        response = true;
                        reader.skipValue();
                        break;
                    case "jsonrpc":
                        jsonrpc = true;
                        reader.skipValue();
                        break;
                    default:
                        reader.skipValue();
                }
            }
            reader.endObject();
            whole = true;
        } catch (Exception | StackOverflowError damage) {
            // Expected: the body is broken somewhere. Keep what was read before that point.
        }
        if (id == null) {
            // Gson refuses numbers longer than its buffer; the id may still be one, followed by valid JSON.
            NumericId.Found number = NumericId.find(bytes, offset, length);
            if (number != null) {
                id = Either.forRight(number.number());
            }
        }
        return new Envelope(id, method, response, jsonrpc, whole, badId && id == null);
    }

    private static Either<String, Number> readId(JsonReader reader) throws IOException {
        JsonToken token = reader.peek();
        if (token == JsonToken.STRING) {
            return Either.forLeft(reader.nextString());
        }
        if (token == JsonToken.NUMBER) {
            return Either.forRight(NumericId.exact(reader.nextString()));
        }
        reader.skipValue();
        return null;
    }
}
