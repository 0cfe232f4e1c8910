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
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/**
 * Holds a query's answer until it is complete, so that a query stopped by the time limit while
 * its results stream gets an HTTP error instead of a 200 with a truncated body (the status line
 * would otherwise be gone before the limit hits). Answers larger than the cap are refused with
 * 413 rather than streamed, for the same reason.
 */
final class CompleteResponseFilter implements Filter {

    /** What Fuseki writes after results cut short by the time limit. */
    private static final String FUSEKI_CANCELLED = "Query cancelled due to timeout";

    private static final String TIMED_OUT = "Query timed out: it ran longer than the server's time limit, "
            + "so no results were sent. Make the query more selective or add a LIMIT.\n";

    private final int maxBytes;

    CompleteResponseFilter(int maxBytes) { this.maxBytes = maxBytes; }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse http = (HttpServletResponse) response;
        Buffered buffered = new Buffered(http, maxBytes);
        try {
            chain.doFilter(request, buffered);
        } catch (TooLarge e) {
            if (!http.isCommitted()) {
                http.reset();
                http.sendError(413, "the answer is larger than " + (maxBytes >> 20) + " MiB: add a LIMIT or use the dumps");
            }
            return;
        }
        if (buffered.errorSent) return;
        buffered.flushWriter();
        byte[] body = buffered.bytes.toByteArray();
        if (buffered.status >= 400 && new String(body, StandardCharsets.UTF_8).contains(FUSEKI_CANCELLED)) {
            // Fuseki appends a notice to the partial results and sets 400: send neither.
            http.reset();
            http.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            http.setContentType("text/plain; charset=utf-8");
            byte[] message = TIMED_OUT.getBytes(StandardCharsets.UTF_8);
            http.setContentLength(message.length);
            http.getOutputStream().write(message);
            return;
        }
        if (!http.isCommitted()) http.setContentLength(body.length);
        http.getOutputStream().write(body);
    }

    private static final class TooLarge extends IOException {
        TooLarge() { super("answer too large"); }
    }

    private static final class Buffered extends HttpServletResponseWrapper {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final int max;
        boolean errorSent;
        int status = 200;
        PrintWriter writer;
        private final ServletOutputStream out = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener l) { throw new UnsupportedOperationException(); }
            @Override public void write(int b) throws IOException {
                check(1);
                bytes.write(b);
            }
            @Override public void write(byte[] b, int off, int len) throws IOException {
                check(len);
                bytes.write(b, off, len);
            }
        };

        Buffered(HttpServletResponse response, int max) {
            super(response);
            this.max = max;
        }

        void check(int more) throws TooLarge {
            if (bytes.size() + more > max) throw new TooLarge();
        }

        void flushWriter() { if (writer != null) writer.flush(); }

        @Override public ServletOutputStream getOutputStream() { return out; }

        @Override public PrintWriter getWriter() {
            if (writer == null) writer = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8));
            return writer;
        }

        @Override public void flushBuffer() { /* held until complete */ }

        @Override public boolean isCommitted() { return errorSent; }

        @Override public void resetBuffer() { bytes.reset(); }

        @Override public void reset() {
            bytes.reset();
            super.reset();
        }

        @Override public void setContentLength(int len) { /* set from the held body */ }

        @Override public void setContentLengthLong(long len) { /* set from the held body */ }

        @Override public void setStatus(int sc) {
            status = sc;
            super.setStatus(sc);
        }

        @Override public void sendError(int sc, String msg) throws IOException {
            errorSent = true;
            bytes.reset();
            super.sendError(sc, msg);
        }

        @Override public void sendError(int sc) throws IOException {
            errorSent = true;
            bytes.reset();
            super.sendError(sc);
        }
    }
}
