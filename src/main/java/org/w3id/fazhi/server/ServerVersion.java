package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletOutputStream;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.WriteListener;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import org.w3id.fazhi.extract.ExtractionPipeline;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

/**
 * {@code /$/server} with the server's real version. Fuseki takes its version from the manifest of
 * the jar its classes are in, which in {@code fazhi.jar} (one shaded jar) is ours, so the UI said
 * "Version 0.1.0-SNAPSHOT". Here {@code version} is Fuseki's own, read from the Maven properties
 * that jena-fuseki-core ships (and the shaded jar keeps), and {@code fazhi} is ours.
 */
final class ServerVersion implements Filter {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** Apache Jena Fuseki's version, from its pom.properties; null when it cannot be read. */
    static String fusekiVersion() {
        try (InputStream in = ServerVersion.class.getClassLoader()
                .getResourceAsStream("META-INF/maven/org.apache.jena/jena-fuseki-core/pom.properties")) {
            if (in == null) return null;
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException e) {
            return null;
        }
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletResponse resp = (HttpServletResponse) response;
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        ServletOutputStream capture = new ServletOutputStream() {
            @Override public boolean isReady() { return true; }
            @Override public void setWriteListener(WriteListener listener) { }
            @Override public void write(int b) { body.write(b); }
            @Override public void write(byte[] b, int off, int len) { body.write(b, off, len); }
        };
        PrintWriter writer = new PrintWriter(new OutputStreamWriter(capture, StandardCharsets.UTF_8));
        chain.doFilter(request, new HttpServletResponseWrapper(resp) {
            @Override public ServletOutputStream getOutputStream() { return capture; }
            @Override public PrintWriter getWriter() { return writer; }
            @Override public void setContentLength(int len) { }
            @Override public void setContentLengthLong(long len) { }
            @Override public void flushBuffer() { writer.flush(); }
        });
        writer.flush();
        byte[] out = body.toByteArray();
        String version = fusekiVersion();
        if (resp.getStatus() == 200 && version != null) {
            try {
                ObjectNode status = (ObjectNode) JSON.readTree(out);
                status.put("version", version);
                status.put("fazhi", ExtractionPipeline.version());
                out = JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(status);
            } catch (IOException | ClassCastException e) {
                // not the JSON expected: sent as Fuseki wrote it
            }
        }
        resp.setContentLength(out.length);
        resp.getOutputStream().write(out);
    }
}
