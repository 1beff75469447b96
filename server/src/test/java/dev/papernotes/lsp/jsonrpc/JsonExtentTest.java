package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The extent tracker decides where every well-framed body ends, so on valid JSON it must agree
 * with the length exactly: never a false end, never a false "not JSON".
 */
@Timeout(60)
class JsonExtentTest {

    @Test
    void validJsonEndsExactlyAtItsLastByte() {
        Random random = new Random(20240611L);
        for (int i = 0; i < 5000; i++) {
            JsonElement value = randomValue(random, 0);
            boolean pretty = random.nextBoolean();
            var gson = pretty ? new GsonBuilder().setPrettyPrinting().create() : new GsonBuilder().create();
            String text = gson.toJson(value);
            if (!value.isJsonObject() && !value.isJsonArray() && !(value.isJsonPrimitive() && value.getAsJsonPrimitive().isString())) {
                continue; // Bare numbers and literals only end at a delimiter or at the declared length.
            }
            byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
            JsonExtent extent = new JsonExtent();
            for (int k = 0; k < bytes.length; k++) {
                JsonExtent.Step step = extent.feed(bytes[k] & 0xff);
                JsonExtent.Step expected = k == bytes.length - 1 ? JsonExtent.Step.END : JsonExtent.Step.MORE;
                assertEquals(expected, step, "byte " + k + " of " + text);
            }
            assertTrue(extent.complete());
            assertEquals(JsonExtent.Step.MORE, extent.feed('\n'), "whitespace after the value");
            assertEquals(JsonExtent.Step.INVALID, extent.feed('C'), "a header after the value");
        }
    }

    @Test
    void headerAfterCutBodyIsNeverPartOfIt() {
        String[] cuts = {"{\"a\":\"b", "{\"a\":\"b\\", "{\"a\":[1,2", "{\"a\":tru", "{\"a\":", "{", "[\"x\",{\"y\":-1.5e"};
        for (String cut : cuts) {
            JsonExtent extent = new JsonExtent();
            byte[] bytes = (cut + "\r\n\r\nContent-Length: 10\r\n\r\n").getBytes(StandardCharsets.US_ASCII);
            int invalidAt = -1;
            for (int k = 0; k < bytes.length && invalidAt < 0; k++) {
                if (extent.feed(bytes[k]) == JsonExtent.Step.INVALID) {
                    invalidAt = k;
                }
            }
            assertTrue(invalidAt >= cut.length() && invalidAt <= cut.length() + 4, cut + " -> " + invalidAt);
        }
    }

    private static JsonElement randomValue(Random random, int depth) {
        int kind = depth > 4 ? 2 + random.nextInt(4) : random.nextInt(6);
        switch (kind) {
            case 0: {
                JsonObject object = new JsonObject();
                for (int i = random.nextInt(5); i > 0; i--) {
                    object.add(randomString(random), randomValue(random, depth + 1));
                }
                return object;
            }
            case 1: {
                JsonArray array = new JsonArray();
                for (int i = random.nextInt(5); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            }
            case 2:
                return new JsonPrimitive(randomString(random));
            case 3:
                return new JsonPrimitive(random.nextBoolean() ? random.nextLong() : random.nextDouble() * 1e-5 - 3e10);
            case 4:
                return new JsonPrimitive(random.nextBoolean());
            default:
                return JsonNull.INSTANCE;
        }
    }

    private static String randomString(Random random) {
        String alphabet = "aZ09 \"\\/\b\f\n\r\t\u0001\u001f{}[]:,äß日本😀Content-Length: \u2028";
        StringBuilder s = new StringBuilder();
        for (int i = random.nextInt(12); i > 0; i--) {
            int at = random.nextInt(alphabet.length());
            char c = alphabet.charAt(at);
            if (Character.isHighSurrogate(c) && at + 1 < alphabet.length()) {
                s.append(c).append(alphabet.charAt(at + 1));
            } else if (!Character.isSurrogate(c)) {
                s.append(c);
            }
        }
        return s.toString();
    }
}
