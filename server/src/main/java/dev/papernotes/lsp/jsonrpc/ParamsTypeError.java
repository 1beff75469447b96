package dev.papernotes.lsp.jsonrpc;

import java.io.EOFException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;

import org.eclipse.lsp4j.jsonrpc.messages.Either;

import com.google.gson.Gson;
import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;
import com.google.gson.annotations.SerializedName;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.MalformedJsonException;

/**
 * Says in words which member of a request's params has the wrong JSON type. LSP4J reports
 * well-formed JSON whose params do not fit the method's parameter type as a parse error (-32700,
 * "Message could not be parsed.") with a Gson exception behind it; JSON-RPC calls that invalid
 * params (-32602), and the person reading the error needs the member and the types, not Gson's
 * wording. The member is found by walking the params alongside the parameter type with LSP4J's
 * own Gson, trying each member until the innermost one that does not fit.
 */
final class ParamsTypeError {
    /** Deeper than any LSP param type; bounds the walk over hostile input. */
    private static final int MAX_DEPTH = 12;

    private ParamsTypeError() {
    }

    /** Whether {@code cause} is broken JSON (a parse error proper) rather than JSON of the wrong shape. */
    static boolean isSyntax(Throwable cause) {
        for (Throwable t = cause; t != null; t = t.getCause()) {
            if (t instanceof MalformedJsonException || t instanceof EOFException || t instanceof StackOverflowError) {
                return true;
            }
        }
        return false;
    }

    /**
     * E.g. {@code textDocument/hover: params.textDocument must be an object, not a number}.
     *
     * @param params the params as sent (null if they could not be read again)
     * @param type   the method's parameter type (null if unknown)
     */
    static String describe(String method, JsonElement params, Type type, Gson gson) {
        String who = method == null ? "request" : method;
        if (params == null || type == null || gson == null) {
            return who + ": params do not have the shape " + who + " expects";
        }
        String path = "params";
        if (params.isJsonArray() && params.getAsJsonArray().size() == 1 && !isCollection(type)) {
            // JSON-RPC's positional form: LSP4J unwraps a one-element array for a one-parameter method.
            params = params.getAsJsonArray().get(0);
            path = "params[0]";
        }
        Located at = locate(params, type, path, gson, 0);
        return who + ": " + at.path() + " must be " + expected(at.type()) + ", not " + actual(at.json());
    }

    private record Located(String path, Type type, JsonElement json) {
    }

    /** The innermost member of {@code json} that does not fit its part of {@code type}. */
    private static Located locate(JsonElement json, Type type, String path, Gson gson, int depth) {
        if (depth < MAX_DEPTH) {
            Class<?> raw = TypeToken.get(type).getRawType();
            if (json.isJsonObject() && isPlainClass(raw)) {
                for (Field f : fields(raw)) {
                    String name = jsonName(f);
                    JsonElement member = json.getAsJsonObject().get(name);
                    if (member != null && !member.isJsonNull() && !fits(member, f.getGenericType(), gson)) {
                        return locate(member, f.getGenericType(), path + "." + name, gson, depth + 1);
                    }
                }
            } else if (json.isJsonArray() && isCollection(type)) {
                Type element = elementType(type);
                for (int i = 0; i < json.getAsJsonArray().size(); i++) {
                    JsonElement item = json.getAsJsonArray().get(i);
                    if (!item.isJsonNull() && !fits(item, element, gson)) {
                        return locate(item, element, path + "[" + i + "]", gson, depth + 1);
                    }
                }
            }
        }
        return new Located(path, type, json);
    }

    private static boolean fits(JsonElement json, Type type, Gson gson) {
        try {
            gson.fromJson(json, type);
            return true;
        } catch (RuntimeException | StackOverflowError e) {
            return false;
        }
    }

    private static String expected(Type type) {
        Class<?> raw = TypeToken.get(type).getRawType();
        if (raw == String.class || raw == Character.class || raw == char.class) {
            return "a string";
        }
        if (raw == int.class || raw == Integer.class || raw == long.class || raw == Long.class || raw == short.class
                || raw == Short.class || raw == byte.class || raw == Byte.class) {
            return "a whole number";
        }
        if (raw.isPrimitive() && raw != boolean.class || Number.class.isAssignableFrom(raw)) {
            return "a number";
        }
        if (raw == boolean.class || raw == Boolean.class) {
            return "true or false";
        }
        if (isCollection(type) || raw.isArray()) {
            return "an array";
        }
        if (raw.isEnum()) {
            return "one of its allowed values";
        }
        if (raw == Either.class && type instanceof ParameterizedType p && p.getActualTypeArguments().length == 2) {
            String left = expected(p.getActualTypeArguments()[0]);
            String right = expected(p.getActualTypeArguments()[1]);
            return left.equals(right) ? left : left + " or " + right;
        }
        if (Map.class.isAssignableFrom(raw) || isPlainClass(raw)) {
            return "an object";
        }
        return "of another type";
    }

    private static String actual(JsonElement json) {
        if (json.isJsonObject()) {
            return "an object";
        }
        if (json.isJsonArray()) {
            return "an array";
        }
        if (json.isJsonNull()) {
            return "null";
        }
        JsonPrimitive p = json.getAsJsonPrimitive();
        if (p.isBoolean()) {
            return p.getAsBoolean() ? "true" : "false";
        }
        if (p.isNumber()) {
            String n = p.getAsString();
            return "the number " + (n.length() > 20 ? n.substring(0, 20) + "..." : n);
        }
        String text = p.getAsString();
        return "the string \"" + (text.length() > 30 ? text.substring(0, 30) + "..." : text) + "\"";
    }

    private static boolean isPlainClass(Class<?> raw) {
        return !raw.isPrimitive() && !raw.isArray() && !raw.isEnum() && !raw.isInterface()
                && !Modifier.isAbstract(raw.getModifiers()) && raw != String.class && !Number.class.isAssignableFrom(raw)
                && raw != Boolean.class && raw != Object.class && raw != Either.class
                && !JsonElement.class.isAssignableFrom(raw) && !Map.class.isAssignableFrom(raw);
    }

    private static boolean isCollection(Type type) {
        return Collection.class.isAssignableFrom(TypeToken.get(type).getRawType());
    }

    private static Type elementType(Type type) {
        return type instanceof ParameterizedType p && p.getActualTypeArguments().length == 1
                ? p.getActualTypeArguments()[0] : Object.class;
    }

    private static String jsonName(Field f) {
        SerializedName name = f.getAnnotation(SerializedName.class);
        return name != null ? name.value() : f.getName();
    }

    private static List<Field> fields(Class<?> type) {
        List<Field> out = new ArrayList<>();
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Field f : c.getDeclaredFields()) {
                if (!Modifier.isStatic(f.getModifiers()) && !Modifier.isTransient(f.getModifiers())) {
                    out.add(f);
                }
            }
        }
        return out;
    }
}
