package dev.papernotes.workspace;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** LSP document URIs and local paths. Only local {@code file:} URIs map to paths. */
public final class Uris {
    private Uris() {
    }

    /**
     * The local path of a {@code file:} URI, or null for any other scheme, a URI with a host
     * ({@code file://server/share}), or one that does not parse.
     */
    public static Path toPath(String uri) {
        if (uri == null) {
            return null;
        }
        try {
            URI u = new URI(uri);
            if (!"file".equalsIgnoreCase(u.getScheme())) {
                return null;
            }
            String host = u.getHost();
            String authority = u.getRawAuthority();
            if ((host != null && !host.isEmpty() && !host.equalsIgnoreCase("localhost"))
                    || (host == null && authority != null && !authority.isEmpty() && !authority.equalsIgnoreCase("localhost"))) {
                return null;
            }
            String path = u.getPath();
            if (path == null || path.isEmpty()) {
                return null;
            }
            return Path.of(path).normalize();
        } catch (URISyntaxException | IllegalArgumentException e) {
            return null;
        }
    }

    public static String fromPath(Path path) {
        return path.toAbsolutePath().normalize().toUri().toString();
    }
}
