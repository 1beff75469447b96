package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.util.List;
import java.util.stream.Collectors;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/** The server's answers to a transcript, with the assertions the tests make about them. */
final class Replies {
    final List<JsonObject> all;

    Replies(List<JsonObject> all) {
        this.all = all;
        for (JsonObject reply : all) {
            assertEquals("2.0", reply.get("jsonrpc").getAsString(), "every reply is JSON-RPC 2.0: " + reply);
        }
    }

    /** All replies whose id equals {@code id} (a number or string; null for {@code "id": null}). */
    List<JsonObject> withId(Object id) {
        return all.stream().filter(r -> sameId(r.get("id"), id)).collect(Collectors.toList());
    }

    JsonObject only(Object id) {
        List<JsonObject> found = withId(id);
        if (found.size() != 1) {
            fail("expected exactly one reply with id " + id + ", got " + found + " among " + all);
        }
        return found.get(0);
    }

    /** Asserts a successful echo of {@code text} for {@code id}. */
    Replies echoed(Object id, String text) {
        JsonObject reply = only(id);
        assertTrue(reply.has("result") && !reply.has("error"), "expected a result for " + id + ": " + reply);
        assertEquals(text, reply.getAsJsonObject("result").get("text").getAsString());
        return this;
    }

    Replies result(Object id) {
        JsonObject reply = only(id);
        assertTrue(reply.has("result") && !reply.has("error"), "expected a result for " + id + ": " + reply);
        return this;
    }

    /** Asserts one error reply with this id and code; {@code id} null means {@code "id": null}. */
    Replies error(Object id, int code) {
        JsonObject reply = only(id);
        assertNotNull(reply.getAsJsonObject("error"), "expected an error for " + id + ": " + reply);
        assertEquals(code, reply.getAsJsonObject("error").get("code").getAsInt(), reply.toString());
        String message = reply.getAsJsonObject("error").get("message").getAsString();
        assertFalse(JAVA_NAME.matcher(message).find(), "a message for a person, not a Java class: " + message);
        return this;
    }

    /** Asserts the one reply with this id is an error whose message holds {@code fragment}. */
    Replies says(Object id, String fragment) {
        String message = only(id).getAsJsonObject("error").get("message").getAsString();
        assertTrue(message.contains(fragment), message);
        return this;
    }

    private static final java.util.regex.Pattern JAVA_NAME =
            java.util.regex.Pattern.compile("\\b(?:java|javax|com|org)\\.[a-z]+\\.|[A-Z]\\w*Exception\\b");

    Replies count(int n) {
        assertEquals(n, all.size(), "replies: " + all);
        return this;
    }

    private static boolean sameId(JsonElement actual, Object expected) {
        if (expected == null) {
            return actual != null && actual.isJsonNull();
        }
        if (actual == null || !actual.isJsonPrimitive()) {
            return false;
        }
        JsonPrimitive p = actual.getAsJsonPrimitive();
        if (expected instanceof Number n) {
            return p.isNumber() && p.getAsBigDecimal().compareTo(new java.math.BigDecimal(n.toString())) == 0;
        }
        return p.isString() && p.getAsString().equals(expected);
    }
}
