package org.w3id.fazhi.browser;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * Debian's Chromium, headless, driven over the Chrome DevTools Protocol: one page, spoken to over
 * its WebSocket with {@link java.net.http.WebSocket} and Jackson. This needs no driver binary and
 * no dependency beyond the JDK and Jackson, which the project already has; Selenium would add a
 * chromedriver that must match the browser's version exactly.
 *
 * <p>Waiting is for a condition in the page ({@link #waitFor}), polled until it holds; the limits
 * only keep a broken page from hanging the build, nothing is asserted about how long things take.
 */
public final class HeadlessChromium implements AutoCloseable {

    public static final Path BINARY = Path.of("/usr/bin/chromium");

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Longest wait for the browser to start, a command to answer or a page condition to hold. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int WIDTH = 1280, HEIGHT = 900;

    private final Process process;
    private final Path profile;
    private final WebSocket socket;
    private final AtomicInteger ids = new AtomicInteger();
    private final Map<Integer, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
    private final List<String> errors = Collections.synchronizedList(new ArrayList<>());

    private HeadlessChromium(Process process, Path profile, WebSocket socket) {
        this.process = process;
        this.profile = profile;
        this.socket = socket;
    }

    /** Starts Chromium with a fresh profile and connects to its first page. */
    public static HeadlessChromium launch() throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("fazhi-chromium-");
        Process process = new ProcessBuilder(BINARY.toString(), "--headless=new", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--lang=zh-CN", "--window-size=" + WIDTH + "," + HEIGHT,
                "--user-data-dir=" + profile, "--remote-debugging-port=0", "about:blank")
                .redirectErrorStream(true)
                .redirectOutput(profile.resolve("chromium.log").toFile())
                .start();
        try {
            // Chromium writes the port it picked (and the browser's WebSocket path) to this file.
            Path portFile = profile.resolve("DevToolsActivePort");
            long deadline = System.nanoTime() + PATIENCE.toNanos();
            while (!(Files.exists(portFile) && Files.readAllLines(portFile).size() >= 2)) {
                if (!process.isAlive()) throw new IOException("chromium exited: " + Files.readString(profile.resolve("chromium.log")));
                if (System.nanoTime() > deadline) throw new IOException("chromium did not open its debugging port");
                Thread.sleep(100);
            }
            int port = Integer.parseInt(Files.readAllLines(portFile).get(0).strip());
            HttpClient http = HttpClient.newHttpClient();
            JsonNode targets = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/json/list")).build(),
                    HttpResponse.BodyHandlers.ofString()).body());
            String pageSocket = null;
            for (JsonNode t : targets) if (t.path("type").asText().equals("page")) pageSocket = t.path("webSocketDebuggerUrl").asText();
            if (pageSocket == null) throw new IOException("chromium has no page: " + targets);
            Listener listener = new Listener();
            WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create(pageSocket), listener).get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            HeadlessChromium browser = new HeadlessChromium(process, profile, socket);
            listener.browser = browser;
            browser.send("Page.enable", null);
            browser.send("Runtime.enable", null);
            browser.send("Log.enable", null);
            browser.send("Emulation.setDeviceMetricsOverride", JSON.createObjectNode()
                    .put("width", WIDTH).put("height", HEIGHT).put("deviceScaleFactor", 1).put("mobile", false));
            return browser;
        } catch (IOException | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        } catch (ExecutionException | TimeoutException e) {
            process.destroyForcibly();
            throw new IOException("cannot connect to chromium: " + e, e);
        }
    }

    /** Sends a DevTools command and waits for its result; a protocol error is an exception. */
    public JsonNode send(String method, ObjectNode params) {
        int id = ids.incrementAndGet();
        ObjectNode message = JSON.createObjectNode().put("id", id).put("method", method);
        if (params != null) message.set("params", params);
        CompletableFuture<JsonNode> answer = new CompletableFuture<>();
        pending.put(id, answer);
        socket.sendText(message.toString(), true).join();
        try {
            JsonNode reply = answer.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            if (reply.has("error")) throw new IllegalStateException(method + ": " + reply.get("error"));
            return reply.path("result");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(method + " interrupted", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException(method + " got no answer: " + e, e);
        } finally {
            pending.remove(id);
        }
    }

    /** Loads {@code url} as a new document and waits until it has loaded. */
    public void open(String url) {
        // A marker on the old document tells it apart from the new one, whose readyState is what counts.
        evaluate("window.__leaving = true");
        JsonNode r = send("Page.navigate", JSON.createObjectNode().put("url", url));
        if (r.hasNonNull("errorText")) throw new IllegalStateException("cannot open " + url + ": " + r.get("errorText").asText());
        waitFor("!window.__leaving && document.readyState === 'complete'", "page " + url + " loaded");
    }

    /** Evaluates a JavaScript expression in the page (promises awaited) and returns its value as JSON. */
    public JsonNode evaluate(String expression) {
        JsonNode r = send("Runtime.evaluate", JSON.createObjectNode().put("expression", expression)
                .put("returnByValue", true).put("awaitPromise", true));
        if (r.has("exceptionDetails")) {
            throw new IllegalStateException("script failed: " + expression + "\n" + r.get("exceptionDetails"));
        }
        return r.path("result").path("value");
    }

    /** The expression's value as text ("" when undefined). */
    public String text(String expression) {
        JsonNode v = evaluate(expression);
        return v.isMissingNode() || v.isNull() ? "" : v.asText();
    }

    /** A JavaScript string literal holding {@code s} (JSON's string syntax is JavaScript's). */
    public static String literal(String s) {
        try {
            return JSON.writeValueAsString(s);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Polls a JavaScript condition until it is true; if it never is, fails saying what was awaited. */
    public void waitFor(String condition, String what) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            JsonNode v;
            try {
                v = evaluate("(() => { try { return !!(" + condition + "); } catch (e) { return false; } })()");
            } catch (IllegalStateException e) {
                v = null; // the page is between documents
            }
            if (v != null && v.asBoolean()) return;
            if (System.nanoTime() > deadline) {
                throw new AssertionError("never true: " + what + " (" + condition + "); page errors: " + errors);
            }
            try {
                Thread.sleep(150);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for " + what, e);
            }
        }
    }

    /** Saves a PNG of the whole page (up to 5000 pixels high) to {@code file}. */
    public Path screenshot(Path file) throws IOException {
        JsonNode metrics = send("Page.getLayoutMetrics", null);
        double height = Math.min(5000, Math.max(HEIGHT, metrics.path("cssContentSize").path("height").asDouble(HEIGHT)));
        ObjectNode clip = JSON.createObjectNode().put("x", 0).put("y", 0).put("width", WIDTH).put("height", height).put("scale", 1);
        JsonNode shot = send("Page.captureScreenshot", JSON.createObjectNode().put("format", "png")
                .put("captureBeyondViewport", true).set("clip", clip));
        Files.createDirectories(file.toAbsolutePath().getParent());
        Files.write(file, Base64.getDecoder().decode(shot.path("data").asText()));
        return file;
    }

    /** Uncaught script exceptions and console or network errors seen so far. */
    public List<String> errors() {
        synchronized (errors) {
            return List.copyOf(errors);
        }
    }

    public void clearErrors() { errors.clear(); }

    private void onMessage(JsonNode message) {
        if (message.has("id")) {
            CompletableFuture<JsonNode> answer = pending.get(message.get("id").asInt());
            if (answer != null) answer.complete(message);
            return;
        }
        String method = message.path("method").asText();
        JsonNode params = message.path("params");
        if (method.equals("Runtime.exceptionThrown")) {
            JsonNode d = params.path("exceptionDetails");
            errors.add("exception: " + d.path("exception").path("description").asText(d.path("text").asText()));
        } else if (method.equals("Log.entryAdded") && params.path("entry").path("level").asText().equals("error")) {
            errors.add("log: " + params.path("entry").path("text").asText() + " " + params.path("entry").path("url").asText());
        } else if (method.equals("Runtime.consoleAPICalled") && params.path("type").asText().equals("error")) {
            errors.add("console: " + params.path("args"));
        }
    }

    @Override
    public void close() throws IOException {
        try {
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
        } catch (RuntimeException ignored) {
            // the browser may already be gone
        }
        process.destroy();
        try {
            if (!process.waitFor(10, TimeUnit.SECONDS)) process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        // Chromium's helper processes may still be closing files in the profile: a failed delete is not an error.
        try (Stream<Path> files = Files.walk(profile)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
        } catch (IOException | UncheckedIOException ignored) {
            // left in the temp folder
        }
    }

    /** Reassembles messages that arrive in parts and hands them to the browser object. */
    private static final class Listener implements WebSocket.Listener {
        volatile HeadlessChromium browser;
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                try {
                    JsonNode message = JSON.readTree(text);
                    HeadlessChromium b = browser;
                    if (b != null) b.onMessage(message);
                } catch (IOException e) {
                    // not JSON: nothing the protocol sends
                }
            }
            socket.request(1);
            return null;
        }
    }
}
