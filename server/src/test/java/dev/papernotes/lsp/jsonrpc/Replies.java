package dev.papernotes.lsp.jsonrpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
        return this;
    }

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
