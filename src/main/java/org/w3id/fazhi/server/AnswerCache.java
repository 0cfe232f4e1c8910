package org.w3id.fazhi.server;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.w3id.fazhi.store.KnowledgeStore;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * Whole answers kept in memory, keyed by the store's {@link KnowledgeStore#generation() generation}:
 * SPARQL GETs ({@code /kg/sparql?query=…}, {@code /kg/query?query=…}, {@code /kg?query=…}), the
 * saved-query pages and results ({@code /queries/…}) and linked data ({@code /id/…},
 * {@code /graph/…}). Placed right after {@link CachingFilter}: a 304 never reaches it, and a hit
 * skips {@link QueryGuard} and Jena.
 * <ul>
 * <li>The key: generation, path, query string, {@code Accept}, and whether the client takes gzip
 *     ({@code Accept-Encoding}). The body is kept as the servlet wrote it, before
 *     {@link GzipFilter} (which runs outside) compresses it.</li>
 * <li>Kept: GET answers with status 200, no larger than the per-entry cap, written without a
 *     reset; with their {@code Content-Type}, {@code Content-Location}, {@code Link},
 *     {@code Vary}, {@code Content-Language} and {@code Content-Disposition}. Never POST, HEAD,
 *     ranges or anything else.</li>
 * <li>An answer is kept only when the generation was the same before and after it was made (the
 *     store moves it on at the start and at the end of every commit), so an answer read during a
 *     write is never filed under the new generation. When the generation moves on, the cache is
 *     emptied.</li>
 * <li>Bounded by the total bytes of the bodies (Caffeine's weigher), least recently used first out.</li>
 * </ul>
 */
final class AnswerCache implements Filter {

    static final long DEFAULT_MAX_BYTES = 64L << 20;
    static final long DEFAULT_MAX_ENTRY_BYTES = 4L << 20;
    /** The headers of an answer that are kept with its body. */
    static final List<String> KEPT_HEADERS = List.of("Content-Location", "Link", "Vary", "Content-Language", "Content-Disposition");

    record Key(long generation, String path, String query, String accept, boolean gzip) {}

    record Answer(String contentType, List<Map.Entry<String, String>> headers, byte[] body) {
        int weight() {
            int w = body.length + 256 + (contentType == null ? 0 : contentType.length() * 2);
            for (Map.Entry<String, String> h : headers) w += 64 + 2 * (h.getKey().length() + h.getValue().length());
            return w;
        }
    }

    private final LongSupplier generation;
    private final String dataset;
    private final long maxEntryBytes;
    private final Cache<Key, Answer> cache;
    private final AtomicLong hits = new AtomicLong();
    private final AtomicLong misses = new AtomicLong();
    private final AtomicLong seenGeneration = new AtomicLong(Long.MIN_VALUE);

    AnswerCache(LongSupplier generation, String dataset, long maxBytes, long maxEntryBytes) {
        if (maxBytes < 1 || maxEntryBytes < 1) throw new IllegalArgumentException("cache sizes: " + maxBytes + ", " + maxEntryBytes);
        this.generation = Objects.requireNonNull(generation);
        this.dataset = dataset;
        this.maxEntryBytes = Math.min(maxEntryBytes, maxBytes);
        this.cache = Caffeine.newBuilder().maximumWeight(maxBytes).weigher((Key k, Answer a) -> a.weight()).build();
    }

    /** Hits, misses, entries held and their weight. */
    KnowledgeServer.CacheStats stats() {
        cache.cleanUp();
        long weight = cache.policy().eviction().map(e -> e.weightedSize().orElse(0L)).orElse(0L);
        return new KnowledgeServer.CacheStats(hits.get(), misses.get(), cache.estimatedSize(), weight);
    }

    /** Whether a request may be answered from the cache and its answer kept. */
    boolean cacheable(HttpServletRequest req, String path) {
        if (!req.getMethod().equals("GET") || req.getHeader("Range") != null) return false;
        if (path.startsWith("/id/") || path.startsWith("/graph/") || path.startsWith(ReportFeed.PATH + "/")) return true;
        if (path.equals(QueryPages.PATH) || path.startsWith(QueryPages.PATH + "/")) return true;
        if (path.equals(dataset) || path.equals(dataset + "/sparql") || path.equals(dataset + "/query")) {
            String q = req.getQueryString();
            return q != null && (q.startsWith("query=") || q.contains("&query="));
        }
        return false;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (!cacheable(req, path)) {
            chain.doFilter(request, response);
            return;
        }
        long before = generation.getAsLong();
        long seen = seenGeneration.get();
        if (seen != before && seenGeneration.compareAndSet(seen, before)) cache.invalidateAll();
        Key key = new Key(before, path, req.getQueryString(), normalise(req.getHeader("Accept")), GzipFilter.acceptsGzip(req));
        Answer answer = cache.getIfPresent(key);
        if (answer != null) {
            hits.incrementAndGet();
            replay(answer, resp);
            return;
        }
        misses.incrementAndGet();
        Capture capture = new Capture(resp, maxEntryBytes);
        try {
            chain.doFilter(request, capture);
        } finally {
            capture.finish();
        }
        Answer made = capture.answer();
        if (made != null && generation.getAsLong() == before) cache.put(key, made);
    }

    private static String normalise(String header) {
        return header == null ? "" : header.trim();
    }

    private static void replay(Answer answer, HttpServletResponse resp) throws IOException {
        resp.setStatus(HttpServletResponse.SC_OK);
        if (answer.contentType() != null) resp.setContentType(answer.contentType());
        for (Map.Entry<String, String> h : answer.headers()) {
            if (h.getKey().equalsIgnoreCase("Vary")) HttpHeaders.addVary(resp, h.getValue());
            else resp.addHeader(h.getKey(), h.getValue());
        }
        resp.setContentLength(answer.body().length);
        ServletOutputStream out = resp.getOutputStream();
        out.write(answer.body());
        out.flush();
    }

    /** Passes the answer through and keeps a copy of it while it may still be kept. */
    private static final class Capture extends HttpServletResponseWrapper {
        private final long cap;
        private ByteArrayOutputStream copy = new ByteArrayOutputStream();
        private boolean spoiled;
        private ServletOutputStream stream;
        private PrintWriter writer;

        Capture(HttpServletResponse response, long cap) {
            super(response);
            this.cap = cap;
        }

        private void copy(byte[] b, int off, int len) {
            if (spoiled) return;
            if (copy.size() + (long) len > cap) {
                spoil();
                return;
            }
            copy.write(b, off, len);
        }

        private void spoil() {
            spoiled = true;
            copy = null;
        }

        /** Sends on what the servlet's writer still holds (the container flushes only its own). */
        void finish() {
            if (writer != null) writer.flush();
        }

        /** The answer to keep, or null: not a 200, reset, too large, or an error on the way. */
        Answer answer() {
            if (spoiled || getStatus() != HttpServletResponse.SC_OK) return null;
            List<Map.Entry<String, String>> headers = new ArrayList<>();
            for (String name : KEPT_HEADERS) {
                Collection<String> values = getHeaders(name);
                if (values == null) continue;
                for (String v : values) if (v != null) headers.add(Map.entry(name, v));
            }
            return new Answer(getContentType(), List.copyOf(headers), copy.toByteArray());
        }

        @Override public void sendError(int sc, String msg) throws IOException { spoil(); super.sendError(sc, msg); }

        @Override public void sendError(int sc) throws IOException { spoil(); super.sendError(sc); }

        @Override public void sendRedirect(String location) throws IOException { spoil(); super.sendRedirect(location); }

        @Override public void setStatus(int sc) {
            if (sc != HttpServletResponse.SC_OK) spoil();
            super.setStatus(sc);
        }

        @Override public void reset() { spoil(); super.reset(); }

        @Override public void resetBuffer() { spoil(); super.resetBuffer(); }

        @Override
        public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) throw new IllegalStateException("getWriter() was called");
            return tee();
        }

        private ServletOutputStream tee() throws IOException {
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                stream = new ServletOutputStream() {
                    @Override public void write(int b) throws IOException {
                        out.write(b);
                        copy(new byte[] {(byte) b}, 0, 1);
                    }

                    @Override public void write(byte[] b, int off, int len) throws IOException {
                        out.write(b, off, len);
                        copy(b, off, len);
                    }

                    @Override public void flush() throws IOException { out.flush(); }

                    @Override public void close() throws IOException { out.close(); }

                    @Override public boolean isReady() { return out.isReady(); }

                    @Override public void setWriteListener(WriteListener listener) { out.setWriteListener(listener); }
                };
            }
            return stream;
        }

        @Override
        public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                if (stream != null) throw new IllegalStateException("getOutputStream() was called");
                writer = new PrintWriter(new OutputStreamWriter(tee(), charset));
            }
            return writer;
        }

        @Override
        public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
            super.flushBuffer();
        }
    }
}
