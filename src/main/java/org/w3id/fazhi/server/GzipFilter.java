package org.w3id.fazhi.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.QuotedQualityCSV;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

/**
 * gzip for text answers (pages, RDF, SPARQL results, scripts) when the client asks for it
 * ({@code Accept-Encoding: gzip}, q-values read by Jetty's {@link QuotedQualityCSV}, so
 * {@code gzip;q=0} is a no). Jetty 12.1 keeps its GzipHandler out of the modules Fuseki
 * brings, hence a filter. Adds {@code Accept-Encoding} to {@code Vary}. Dumps (already gzipped),
 * partial answers, HEAD and answers under {@link #MIN_BYTES} are sent as they are.
 */
final class GzipFilter implements Filter {

    static final int MIN_BYTES = 256;

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        HttpServletResponse resp = (HttpServletResponse) response;
        String path = req.getRequestURI().substring(req.getContextPath().length());
        if (path.startsWith("/dumps/")) {
            chain.doFilter(request, response);
            return;
        }
        GzipResponse wrapped = new GzipResponse(resp, acceptsGzip(req) && !req.getMethod().equals("HEAD"));
        wrapped.applyHeaders();
        try {
            chain.doFilter(request, wrapped);
        } finally {
            wrapped.finish();
        }
    }

    static boolean acceptsGzip(HttpServletRequest req) {
        QuotedQualityCSV codings = new QuotedQualityCSV();
        for (String value : Collections.list(req.getHeaders("Accept-Encoding"))) codings.addValue(value);
        // The list holds only codings with q > 0.
        return codings.getValues().stream().anyMatch(c -> c.equalsIgnoreCase("gzip") || c.equalsIgnoreCase("x-gzip") || c.equals("*"));
    }

    static boolean compressible(String contentType) {
        if (contentType == null) return false;
        String t = contentType.toLowerCase(Locale.ROOT);
        return t.startsWith("text/") || t.startsWith("application/json") || t.startsWith("application/ld+json")
                || t.startsWith("application/javascript") || t.startsWith("application/sparql-results")
                || t.startsWith("application/rdf+xml") || t.startsWith("application/n-triples")
                || t.startsWith("application/n-quads") || t.startsWith("application/trig")
                || t.startsWith("application/xml") || t.startsWith("image/svg+xml");
    }

    private static final class GzipResponse extends HeaderKeepingResponse {
        private final boolean allowed;
        private long pendingLength = -1;
        private Boolean compressing;
        private GZIPOutputStream gzip;
        private ServletOutputStream stream;
        private PrintWriter writer;

        GzipResponse(HttpServletResponse response, boolean allowed) {
            super(response);
            this.allowed = allowed;
        }

        @Override void applyHeaders() {
            HttpHeaders.addVary((HttpServletResponse) getResponse(), "Accept-Encoding");
        }

        private boolean decide() {
            if (compressing == null) {
                int status = getStatus();
                compressing = allowed && status == HttpServletResponse.SC_OK
                        && compressible(getContentType())
                        && getHeader("Content-Encoding") == null
                        && getHeader("Content-Range") == null
                        && (pendingLength < 0 || pendingLength >= MIN_BYTES);
                if (compressing) {
                    super.setHeader("Content-Encoding", "gzip");
                } else if (pendingLength >= 0) {
                    super.setContentLengthLong(pendingLength);
                }
            }
            return compressing;
        }

        @Override public void setContentLength(int len) { setContentLengthLong(len); }

        @Override public void setContentLengthLong(long len) {
            if (compressing == null) pendingLength = len;
            else if (!compressing) super.setContentLengthLong(len);
        }

        @Override public void setHeader(String name, String value) {
            if ("Content-Length".equalsIgnoreCase(name)) {
                setContentLengthLong(value == null ? -1 : Long.parseLong(value.trim()));
            } else {
                super.setHeader(name, value);
            }
        }

        // Servlets that set the length as a header of any form (Jetty's resource servlet, for the UI's files).
        @Override public void addHeader(String name, String value) {
            if ("Content-Length".equalsIgnoreCase(name)) setHeader(name, value);
            else super.addHeader(name, value);
        }

        @Override public void setIntHeader(String name, int value) {
            if ("Content-Length".equalsIgnoreCase(name)) setContentLengthLong(value);
            else super.setIntHeader(name, value);
        }

        @Override public void addIntHeader(String name, int value) {
            if ("Content-Length".equalsIgnoreCase(name)) setContentLengthLong(value);
            else super.addIntHeader(name, value);
        }

        @Override public ServletOutputStream getOutputStream() throws IOException {
            if (writer != null) throw new IllegalStateException("getWriter() was called");
            if (stream == null) {
                ServletOutputStream out = super.getOutputStream();
                if (!decide()) {
                    stream = out;
                } else {
                    gzip = new GZIPOutputStream(out, 1 << 13, true);
                    stream = new ServletOutputStream() {
                        @Override public boolean isReady() { return out.isReady(); }
                        @Override public void setWriteListener(WriteListener l) { out.setWriteListener(l); }
                        @Override public void write(int b) throws IOException { gzip.write(b); }
                        @Override public void write(byte[] b, int off, int len) throws IOException { gzip.write(b, off, len); }
                        @Override public void flush() throws IOException { gzip.flush(); }
                        @Override public void close() throws IOException { gzip.close(); }
                    };
                }
            }
            return stream;
        }

        @Override public PrintWriter getWriter() throws IOException {
            if (writer == null) {
                if (stream != null) throw new IllegalStateException("getOutputStream() was called");
                String encoding = getCharacterEncoding();
                Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
                ServletOutputStream out = getOutputStream();
                writer = new PrintWriter(new OutputStreamWriter(out, charset));
                stream = out;
            }
            return writer;
        }

        @Override public void flushBuffer() throws IOException {
            if (writer != null) writer.flush();
            if (gzip != null) gzip.flush();
            super.flushBuffer();
        }

        @Override public void reset() {
            if (gzip != null) throw new IllegalStateException("the gzipped answer has started");
            compressing = null;
            pendingLength = -1;
            stream = null;
            super.reset();
        }

        @Override public void resetBuffer() {
            if (gzip != null) throw new IllegalStateException("the gzipped answer has started");
            super.resetBuffer();
        }

        /** Ends the gzip stream; a response that wrote nothing gets the length it announced. */
        void finish() throws IOException {
            if (writer != null) writer.flush();
            if (gzip != null) {
                gzip.finish();
            } else if (compressing == null && pendingLength >= 0 && !isCommitted()) {
                super.setContentLengthLong(pendingLength);
            }
        }
    }
}
