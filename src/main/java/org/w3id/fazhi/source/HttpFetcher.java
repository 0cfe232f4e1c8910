package org.w3id.fazhi.source;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;

/** Reports published on the web, fetched over http(s). */
final class HttpFetcher {
    private static final String USER_AGENT = "fazhi-source/0.1 (+https://w3id.org/fazhi)";

    private final Duration timeout;
    private final SizeLimit limit;
    private HttpClient client; // created on the first URL: most runs read local files only

    HttpFetcher(Duration timeout, SizeLimit limit) {
        this.timeout = timeout;
        this.limit = limit;
    }

    /** True for inputs of the form scheme://…, which are never meant as file names. */
    static boolean isUrl(String input) {
        return input.matches("(?s)[A-Za-z][A-Za-z0-9+.-]*://.*");
    }

    RawSource fetch(String location) throws SourceException {
        URI uri = parse(location);
        HttpRequest request = HttpRequest.newBuilder(uri).timeout(timeout).header("User-Agent", USER_AGENT).GET().build();
        HttpResponse<InputStream> response;
        try {
            response = client().send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw SourceException.of(location, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SourceException(location, "interrupted", e);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new SourceException(location, "HTTP " + response.statusCode() + " from " + response.uri());
            }
            long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            limit.check(location, announced);
            byte[] bytes = body.readNBytes((int) Math.min(limit.maxBytes() + 1, Integer.MAX_VALUE));
            if (bytes.length > limit.maxBytes()) throw limit.exceeded(location);

            String contentType = response.headers().firstValue("Content-Type").orElse("");
            String fileName = fileName(uri);
            Optional<MediaKind> kind = MediaKind.ofContentType(contentType).or(() -> MediaKind.ofFileName(fileName));
            return new RawSource(location, fileName, bytes, kind, CharsetDetector.fromContentType(contentType));
        } catch (IOException e) {
            throw SourceException.of(location, e);
        }
    }

    private static URI parse(String location) throws SourceException {
        URI uri;
        try {
            uri = new URI(location.strip());
        } catch (URISyntaxException e) {
            throw new SourceException(location, "not a valid URL (" + e.getReason() + ")");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new SourceException(location, "unsupported URL scheme \"" + scheme + "\" (only http and https)");
        }
        if (uri.getHost() == null) throw new SourceException(location, "not a valid URL (no host)");
        return uri;
    }

    private synchronized HttpClient client() {
        if (client == null) {
            client = HttpClient.newBuilder()
                    .connectTimeout(timeout)
                    .followRedirects(HttpClient.Redirect.NORMAL)
                    // Old government web servers mishandle the h2c upgrade that HTTP/2 mode sends on plain http.
                    .version(HttpClient.Version.HTTP_1_1)
                    .build();
        }
        return client;
    }

    /** The last path segment, or "index.html" for a path ending in "/" (what a browser would save). */
    private static String fileName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        return last.isEmpty() ? "index.html" : last;
    }
}
