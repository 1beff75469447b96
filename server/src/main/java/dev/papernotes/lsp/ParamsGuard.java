package dev.papernotes.lsp;

import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.logging.Logger;
import org.eclipse.lsp4j.InitializeParams;
import org.eclipse.lsp4j.jsonrpc.Endpoint;
import org.eclipse.lsp4j.jsonrpc.ResponseErrorException;
import org.eclipse.lsp4j.jsonrpc.json.JsonRpcMethod;
import org.eclipse.lsp4j.jsonrpc.messages.Either;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseError;
import org.eclipse.lsp4j.jsonrpc.messages.ResponseErrorCode;
import org.eclipse.lsp4j.jsonrpc.validation.NonNull;

/**
 * Checks the shape of every message before a handler sees it. Params that are null, missing, or
 * lack a member LSP marks as required answer -32602 in words ({@code hover: params.textDocument is
 * missing}) instead of reaching a handler as a NullPointerException; a notification method called
 * with an id is answered -32601 instead of LSP4J's "Local endpoint returned null". A notification
 * with bad params is reported to the user and dropped. (Params of the wrong JSON type never get
 * here: the reader answers those, see {@code SafeMessageProducer}.)
 */
final class ParamsGuard implements Endpoint {
    private static final Logger LOG = Logger.getLogger(ParamsGuard.class.getName());
    /** Deeper than any required member of an LSP param type; bounds the walk over hostile input. */
    private static final int MAX_DEPTH = 8;
    /** List elements checked per list: enough for any real edit batch, bounded for hostile ones. */
    private static final int MAX_ELEMENTS = 10_000;

    private final Endpoint delegate;
    private final Map<String, JsonRpcMethod> methods;
    private final Consumer<String> report;

    /**
     * @param methods the local service's methods (LSP4J's {@code ServiceEndpoints.getSupportedMethods})
     * @param report  tells the user about a dropped notification (window/logMessage)
     */
    ParamsGuard(Endpoint delegate, Map<String, JsonRpcMethod> methods, Consumer<String> report) {
        this.delegate = delegate;
        this.methods = methods;
        this.report = report;
    }

    @Override
    public CompletableFuture<?> request(String method, Object parameter) {
        JsonRpcMethod m = methods.get(method);
        if (m != null && m.isNotification()) {
            return failed(ResponseErrorCode.MethodNotFound,
                    method + " is a notification, not a request: send it without an id");
        }
        String problem = problem(method, parameter, m);
        if (problem != null) {
            return failed(ResponseErrorCode.InvalidParams, problem);
        }
        return delegate.request(method, parameter);
    }

    @Override
    public void notify(String method, Object parameter) {
        String problem = problem(method, parameter, methods.get(method));
        if (problem != null) {
            LOG.warning(problem + "; the notification was ignored");
            report.accept("papernotes: " + problem + "; the notification was ignored");
            return;
        }
        delegate.notify(method, parameter);
    }

    /** What is wrong with {@code params} for {@code method}, in words; null when nothing is. */
    static String problem(String method, Object params, JsonRpcMethod m) {
        if (m == null || m.getParameterTypes().length != 1) {
            return null;
        }
        Class<?> type = raw(m.getParameterTypes()[0]);
        if (type == null || !isProtocolType(type)) {
            return null;
        }
        if (params == null) {
            return required(type).isEmpty() ? null : method + ": params are missing";
        }
        if (!type.isInstance(params)) {
            return null; // LSP4J could not type them; the handler sees what LSP4J gives
        }
        String missing = missing(params, "params", 0);
        return missing == null ? null : method + ": " + missing;
    }

    /** The first required member that is absent, as a path ({@code params.textDocument.uri is missing}). */
    private static String missing(Object value, String path, int depth) {
        if (depth > MAX_DEPTH) {
            return null;
        }
        if (value instanceof Either<?, ?> either) {
            return missing(either.get(), path, depth + 1);
        }
        if (value instanceof List<?> list) {
            for (int i = 0; i < Math.min(list.size(), MAX_ELEMENTS); i++) {
                Object element = list.get(i);
                if (element == null) {
                    return path + "[" + i + "] is null";
                }
                String problem = missing(element, path + "[" + i + "]", depth + 1);
                if (problem != null) {
                    return problem;
                }
            }
            return null;
        }
        if (value == null || !isProtocolType(value.getClass())) {
            return null;
        }
        for (Field f : fields(value.getClass())) {
            Object member;
            try {
                member = f.get(value);
            } catch (IllegalAccessException e) {
                continue;
            }
            String memberPath = path + "." + f.getName();
            if (member == null) {
                if (f.isAnnotationPresent(NonNull.class) && !tolerated(f)) {
                    return memberPath + " is missing";
                }
                continue;
            }
            String problem = missing(member, memberPath, depth + 1);
            if (problem != null) {
                return problem;
            }
        }
        return null;
    }

    /**
     * Required members the server has always done without: a minimal client that sends
     * {@code initialize} without capabilities gets the defaults, as before.
     */
    private static boolean tolerated(Field f) {
        return f.getDeclaringClass() == InitializeParams.class && f.getName().equals("capabilities");
    }

    private static final ClassValue<List<Field>> FIELDS = new ClassValue<>() {
        @Override
        protected List<Field> computeValue(Class<?> type) {
            List<Field> out = new ArrayList<>();
            for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
                for (Field f : c.getDeclaredFields()) {
                    if (Modifier.isStatic(f.getModifiers())) {
                        continue;
                    }
                    try {
                        f.setAccessible(true);
                        out.add(f);
                    } catch (RuntimeException e) {
                        // not accessible: not checked
                    }
                }
            }
            return List.copyOf(out);
        }
    };

    private static List<Field> fields(Class<?> type) {
        return FIELDS.get(type);
    }

    private static List<Field> required(Class<?> type) {
        return fields(type).stream().filter(f -> f.isAnnotationPresent(NonNull.class) && !tolerated(f)).toList();
    }

    private static boolean isProtocolType(Class<?> type) {
        return type.getName().startsWith("org.eclipse.lsp4j.") && !type.isEnum()
                && !type.getName().startsWith("org.eclipse.lsp4j.jsonrpc.");
    }

    private static Class<?> raw(Type t) {
        if (t instanceof Class<?> c) {
            return c;
        }
        if (t instanceof ParameterizedType p && p.getRawType() instanceof Class<?> c) {
            return c;
        }
        return null;
    }

    private static CompletableFuture<?> failed(ResponseErrorCode code, String message) {
        return CompletableFuture.failedFuture(new ResponseErrorException(new ResponseError(code, message, null)));
    }
}
