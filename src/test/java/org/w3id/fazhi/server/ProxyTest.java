package org.w3id.fazhi.server;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Behind a reverse proxy: who the client is (RFC 7239 {@code Forwarded}, {@code X-Forwarded-For},
 * only from trusted proxies), the per-client limit and the log keyed on that client, and a real
 * nginx (Debian's, on loopback, configured as docs/deployment.md shows) in front of the server
 * with {@code --public-base}. The nginx part is skipped without nginx, unless {@code FAZHI_REQUIRE_CLIENTS=1}.
 */
@ExtendWith(TestServer.Shared.class)
class ProxyTest {

    static final String SLOW = "SELECT (COUNT(*) AS ?n) { ?a ?b ?c . ?d ?e ?f . ?g ?h ?i }";
    static TestServer shared;
    static KnowledgeServer trusting;

    @BeforeAll
    static void start(TestServer s) {
        shared = s;
        trusting = KnowledgeServer.builder().store(s.store()).port(0).timeout(Duration.ofSeconds(3)).maxQueriesPerClient(1)
                .trustedProxies(List.of("127.0.0.1", "::1", "10.0.0.0/8")).publicBase("https://kg.example.org").build().start();
    }

    @AfterAll
    static void stop() {
        if (trusting != null) trusting.stop();
    }

    @Test
    void theClientIsTheFirstUntrustedHopFromTheRight() {
        TrustedProxies p = new TrustedProxies(List.of("127.0.0.1", "10.0.0.0/8", "2001:db8::/32"));
        assertEquals("203.0.113.7", p.client("127.0.0.1", List.of(), List.of("203.0.113.7")));
        assertEquals("203.0.113.7", p.client("127.0.0.1", List.of(), List.of("198.51.100.1, 203.0.113.7, 10.1.2.3")),
                "a spoofed first hop is not believed: the last untrusted one is the client");
        assertEquals("198.51.100.9", p.client("198.51.100.9", List.of(), List.of("203.0.113.7")), "an untrusted peer's header is ignored");
        assertEquals("127.0.0.1", p.client("127.0.0.1", List.of(), List.of()), "no header: the proxy itself");
        assertEquals("2001:db9::1", p.client("127.0.0.1", List.of("for=\"[2001:db9::1]:4711\""), List.of()), "IPv6, quoted, with a port");
        assertEquals("192.0.2.60", p.client("127.0.0.1", List.of("for=192.0.2.60;proto=http;by=203.0.113.43"), List.of("1.2.3.4")),
                "Forwarded wins over X-Forwarded-For");
        assertEquals("192.0.2.43", p.client("127.0.0.1", List.of("for=192.0.2.43, for=\"[2001:db8:cafe::17]\""), List.of()),
                "a hop in a trusted IPv6 range is skipped");
        assertEquals("unknown", p.client("127.0.0.1", List.of("for=unknown"), List.of()));
        assertEquals("203.0.113.9", p.client("10.9.9.9", List.of(), List.of("203.0.113.9:51000")), "a port is not part of the client");
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("proxy.example.org"));
        assertThrows(IllegalArgumentException.class, () -> TrustedProxies.parse("10.0.0.0/33"));
    }

    @Test
    void theLimitAndTheLogKeyOnTheForwardedClient() throws Exception {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream err = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        List<Integer> statuses;
        try {
            // Two of one client at once (limit 1), and one of another, all through the same proxy address.
            statuses = atOnce(trusting, "203.0.113.7", "203.0.113.7", "203.0.113.8");
            // The server logs a query once its answer is sent, which may be after the client has it.
            long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (System.nanoTime() < until && !(log.toString(StandardCharsets.UTF_8).contains("429 for client 203.0.113.7")
                    && log.toString(StandardCharsets.UTF_8).contains("client 203.0.113.8: GET /kg/sparql"))) {
                Thread.sleep(50);
            }
        } finally {
            System.setErr(err);
        }
        long refused = statuses.subList(0, 2).stream().filter(s -> s == 429).count();
        assertEquals(1, refused, "one of 203.0.113.7's two queries is refused: " + statuses);
        assertTrue(statuses.get(2) != 429, "203.0.113.8 has its own share: " + statuses);
        String logged = log.toString(StandardCharsets.UTF_8);
        assertTrue(logged.contains("429 for client 203.0.113.7"), logged);
        assertTrue(logged.contains("client 203.0.113.8: GET /kg/sparql"), logged);
    }

    /** Slow queries at once, each from the proxy's address naming a client in X-Forwarded-For; their statuses in order. */
    static List<Integer> atOnce(KnowledgeServer server, String... clients) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients.length);
        try {
            List<Future<Integer>> f = new ArrayList<>();
            for (String c : clients) {
                f.add(pool.submit(() -> shared.http().send(HttpRequest.newBuilder(URI.create(server.url() + "kg/sparql?query="
                        + URLEncoder.encode(SLOW, StandardCharsets.UTF_8))).header("X-Forwarded-For", c).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode()));
                Thread.sleep(150);
            }
            List<Integer> out = new ArrayList<>();
            for (Future<Integer> x : f) out.add(x.get(60, TimeUnit.SECONDS));
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void behindARealNginx() throws Exception {
        Path nginx = Path.of("/usr/sbin/nginx");
        boolean required = "1".equals(System.getenv("FAZHI_REQUIRE_CLIENTS"));
        if (!Files.isExecutable(nginx) && required) fail("nginx is missing, and FAZHI_REQUIRE_CLIENTS=1");
        assumeTrue(Files.isExecutable(nginx), "nginx is missing: skipped");
        Path dir = Files.createTempDirectory("fazhi-nginx");
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        String publicBase = "http://127.0.0.1:" + port;
        KnowledgeServer behind = KnowledgeServer.builder().store(shared.store()).port(0).timeout(Duration.ofSeconds(3))
                .maxQueriesPerClient(1).trustedProxies(List.of("127.0.0.1")).publicBase(publicBase).build().start();
        Files.writeString(dir.resolve("nginx.conf"), nginxConf(port, behind.port(), dir));
        Process p = new ProcessBuilder(nginx.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
        try {
            waitFor(port);
            // The description names the public base, never the server's own address.
            String description = ClientMatrixTest.run("", null, "curl", "-s", publicBase + "/void");
            assertTrue(description.contains("<" + publicBase + "/kg/sparql>"), description);
            assertFalse(description.contains(":" + behind.port() + "/"), description);
            // Two loopback addresses as two clients: nginx sends each one's address in X-Forwarded-For.
            List<Process> curls = new ArrayList<>();
            List<Path> outs = new ArrayList<>();
            String url = publicBase + "/kg/sparql?query=" + URLEncoder.encode(SLOW, StandardCharsets.UTF_8);
            for (String from : List.of("127.0.0.2", "127.0.0.2", "127.0.0.3")) {
                Path out = dir.resolve("curl" + curls.size());
                outs.add(out);
                curls.add(new ProcessBuilder("curl", "-s", "-o", "/dev/null", "-w", "%{http_code}", "--interface", from, url)
                        .redirectOutput(out.toFile()).start());
                Thread.sleep(150);
            }
            List<String> codes = new ArrayList<>();
            for (int i = 0; i < curls.size(); i++) {
                curls.get(i).waitFor(60, TimeUnit.SECONDS);
                codes.add(Files.readString(outs.get(i)).trim());
            }
            System.out.println("ProxyTest: through nginx, 127.0.0.2 twice and 127.0.0.3 once at a limit of 1 query per client: " + codes);
            assertEquals(1, codes.subList(0, 2).stream().filter("429"::equals).count(), "127.0.0.2's second query is refused: " + codes);
            assertFalse(codes.get(2).equals("429"), "127.0.0.3 is another client: " + codes);
        } finally {
            p.destroy();
            p.waitFor(10, TimeUnit.SECONDS);
            behind.stop();
            try (var files = Files.walk(dir)) {
                for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(f);
            }
        }
    }

    /** The nginx configuration of docs/deployment.md, on loopback ports, with its files in {@code dir}. */
    static String nginxConf(int port, int upstream, Path dir) {
        return """
                daemon off;
                worker_processes 1;
                pid %1$s/nginx.pid;
                error_log %1$s/error.log;
                events { worker_connections 64; }
                http {
                  access_log off;
                  client_body_temp_path %1$s/body; proxy_temp_path %1$s/proxy; fastcgi_temp_path %1$s/fastcgi;
                  uwsgi_temp_path %1$s/uwsgi; scgi_temp_path %1$s/scgi;
                  server {
                    listen 127.0.0.1:%2$d;
                    location / {
                      proxy_pass http://127.0.0.1:%3$d;
                      proxy_set_header Host $host;
                      proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                      proxy_set_header X-Forwarded-Proto $scheme;
                      proxy_read_timeout 120s;
                      proxy_buffering off;
                    }
                  }
                }
                """.formatted(dir.toString(), port, upstream);
    }

    static void waitFor(int port) throws InterruptedException {
        for (int i = 0; i < 100; i++) {
            try (java.net.Socket s = new java.net.Socket("127.0.0.1", port)) {
                return;
            } catch (java.io.IOException e) {
                Thread.sleep(100);
            }
        }
        fail("nginx did not start on port " + port);
    }
}
