package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.eclipse.jetty.http.ByteRange;
import org.w3id.fazhi.store.DumpFormat;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreDump;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.channels.WritableByteChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.List;

/**
 * {@code /dumps/kg.nq.gz} and {@code /dumps/kg.trig.gz}: the whole store, gzipped. Each is written
 * once per store generation to a file ({@link StoreDump#cached}) and sent from it, with
 * {@code Content-Length}, a strong {@code ETag}, {@code Last-Modified} and byte ranges (one
 * range: 206; several: the whole file; none satisfiable: 416). HEAD builds nothing: it gives the
 * length only when the file is already there. Concurrent downloads wait for one build.
 */
final class DumpServlet extends HttpServlet {

    private final KnowledgeStore store;
    private final Duration maxAge;

    DumpServlet(KnowledgeStore store, Duration maxAge) {
        this.store = store;
        this.maxAge = maxAge;
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, true);
    }

    @Override
    protected void doHead(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        serve(req, resp, false);
    }

    private void serve(HttpServletRequest req, HttpServletResponse resp, boolean body) throws IOException {
        String name = req.getPathInfo() == null ? "" : req.getPathInfo();
        DumpFormat format = switch (name) {
            case "/kg.nq.gz" -> DumpFormat.NQ;
            case "/kg.trig.gz" -> DumpFormat.TRIG;
            default -> null;
        };
        if (format == null) {
            resp.sendError(HttpServletResponse.SC_NOT_FOUND, "dumps: /dumps/kg.nq.gz or /dumps/kg.trig.gz");
            return;
        }
        long generation = store.generation();
        Instant modified = store.modified().truncatedTo(ChronoUnit.SECONDS);
        resp.setHeader("Accept-Ranges", "bytes");
        resp.setHeader("Cache-Control", "public, max-age=" + maxAge.toSeconds() + ", must-revalidate");
        if (CachingFilter.notModified(req, etag(generation, format), modified)) {
            resp.setHeader("ETag", etag(generation, format));
            resp.setHeader("Last-Modified", CachingFilter.httpDate(modified));
            resp.setStatus(HttpServletResponse.SC_NOT_MODIFIED);
            return;
        }
        Path file;
        if (body) {
            file = StoreDump.cached(store, format);
            generation = generationOf(file, generation);
        } else {
            file = StoreDump.cachedFile(store, format, generation);
        }
        resp.setContentType("application/gzip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"kg." + format.extension() + ".gz\"");
        String etag = etag(generation, format);
        resp.setHeader("ETag", etag);
        resp.setHeader("Last-Modified", CachingFilter.httpDate(modified));
        if (!Files.exists(file)) {
            // HEAD before the first download of this generation: nothing is built for it.
            return;
        }
        long length = Files.size(file);
        long first = 0;
        long count = length;
        List<String> ranges = Collections.list(req.getHeaders("Range"));
        String ifRange = req.getHeader("If-Range");
        boolean rangeApplies = !ranges.isEmpty() && (ifRange == null || EntityTags.matchesStrongly(ifRange, etag));
        if (rangeApplies && ranges.stream().allMatch(r -> r.trim().toLowerCase().startsWith("bytes="))) {
            List<ByteRange> satisfiable = ByteRange.parse(ranges, length);
            if (satisfiable.isEmpty()) {
                resp.setHeader("Content-Range", ByteRange.toNonSatisfiableHeaderValue(length));
                resp.setStatus(HttpServletResponse.SC_REQUESTED_RANGE_NOT_SATISFIABLE);
                return;
            }
            if (satisfiable.size() == 1) {
                ByteRange range = satisfiable.get(0);
                first = range.first();
                count = range.getLength();
                resp.setStatus(HttpServletResponse.SC_PARTIAL_CONTENT);
                resp.setHeader("Content-Range", range.toHeaderValue(length));
            }
            // Several ranges: the whole file (RFC 9110 lets a server ignore Range).
        }
        resp.setContentLengthLong(count);
        if (!body) return;
        try (FileChannel in = FileChannel.open(file, StandardOpenOption.READ)) {
            OutputStream out = resp.getOutputStream();
            WritableByteChannel channel = Channels.newChannel(out);
            long sent = 0;
            while (sent < count) {
                long n = in.transferTo(first + sent, count - sent, channel);
                if (n <= 0) break;
                sent += n;
            }
            out.flush();
        }
    }

    /** Strong: the bytes of a generation's dump are fixed. */
    static String etag(long generation, DumpFormat format) {
        return "\"" + Long.toString(generation, 36) + "-" + format.extension() + "\"";
    }

    private static long generationOf(Path file, long fallback) {
        String name = file.getFileName().toString();
        try {
            return Long.parseLong(name.substring("kg-".length(), name.indexOf('.')));
        } catch (RuntimeException e) {
            return fallback;
        }
    }
}
