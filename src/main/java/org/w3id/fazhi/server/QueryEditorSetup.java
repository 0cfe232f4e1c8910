package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.apache.jena.shared.PrefixMapping;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQuery;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Makes the Fuseki UI's query editor ours and keeps it offline. The UI ships as built files in
 * jena-fuseki-ui, with no setting for prefixes or example queries, so the query page's script is
 * served with three values replaced: the prefix buttons (our prefixes), the example queries (ours,
 * with phrase queries for text search) and the default query. The editor's prefix autocompleter
 * fetches prefix.cc at run time (apache/jena#3963); it is pointed at {@code /prefixes.json} on
 * this server instead, so nothing waits on the network. If a future UI changes the script so a
 * value is not found, the original is served and a warning logged: the UI still works.
 */
final class QueryEditorSetup implements Filter {

    private static final Logger LOG = LoggerFactory.getLogger(QueryEditorSetup.class);
    private static final Pattern QUERY_SCRIPT = Pattern.compile(".*/static/Query-[A-Za-z0-9_-]+\\.js");
    /** The UI's main stylesheet, which gets the rules that take the write buttons away. */
    private static final Pattern MAIN_STYLE = Pattern.compile(".*/static/index-[A-Za-z0-9_-]+\\.css");

    /**
     * A read-only public UI: the buttons, tabs and menu entries that lead to writes (add data, edit,
     * the manage pages: existing datasets with remove and backup, new dataset, tasks) are not shown;
     * the server answers every write with 405 and has no admin endpoints, so they could only fail.
     * The UI draws them unconditionally, so they are hidden by what they link to and by their icons
     * (Font Awesome's {@code upload} and {@code pen-to-square}).
     */
    static final String READ_ONLY_CSS = """

            /* fazhi: a read-only public UI (server.QueryEditorSetup) */
            a[href$="/upload"], a[href$="/edit"], a[href$="/manage"], a[href$="/manage/new"], a[href$="/manage/tasks"],
            .dataset-add-data, button:has(svg[data-icon="upload"]), button:has(svg[data-icon="pen-to-square"]),
            li:has(> a[href$="/upload"]), li:has(> a[href$="/edit"]), li:has(> a[href$="/manage"]),
            li:has(> a[href$="/manage/new"]), li:has(> a[href$="/manage/tasks"]) { display: none !important; }
            """;
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final String UI_PREFIXES = "prefixes:[{uri:\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\",text:\"rdf\"},"
            + "{uri:\"http://www.w3.org/2000/01/rdf-schema#\",text:\"rdfs\"},{uri:\"http://www.w3.org/2002/07/owl#\",text:\"owl\"},"
            + "{uri:\"http://www.w3.org/2001/XMLSchema#\",text:\"xsd\"}]";
    private static final String UI_QUERIES = "queries:[{value:SELECT_TRIPLES_QUERY,text:\"Selection of triples\"},"
            + "{value:SELECT_CLASSES_QUERY,text:\"Selection of classes\"}]";
    private static final String UI_PREFIX_CC = "(window.location.protocol.indexOf(\"http\")===0?\"//\":\"http://\")+\"prefix.cc/popular/all.file.json\"";
    private static final String UI_DEFAULT_QUERY_START = "mode:\"sparql11\",value:`";

    private final PrefixMapping prefixes;
    private final List<SavedQuery> saved;
    private final Map<String, byte[]> patched = new ConcurrentHashMap<>();

    /** @param saved the saved queries, each among the editor's examples with its parameters' defaults bound */
    QueryEditorSetup(PrefixMapping prefixes, List<SavedQuery> saved) {
        this.prefixes = prefixes;
        this.saved = List.copyOf(saved);
    }

    /** Our prefixes in prefix.cc's file format, for the editor's autocompleter. */
    String prefixesJson() {
        ObjectNode o = JSON.createObjectNode();
        prefixes.getNsPrefixMap().forEach(o::put);
        o.put("text", "http://jena.apache.org/text#");
        return o.toString();
    }

    /** The query the editor opens with: our prefixes and a query over every report. */
    String defaultQuery() {
        return prologue() + """
                SELECT ?report ?title ?year WHERE {
                  ?report a fz:Report ;
                          rdfs:label ?title .
                  OPTIONAL { ?report fz:year ?year }
                }
                ORDER BY ?year
                """;
    }

    private String prologue() {
        StringBuilder sb = new StringBuilder();
        prefixes.getNsPrefixMap().forEach((p, ns) -> sb.append("PREFIX ").append(p).append(": <").append(ns).append(">\n"));
        sb.append("PREFIX text: <http://jena.apache.org/text#>\n\n");
        return sb.toString();
    }

    private ArrayNode exampleQueries() {
        ArrayNode a = JSON.createArrayNode();
        add(a, "Reports", defaultQuery());
        add(a, "Full-text search (phrase): 枫桥经验", prologue() + """
                SELECT ?s ?score ?text WHERE {
                  (?s ?score ?text) text:query '"枫桥经验"' .
                }
                ORDER BY DESC(?score) LIMIT 50
                """);
        add(a, "Full-text search (phrase): 行政复议 in quotes", prologue() + """
                SELECT ?fact ?quote WHERE {
                  (?fact ?score ?quote) text:query (fz:quote '"行政复议"') .
                }
                LIMIT 50
                """);
        add(a, "Facts with their quotes", prologue() + """
                SELECT ?report ?counts ?value ?unit ?quote WHERE {
                  ?fact a fz:MetricFact ; fz:value ?value ; fz:quote ?quote .
                  OPTIONAL { ?fact fz:counts ?counts }
                  OPTIONAL { ?fact fz:unit ?unit }
                  OPTIONAL { ?fact fz:report ?report }
                }
                LIMIT 100
                """);
        add(a, "Programs and how many reports mention them", prologue() + """
                SELECT ?program ?label (COUNT(DISTINCT ?report) AS ?reports) WHERE {
                  ?report fz:practices|fz:plans ?program .
                  ?program skos:prefLabel ?label .
                }
                GROUP BY ?program ?label ORDER BY DESC(?reports)
                """);
        add(a, "Named graphs", "SELECT ?g (COUNT(*) AS ?triples) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g ORDER BY ?g\n");
        for (SavedQuery q : saved) add(a, "Saved query: " + q.title() + " (" + q.name() + ")", editorText(q));
        return a;
    }

    /** A saved query as the editor shows it: its description as a comment, its parameters' defaults bound. */
    static String editorText(SavedQuery q) {
        StringBuilder sb = new StringBuilder();
        sb.append("# ").append(q.title()).append(" — /queries/").append(q.name()).append('\n');
        for (SavedQuery.Param p : q.params()) {
            sb.append("# ").append(p.name()).append(" = ").append(p.defaultValue()).append(" (the default; change it on /queries/")
                    .append(q.name()).append(")\n");
        }
        return sb.append(QueryRunner.bind(q, Map.of()).serialize()).toString();
    }

    private static void add(ArrayNode a, String text, String query) {
        a.addObject().put("value", query).put("text", text);
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        HttpServletRequest req = (HttpServletRequest) request;
        String path = req.getRequestURI();
        if (MAIN_STYLE.matcher(path).matches()) {
            String name = path.substring(path.lastIndexOf('/') + 1);
            byte[] css = patched.computeIfAbsent(name, QueryEditorSetup::readOnlyStyle);
            if (css.length > 0) {
                HttpServletResponse resp = (HttpServletResponse) response;
                resp.setContentType("text/css; charset=utf-8");
                resp.setContentLength(css.length);
                resp.getOutputStream().write(css);
                return;
            }
        }
        if (!QUERY_SCRIPT.matcher(path).matches()) {
            chain.doFilter(request, response);
            return;
        }
        String name = path.substring(path.lastIndexOf('/') + 1);
        byte[] body = patched.computeIfAbsent(name, this::patch);
        if (body.length == 0) {
            chain.doFilter(request, response);
            return;
        }
        HttpServletResponse resp = (HttpServletResponse) response;
        resp.setContentType("text/javascript; charset=utf-8");
        resp.setContentLength(body.length);
        resp.getOutputStream().write(body);
    }

    /** The UI's stylesheet with {@link #READ_ONLY_CSS} after it; empty when it cannot be read. */
    private static byte[] readOnlyStyle(String name) {
        try (InputStream in = QueryEditorSetup.class.getClassLoader().getResourceAsStream("webapp/static/" + name)) {
            if (in == null) return new byte[0];
            return (new String(in.readAllBytes(), StandardCharsets.UTF_8) + READ_ONLY_CSS).getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Fuseki UI: cannot read {}: {}", name, e.toString());
            return new byte[0];
        }
    }

    private byte[] patch(String scriptName) {
        String resource = "webapp/static/" + scriptName;
        try (InputStream in = QueryEditorSetup.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) return new byte[0];
            String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            js = replace(js, UI_PREFIXES, "prefixes:" + prefixButtons());
            js = replace(js, UI_QUERIES, "queries:" + exampleQueries());
            js = replace(js, UI_PREFIX_CC, JSON.writeValueAsString("/prefixes.json"));
            int start = js.indexOf(UI_DEFAULT_QUERY_START);
            int end = start < 0 ? -1 : js.indexOf('`', start + UI_DEFAULT_QUERY_START.length());
            if (end > 0) {
                js = js.substring(0, start) + "mode:\"sparql11\",value:" + JSON.writeValueAsString(defaultQuery()) + js.substring(end + 1);
            } else {
                LOG.warn("Fuseki UI: default query not found in {}; left as shipped", scriptName);
            }
            return js.getBytes(StandardCharsets.UTF_8);
        } catch (IOException e) {
            LOG.warn("Fuseki UI: cannot read {}: {}", resource, e.toString());
            return new byte[0];
        }
    }

    private ArrayNode prefixButtons() {
        ArrayNode a = JSON.createArrayNode();
        prefixes.getNsPrefixMap().forEach((p, ns) -> a.addObject().put("uri", ns).put("text", p));
        a.addObject().put("uri", "http://jena.apache.org/text#").put("text", "text");
        return a;
    }

    private static String replace(String js, String shipped, String ours) {
        if (!js.contains(shipped)) {
            LOG.warn("Fuseki UI: '{}…' not found in the query page script; left as shipped", shipped.substring(0, 30));
            return js;
        }
        return js.replace(shipped, ours);
    }
}
