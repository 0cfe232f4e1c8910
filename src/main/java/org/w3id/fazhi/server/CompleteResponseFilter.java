package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;


/**
 * Holds a query's answer until it is complete, then sends it whole or sends an error instead, so
 * that no answer is ever a half-written body:
 * <ul>
 * <li>a query stopped by the time limit while its results stream gets 503 with
 * {@code Retry-After} and a plain message (the status line would otherwise be gone before the
 * limit hits); so does one stopped before its first result;</li>
 * <li>an answer larger than the cap gets 413 and a plain message, nothing of the results: the
 * writing is stopped at the cap;</li>
 * <li>a query refused for its {@code SERVICE} ({@link ServiceGuard}) gets 400.</li>
 * </ul>
 * Up to {@value #IN_MEMORY} bytes are held in memory, the rest in a temporary file, so many large
 * answers at once do not fill the heap.
 */
final class CompleteResponseFilter implements Filter {

    /** What Fuseki writes after results cut short by the time limit. */
    private static final String FUSEKI_CANCELLED = "Query cancelled due to timeout";

    static final String TIMED_OUT = "Query timed out: it ran longer than the server's time limit, "
            + "so no results were sent. Make the query more selective or add a LIMIT.\n";

    static final int IN_MEMORY = 1 << 20;

    private final long maxBytes;
    private final long retryAfterSeconds;
    private final String serviceRefused;

    CompleteResponseFilter(long maxBytes, long retryAfterSeconds, String serviceRefused) {
        this.maxBytes = maxBytes;
        this.retryAfterSeconds = Math.max(1, retryAfterSeconds);
        this.serviceRefused = serviceRefused;
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        Map<String, List<String>> outer = headers(http);
        try (Buffered buffered = new Buffered(http, maxBytes)) {
            try {
                chain.doFilter(request, buffered);
                buffered.flushWriter();
            } catch (IOException | RuntimeException | ServletException e) {
                if (!buffered.tooLarge) throw e;
            }
            if (buffered.tooLarge) {
                plain(http, outer, 413, "The answer is larger than " + describe(maxBytes)
                        + ", so none of it was sent: add a LIMIT, select fewer variables, or use the dumps at /dumps/.\n");
                return;
            }
            int status = buffered.errorStatus != 0 ? buffered.errorStatus : buffered.status;
            if (status >= 400) {
                String tail = buffered.tail() + " " + (buffered.errorMessage == null ? "" : buffered.errorMessage);
                if (tail.contains(ServiceGuard.REFUSED)) {
                    plain(http, outer, 400, serviceRefused);
                    return;
                }
                if (status == HttpServletResponse.SC_SERVICE_UNAVAILABLE || tail.contains(FUSEKI_CANCELLED)) {
                    // Fuseki appends a notice to the partial results and sets 400, or sends 503 itself.
                    plain(http, outer, HttpServletResponse.SC_SERVICE_UNAVAILABLE, TIMED_OUT, Long.toString(retryAfterSeconds));
                    return;
                }
            }
            if (buffered.errorStatus != 0) {
                if (buffered.errorMessage != null) http.sendError(buffered.errorStatus, buffered.errorMessage);
                else http.sendError(buffered.errorStatus);
                return;
            }
            http.setContentLengthLong(buffered.size());
            buffered.sendTo(http.getOutputStream());
        }
    }

    /** Replaces whatever the query set with a plain-text answer, keeping the headers set before it (CORS and the like). */
    private static void plain(HttpServletResponse http, Map<String, List<String>> outer, int status, String message) throws IOException {
        plain(http, outer, status, message, null);
    }

    private static void plain(HttpServletResponse http, Map<String, List<String>> outer, int status, String message,
                              String retryAfter) throws IOException {
        http.reset();
        restore(http, outer);
        if (retryAfter != null) http.setHeader("Retry-After", retryAfter);
        byte[] body = message.getBytes(StandardCharsets.UTF_8);
        http.setStatus(status);
        http.setContentType("text/plain; charset=utf-8");
        http.setContentLength(body.length);
        http.getOutputStream().write(body);
    }

    private static Map<String, List<String>> headers(HttpServletResponse http) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        for (String name : http.getHeaderNames()) out.put(name, new ArrayList<>(http.getHeaders(name)));
        return out;
    }

    private static void restore(HttpServletResponse http, Map<String, List<String>> headers) {
        headers.forEach((name, values) -> values.forEach(v -> http.addHeader(name, v)));
    }

    private static String describe(long bytes) {
        return bytes >= 1 << 20 ? (bytes >> 20) + " MiB" : bytes >= 1 << 10 ? (bytes >> 10) + " KiB" : bytes + " bytes";
    }

    private static final class TooLarge extends IOException {
        TooLarge() { super("answer too large"); }
    }

    /** The response as the query sees it: nothing reaches the client until the filter decides. */
    private static final class Buffered extends HttpServletResponseWrapper implements AutoCloseable {
        private final long max;
        private final ByteArrayOutputStream memory = new ByteArrayOutputStream();
        private Path file;
        private OutputStream fileOut;
        private long size;
        boolean tooLarge;
        int status = 200;
        int errorStatus;
        String errorMessage;
        private PrintWriter writer;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            @Override public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                append(b, off, len);
            }
        };

        Buffered(HttpServletResponse response, long max) {
            super(response);
            this.max = max;
        }

        private void append(byte[] b, int off, int len) throws IOException {
            if (tooLarge || size + len > max) {
                tooLarge = true;
                throw new TooLarge();
            }
            if (fileOut == null && size + len > IN_MEMORY) {
                file = Files.createTempFile("fazhi-answer-", ".tmp");
                fileOut = Files.newOutputStream(file);
                memory.writeTo(fileOut);
                memory.reset();
            }
            if (fileOut != null) fileOut.write(b, off, len);
            else memory.write(b, off, len);
            size += len;
        }

        long size() { return size; }

        void flushWriter() throws IOException {
            if (writer != null) writer.flush();
            if (fileOut != null) fileOut.flush();
        }

        /** The last few kilobytes of the body, where Fuseki writes its notices. */
        String tail() throws IOException {
            if (fileOut == null) return memory.toString(StandardCharsets.UTF_8);
            fileOut.flush();
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                int n = (int) Math.min(8192, f.length());
                byte[] b = new byte[n];
                f.seek(f.length() - n);
                f.readFully(b);
                return new String(b, StandardCharsets.UTF_8);
            }
        }

        void sendTo(OutputStream target) throws IOException {
            if (fileOut == null) {
                memory.writeTo(target);
            } else {
                fileOut.close();
                fileOut = null;
                Files.copy(file, target);
            }
        }

        @Override
        public void close() throws IOException {
            if (fileOut != null) fileOut.close();
            if (file != null) Files.deleteIfExists(file);
        }

        @Override public ServletOutputStream getOutputStream() { return out; }

        @Override public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return writer;
        }

        @Override public void flushBuffer() { /* held until complete */ }

        @Override public boolean isCommitted() { return errorStatus != 0; }

        @Override public void resetBuffer() {
            if (tooLarge) return;
            memory.reset();
            size = 0;
            if (fileOut != null) {
                try {
                    fileOut.close();
                    fileOut = null;
                    Files.deleteIfExists(file);
                    file = null;
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }
        }

        @Override public void reset() {
            if (tooLarge) return;
            resetBuffer();
            status = 200;
            super.reset();
        }

        @Override public void setContentLength(int len) { /* set from the held body */ }

        @Override public void setContentLengthLong(long len) { /* set from the held body */ }

        @Override public void setStatus(int sc) {
            if (tooLarge) return;
            status = sc;
            super.setStatus(sc);
        }

        @Override public void sendError(int sc, String msg) {
            if (tooLarge || errorStatus != 0) return;
            errorStatus = sc;
            errorMessage = msg;
            resetBuffer();
        }

        @Override public void sendError(int sc) { sendError(sc, null); }
    }

}
