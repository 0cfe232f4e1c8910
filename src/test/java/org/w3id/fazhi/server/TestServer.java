package org.w3id.fazhi.server;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.store.StoreLoader;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A store built from the five reports in {@code data/reports} in a temporary folder, served on a
 * free port. Building the store (extraction, TDB2, the text index) is the slow part, so one
 * instance serves every test class of the run: a class asks for it with
 * {@code @ExtendWith(TestServer.Shared.class)} and a {@code TestServer} parameter on its
 * {@code @BeforeAll} method. JUnit closes it (server, store, folder) when the run ends.
 */
public final class TestServer implements AutoCloseable {

    /** Short, so the tests of the time limit do not wait long; every saved query runs well within it. */
    public static final Duration TIMEOUT = Duration.ofSeconds(3);

    private final Path folder;
    private final KnowledgeStore store;
    private final KnowledgeServer server;
    private final LoadSummary firstLoad;
    private final HttpClient http = HttpClient.newHttpClient();

    private TestServer() {
        try {
            folder = Files.createTempDirectory("fazhi-server-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        store = KnowledgeStore.builder().folder(folder.resolve("kg-db")).build();
        firstLoad = StoreLoader.builder().store(store).build().load(List.of("data/reports"));
        server = KnowledgeServer.builder().store(store).port(0).timeout(TIMEOUT).build().start();
    }

    public KnowledgeStore store() { return store; }

    public KnowledgeServer server() { return server; }

    /** What building the store loaded. */
    public LoadSummary firstLoad() { return firstLoad; }

    /** The server's root URL, ending in {@code /}. */
    public String url() { return server.url(); }

    /** The absolute URL of a server path ({@code /id/...}). */
    public String url(String path) { return server.url() + path.substring(1); }

    public HttpClient http() { return http; }

    /** GET {@code path} (starting with {@code /}), with an Accept header when {@code accept} is not null. */
    public HttpResponse<String> get(String path, String accept) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url(path)));
        if (accept != null) b.header("Accept", accept);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The HTML page at {@code path}, which must answer 200 with HTML. */
    public org.jsoup.nodes.Document page(String path) throws IOException, InterruptedException {
        HttpResponse<String> r = get(path, "text/html");
        if (r.statusCode() != 200 || !r.headers().firstValue("Content-Type").orElse("").startsWith("text/html")) {
            throw new AssertionError(path + ": " + r.statusCode() + " " + r.headers().firstValue("Content-Type").orElse(""));
        }
        return org.jsoup.Jsoup.parse(r.body(), url(path));
    }

    /** A SPARQL query on the dataset's endpoint. */
    public HttpResponse<String> query(String sparql, String accept) throws IOException, InterruptedException {
        return get(KnowledgeServer.DATASET + "/sparql?query=" + URLEncoder.encode(sparql, StandardCharsets.UTF_8), accept);
    }

    @Override
    public void close() throws IOException {
        try {
            server.stop();
        } finally {
            store.close();
            try (Stream<Path> files = Files.walk(folder)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** Hands test classes the one shared server, started on first use. */
    public static final class Shared implements ParameterResolver {
        private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(TestServer.class);

        @Override
        public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
            return parameter.getParameter().getType() == TestServer.class;
        }

        @Override
        public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
            // The root context's store lives for the whole run and closes what it holds at the end.
            return context.getRoot().getStore(NAMESPACE)
                    .getOrComputeIfAbsent(TestServer.class, k -> new TestServer(), TestServer.class);
        }
    }
}
