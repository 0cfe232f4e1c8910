package org.w3id.fazhi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import org.apache.jena.graph.Node;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.ResultSet;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.resultset.ResultSetLang;
import org.apache.jena.sparql.resultset.ResultsReader;
import org.apache.jena.system.Txn;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLoader;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.query.TestStore;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code fazhi query}: list, show, run on a TDB2 store and on an endpoint, in every format. */
class QueryCommandTest {

    private static Path store;
    private static HttpServer server;
    private static String endpoint;

    private static CliRun run(String... args) {
        return CliRun.of(args);
    }

    @BeforeAll
    static void storeAndEndpoint() throws Exception {
        // The store the server holds, built by the real loader: named graphs; the default graph is their union.
        store = Files.createTempDirectory("fazhi-query-store");
        Dataset mem = TestStore.dataset();
        try (KnowledgeStore ks = KnowledgeStore.builder().folder(store).build()) {
            StoreLoader.builder().store(ks).build().load(List.of("data/reports"));
        }
        // A minimal SPARQL endpoint over the in-memory dataset (GET ?query=, POST form or sparql-query).
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/sparql", ex -> {
            String raw = ex.getRequestMethod().equals("GET") ? ex.getRequestURI().getRawQuery()
                    : new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            String query = raw;
            String type = ex.getRequestHeaders().getFirst("Content-Type");
            if (ex.getRequestMethod().equals("GET") || (type != null && type.startsWith("application/x-www-form-urlencoded"))) {
                for (String kv : raw.split("&")) {
                    if (kv.startsWith("query=")) query = URLDecoder.decode(kv.substring(6), StandardCharsets.UTF_8);
                }
            }
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            String q = query;
            Txn.executeRead(mem, () -> {
                try (QueryExecution qe = QueryExecution.dataset(mem).query(q).build()) {
                    ResultSetFormatter.outputAsJSON(body, qe.execSelect());
                }
            });
            ex.getResponseHeaders().set("Content-Type", "application/sparql-results+json");
            ex.sendResponseHeaders(200, body.size());
            ex.getResponseBody().write(body.toByteArray());
            ex.close();
        });
        server.start();
        endpoint = "http://127.0.0.1:" + server.getAddress().getPort() + "/sparql";
    }

    @AfterAll
    static void stop() {
        if (server != null) server.stop(0);
    }

    static QueryResult direct(String name) {
        return TestStore.runner().run(TestStore.queries().get(name), Map.of());
    }

    @Test
    void listNamesEveryQuery() {
        CliRun r = run("query", "list");
        assertEquals(0, r.exit(), r.err());
        for (String name : TestStore.queries().names()) assertTrue(r.out().contains(name), name);
        assertTrue(r.out().contains("实践某项制度的地区"));
    }

    @Test
    void showPrintsHeaderAndSparqlAndTheBoundQuery() {
        CliRun r = run("query", "show", "regions-practising-program");
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("--param program=枫桥经验"));
        assertTrue(r.out().contains("SELECT DISTINCT ?region"));
        CliRun bound = run("query", "show", "regions-practising-program", "--param", "program=枫桥经验\" } DROP ALL #");
        assertEquals(0, bound.exit(), bound.err());
        assertTrue(bound.out().contains("\"枫桥经验\\\" } DROP ALL #\""), bound.out());
    }

    @Test
    void unknownNamesAndParametersAreUsageErrorsThatListTheValidOnes() {
        CliRun name = run("query", "run", "no-such-query", "--db", store.toString());
        assertEquals(Fazhi.USAGE, name.exit());
        assertTrue(name.err().contains("valid: agencies-for-program, candidate-programs"), name.err());
        CliRun param = run("query", "run", "regions-practising-program", "--db", store.toString(), "--param", "programme=枫桥经验");
        assertEquals(Fazhi.USAGE, param.exit());
        assertTrue(param.err().contains("'programme'") && param.err().contains("valid: program"), param.err());
        CliRun format = run("query", "run", "reports", "--db", store.toString(), "--format", "xlsx");
        assertEquals(Fazhi.USAGE, format.exit());
        assertTrue(format.err().contains("table, csv, tsv, json, md"), format.err());
        CliRun notAStore = run("query", "run", "reports", "--db", store.resolve("nowhere").toString());
        assertEquals(Fazhi.SOME_FAILED, notAStore.exit());
        assertTrue(notAStore.err().contains("no store"), notAStore.err());
        // One target at most; with none, the default store folder kg-db/ is read.
        assertEquals(Fazhi.USAGE, run("query", "run", "reports", "--db", store.toString(),
                "--endpoint", "http://localhost:1/sparql").exit());
    }

    @Test
    void csvTsvAndJsonReadBackToTheSameRows() throws Exception {
        QueryResult expected = direct("regions-practising-program");
        for (String fmt : new String[] {"csv", "tsv", "json"}) {
            CliRun r = run("query", "run", "regions-practising-program", "--db", store.toString(), "--format", fmt);
            assertEquals(0, r.exit(), r.err());
            var lang = switch (fmt) {
                case "csv" -> ResultSetLang.RS_CSV;
                case "tsv" -> ResultSetLang.RS_TSV;
                default -> ResultSetLang.RS_JSON;
            };
            ResultSet rs = ResultsReader.create().lang(lang).build()
                    .read(new ByteArrayInputStream(r.out().getBytes(StandardCharsets.UTF_8)));
            assertEquals(expected.vars(), rs.getResultVars(), fmt);
            List<List<String>> rows = new ArrayList<>();
            while (rs.hasNext()) {
                var b = rs.nextBinding();
                List<String> row = new ArrayList<>();
                for (String v : rs.getResultVars()) {
                    Node n = b.get(org.apache.jena.sparql.core.Var.alloc(v));
                    row.add(n == null ? "" : n.isLiteral() ? n.getLiteralLexicalForm() : n.toString());
                }
                rows.add(row);
            }
            assertEquals(expected.table(), rows, fmt);
        }
        JsonNode json = new ObjectMapper().readTree(run("query", "run", "reports", "--db", store.toString(), "--format", "json").out());
        assertEquals(5, json.get("results").get("bindings").size());
        assertEquals("region", json.get("head").get("vars").get(0).asText());
    }

    @Test
    void tableColumnsLineUpWithChineseCountedDoubleWidth() {
        CliRun r = run("query", "run", "reports", "--db", store.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals("(5 rows)", lines.get(lines.size() - 1));
        String rule = lines.get(1);
        List<Integer> starts = new ArrayList<>();
        for (int i = 0; i < rule.length(); i++) if (rule.charAt(i) == '-' && (i == 0 || rule.charAt(i - 1) == ' ')) starts.add(i);
        assertEquals(9, starts.size());
        for (String line : lines.subList(0, lines.size() - 1)) {
            if (line.equals(rule)) continue;
            // Lay the line out in terminal columns.
            List<Integer> cells = new ArrayList<>();
            line.codePoints().forEach(cp -> {
                for (int k = 0; k < ResultFormat.charWidth(cp); k++) cells.add(k == 0 ? cp : -1);
            });
            for (int s : starts.subList(1, starts.size())) {
                assertEquals(' ', (int) cells.get(s - 1), line);
                if (s < cells.size()) assertTrue(cells.get(s) != -1, "column at " + s + " cuts a wide character in: " + line);
            }
        }
        assertTrue(r.out().contains("江西省南昌市南昌县"));
    }

    @Test
    void theStoreGivesTheSameTablesAsMemory() {
        // A TDB2 store writes decimals canonically (233.0); tables show them as the report wrote them.
        for (String name : TestStore.queries().names()) {
            for (List<String> params : QueryParams.of(name)) {
                List<String> args = new ArrayList<>(List.of("query", "run", name, "--db", store.toString(), "--format", "md"));
                args.addAll(QueryParams.args(params));
                CliRun r = run(args.toArray(String[]::new));
                assertEquals(0, r.exit(), r.err());
                Map<String, String> bound = new java.util.HashMap<>();
                for (String p : params) bound.put(p.substring(0, p.indexOf('=')), p.substring(p.indexOf('=') + 1));
                QueryResult memory = TestStore.runner().run(TestStore.queries().get(name), bound);
                assertEquals(unordered(ResultFormat.MD.toString(memory)), unordered(r.out()), name + " " + params);
            }
        }
    }

    /** GROUP_CONCAT lists come in no set order: sort each cell's items ("、" or " / " separated). */
    static List<String> unordered(String md) {
        List<String> out = new ArrayList<>();
        for (String line : md.lines().toList()) {
            List<String> cells = new ArrayList<>();
            for (String cell : line.replaceAll("^\\| | \\|$", "").split(" \\| ")) {
                List<String> items = new ArrayList<>(List.of(cell.split("、| / ")));
                java.util.Collections.sort(items);
                cells.add(String.join("、", items));
            }
            out.add(String.join(" | ", cells));
        }
        return out;
    }

    @Test
    void markdownHasOneLinePerRow() {
        CliRun r = run("query", "run", "reports-by-level", "--db", store.toString(), "--format", "md");
        assertEquals(0, r.exit(), r.err());
        List<String> lines = r.out().lines().toList();
        assertEquals(2 + 4, lines.size(), r.out());
        assertEquals("| level | reports | region_list |", lines.get(0));
        assertEquals("| --- | --- | --- |", lines.get(1));
        for (String l : lines) assertTrue(l.startsWith("| ") && l.endsWith(" |"), l);
        assertTrue(r.out().contains("| 县级 | 2 |"));
    }

    @Test
    void hostileParameterOnTheCommandLineMatchesNothing() {
        CliRun r = run("query", "run", "regions-practising-program", "--db", store.toString(), "--format", "csv",
                "--param", "program=枫桥经验\" } DROP ALL #");
        assertEquals(0, r.exit(), r.err());
        assertEquals("region,year,status,surface,quote", r.out().strip());
        // and the store still answers
        CliRun again = run("query", "run", "regions-practising-program", "--db", store.toString(), "--format", "csv");
        assertEquals(1 + direct("regions-practising-program").size(), again.out().strip().lines().count());
    }

    @Test
    void theSameQueryRunsOnAnEndpoint() {
        for (String name : new String[] {"regions-practising-program", "indicator-across-regions", "program-cooccurrence"}) {
            CliRun r = run("query", "run", name, "--endpoint", endpoint, "--format", "tsv");
            assertEquals(0, r.exit(), r.err());
            assertEquals(ResultFormat.TSV.toString(direct(name)), r.out(), name);
        }
        CliRun down = run("query", "run", "reports", "--endpoint", "http://127.0.0.1:1/sparql");
        assertEquals(Fazhi.SOME_FAILED, down.exit());
        assertFalse(down.err().isEmpty());
    }

    @Test
    void limitAndOffsetReadAPageOfTheAnswer() {
        CliRun all = run("query", "run", "reports", "--db", store.toString(), "--format", "csv");
        CliRun page = run("query", "run", "reports", "--db", store.toString(), "--format", "csv", "--limit", "2", "--offset", "1");
        assertEquals(0, page.exit(), page.err());
        List<String> lines = List.of(all.out().split("\r\n")), paged = List.of(page.out().split("\r\n"));
        assertEquals(lines.get(0), paged.get(0), "the header");
        assertEquals(lines.subList(2, 4), paged.subList(1, paged.size()), "rows 2 and 3");
    }
}
