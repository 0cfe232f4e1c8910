package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.query.QueryCancelledException;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.w3id.fazhi.server.TextResponse.send;

/**
 * {@code /queries}: the saved queries on the web. {@code /queries/NAME?param=value} runs one
 * (parameters bound by {@link QueryRunner}, never pasted into the text) and shows it; the same URL
 * with {@code &format=csv|tsv|json} gives the raw results. An unknown query is a 404 listing the
 * valid ones, an unknown parameter or a bad value a 400 listing the query's parameters, a query
 * stopped by the time limit a 503. Errors for raw formats are plain text, for scripts.
 */
final class SavedQueryServlet extends HttpServlet {

    private static final String FORMAT = "format";
    static final String LIMIT = "limit";
    static final String OFFSET = "offset";
    /** Rows a page for people shows at a time. */
    static final long PAGE_ROWS = 200;

    private final SavedQueries queries;
    private final QueryRunner runner;
    private final QueryPages pages;

    SavedQueryServlet(SavedQueries queries, QueryRunner runner, IriMapping iris) {
        this.queries = queries;
        this.runner = runner;
        this.pages = new QueryPages(iris);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        String path = req.getPathInfo() == null ? "/" : req.getPathInfo();
        String formatName = req.getParameter(FORMAT);
        if (path.equals("/")) {
            send(resp, 200, "text/html", pages.list(queries));
            return;
        }
        String name = path.substring(1);
        SavedQuery query = queries.find(name).orElse(null);
        if (query == null) {
            fail(resp, formatName, 404, "No saved query", "There is no saved query '" + name + "'; valid: "
                    + String.join(", ", queries.names()), null);
            return;
        }
        ResultFormat format;
        try {
            format = formatName == null ? null : ResultFormat.of(formatName);
        } catch (QueryException e) {
            fail(resp, formatName, 400, "Unknown format", e.getMessage(), query);
            return;
        }
        QueryRunner.Page page;
        try {
            page = page(req, format == null);
        } catch (QueryException e) {
            fail(resp, formatName, 400, "Bad page", e.getMessage(), query);
            return;
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (Map.Entry<String, String[]> e : req.getParameterMap().entrySet()) {
            if (e.getKey().equals(FORMAT) || e.getKey().equals(LIMIT) || e.getKey().equals(OFFSET)) continue;
            if (query.param(e.getKey()).isEmpty()) {
                fail(resp, formatName, 400, "Unknown parameter", "Query '" + name + "' has no parameter '" + e.getKey() + "'; "
                        + (query.params().isEmpty() ? "it takes none" : "valid: " + String.join(", ", query.paramNames())), query);
                return;
            }
            if (e.getValue().length != 1) {
                fail(resp, formatName, 400, "Repeated parameter", "Give '" + e.getKey() + "' once", query);
                return;
            }
            params.put(e.getKey(), e.getValue()[0]);
        }
        QueryResult result;
        try {
            result = runner.run(query, params, page);
        } catch (QueryException e) {
            if (timedOut(e)) {
                fail(resp, formatName, 503, "Query timed out", "The query ran longer than the server's time limit.", query);
            } else if (e.getMessage().startsWith("parameter '")) {
                fail(resp, formatName, 400, "Bad parameter value", e.getMessage(), query);
            } else {
                fail(resp, formatName, 500, "Query failed", e.getMessage(), query);
            }
            return;
        }
        if (format != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            format.write(result, out);
            resp.setStatus(200);
            resp.setContentType(format.mediaType() + "; charset=utf-8");
            resp.setContentLength(out.size());
            out.writeTo(resp.getOutputStream());
            return;
        }
        String editor = "/#/dataset" + KnowledgeServer.DATASET + "/query?query="
                + QueryPages.encode("# " + query.title() + "\n" + result.sparql());
        send(resp, 200, "text/html", pages.query(result, editor));
    }

    /**
     * The page asked for: {@code limit} and {@code offset}. A page for people shows
     * {@value #PAGE_ROWS} rows unless told otherwise; raw results give every row unless a limit is
     * given, so scripts get the whole answer by default.
     */
    private static QueryRunner.Page page(HttpServletRequest req, boolean forPeople) {
        String limit = req.getParameter(LIMIT), offset = req.getParameter(OFFSET);
        if (limit == null && offset == null && !forPeople) return null;
        try {
            long l = limit == null ? PAGE_ROWS : Long.parseLong(limit.strip());
            long o = offset == null ? 0 : Long.parseLong(offset.strip());
            return new QueryRunner.Page(o, l);
        } catch (NumberFormatException e) {
            throw new QueryException("limit and offset are whole numbers");
        }
    }

    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof QueryCancelledException) return true;
        return false;
    }

    private void fail(HttpServletResponse resp, String formatName, int status, String title, String message, SavedQuery query)
            throws IOException {
        if (formatName != null) send(resp, status, "text/plain", message + "\n");
        else send(resp, status, "text/html", pages.error(title, message, queries, query));
    }
}
