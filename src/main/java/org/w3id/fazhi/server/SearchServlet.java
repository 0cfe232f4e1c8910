package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryCancelledException;
import org.w3id.fazhi.server.MeasureSearch.Facet;
import org.w3id.fazhi.server.MeasureSearch.Hit;
import org.w3id.fazhi.server.MeasureSearch.Result;

import java.io.IOException;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.w3id.fazhi.server.TextResponse.send;

/**
 * {@code /search?q=…}: full-text search over the measures of every report, with facets (see
 * {@link SearchRequest} for the URL, {@link MeasureSearch} for the query, {@link SearchPage} for the
 * HTML). {@code &format=csv|json} gives every hit under the chosen facets (not only one page) to
 * scripts. A bad parameter is a 400, a search cut short by the time limit a 503.
 */
final class SearchServlet extends HttpServlet {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final MeasureSearch search;
    private final SearchPage page;

    SearchServlet(Dataset dataset, IriMapping iris, Duration timeout) {
        this.search = new MeasureSearch(dataset, timeout);
        this.page = new SearchPage(iris);
    }

    @Override
    protected void doGet(HttpServletRequest req, HttpServletResponse resp) throws IOException {
        Map<String, String[]> params = req.getParameterMap();
        SearchRequest request;
        try {
            request = SearchRequest.of(params);
        } catch (IllegalArgumentException e) {
            String[] format = params.get("format");
            boolean raw = format != null && format.length == 1 && (format[0].equals("csv") || format[0].equals("json"));
            if (raw) send(resp, 400, "text/plain", e.getMessage() + "\n");
            else send(resp, 400, "text/html", page.render(new SearchRequest("", List.of(), Map.of(), 1, null), null,
                    "Bad request: " + e.getMessage()));
            return;
        }
        Result result;
        try {
            result = request.terms().isEmpty() ? null : search.search(request.terms());
        } catch (RuntimeException e) {
            boolean timedOut = false;
            for (Throwable t = e; t != null; t = t.getCause()) if (t instanceof QueryCancelledException) timedOut = true;
            int status = timedOut ? 503 : 500;
            String message = timedOut ? "The search ran longer than the server's time limit." : "The search failed: " + e.getMessage();
            if (request.format() != null) send(resp, status, "text/plain", message + "\n");
            else send(resp, status, "text/html", page.render(request, null, message));
            return;
        }
        List<Hit> hits = result == null ? List.of() : result.narrowed(request.selected());
        if ("csv".equals(request.format())) {
            send(resp, 200, "text/csv", csv(hits, result));
        } else if ("json".equals(request.format())) {
            send(resp, 200, "application/json", json(request, hits, result));
        } else {
            send(resp, 200, "text/html", page.render(request, result, null));
        }
    }

    static final List<String> COLUMNS = List.of("report", "region", "year", "section", "quote", "measure");

    private static String csv(List<Hit> hits, Result result) throws IOException {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(COLUMNS.toArray(String[]::new)).get())) {
            for (Hit h : hits) csv.printRecord(h.report(), h.region(), h.year(), h.section(), h.quote(), h.measure());
        }
        return out.toString();
    }

    private static String json(SearchRequest request, List<Hit> hits, Result result) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("q", request.q());
        ObjectNode filters = root.putObject("filters");
        for (Map.Entry<Facet, Set<String>> e : request.selected().entrySet()) {
            ArrayNode a = filters.putArray(e.getKey().param);
            e.getValue().forEach(a::add);
        }
        root.put("total", hits.size());
        ArrayNode array = root.putArray("hits");
        for (Hit h : hits) {
            ObjectNode o = array.addObject();
            o.put("report", h.report());
            o.put("region", h.region());
            o.put("year", h.year());
            o.put("section", h.section());
            o.put("quote", h.quote());
            o.put("measure", h.measure());
        }
        return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }
}
