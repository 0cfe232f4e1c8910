package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.w3id.fazhi.store.DumpFormat;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreDump;

import java.io.IOException;
import java.util.zip.GZIPOutputStream;

/** {@code /dumps/kg.nq.gz} and {@code /dumps/kg.trig.gz}: the whole store, gzipped, made on request. */
final class DumpServlet extends HttpServlet {

    private final KnowledgeStore store;

    DumpServlet(KnowledgeStore store) { this.store = store; }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
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
        resp.setContentType("application/gzip");
        resp.setHeader("Content-Disposition", "attachment; filename=\"kg." + format.extension() + ".gz\"");
        try (GZIPOutputStream gz = new GZIPOutputStream(resp.getOutputStream(), 1 << 16)) {
            StoreDump.write(store, format, gz);
        }
    }
}
