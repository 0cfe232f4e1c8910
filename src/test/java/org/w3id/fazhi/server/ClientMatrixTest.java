package org.w3id.fazhi.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.riot.Lang;
import org.apache.jena.riot.RDFLanguages;
import org.apache.jena.riot.RDFParser;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.sparql.graph.GraphFactory;
import org.eclipse.rdf4j.rio.RDFFormat;
import org.eclipse.rdf4j.rio.Rio;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * The linked-data matrix: real clients read a report, its graph, a region, a program, an indicator
 * and the ontology in every format each of them asks for, and every one reads the same triples:
 * Python's rdflib (Debian's python3-rdflib, {@code Graph.parse(url, format=…)} with its own Accept
 * headers), Jena RIOT, RDF4J Rio, N3.js and jsonld.js (Node, {@code src/test/node}), curl, wget and
 * a plain JSON reader. Each cell is compared with what the store holds for the resource: the same
 * count and the same graph (blank nodes up to isomorphism; numbers by value, since a JSON number
 * read by a JSON-LD processor is an xsd:integer or xsd:double where the store has xsd:decimal).
 *
 * <p>Needs python3-rdflib, node with {@code npm ci} run in {@code src/test/node}, curl and wget
 * ({@code .ci/run} installs them); skipped without them, unless {@code FAZHI_REQUIRE_CLIENTS=1}
 * (set by {@code .ci/run}), when it fails.
 */
@ExtendWith(TestServer.Shared.class)
class ClientMatrixTest {

    static final Path NODE_CLIENTS = Path.of("src/test/node");
    static final Path RDFLIB_CLIENT = Path.of("src/test/python/rdflib_client.py");
    static final String PYTHON = "/usr/bin/python3";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The resources, by what they are. */
    static final Map<String, String> RESOURCES = new LinkedHashMap<>();
    static {
        RESOURCES.put("report", "/id/report/360121-2023");
        RESOURCES.put("report graph", "/graph/report/360121-2023");
        RESOURCES.put("region", "/id/region/360121");
        RESOURCES.put("program", "/id/program/fengqiao-experience");
        RESOURCES.put("indicator", "/id/indicator/reconsideration-received");
        RESOURCES.put("ontology", "/ontology");
    }

    /** Resources served as named graphs, which are also offered as quads (TriG, N-Quads). */
    static boolean isGraph(String kind) { return kind.equals("report graph") || kind.equals("ontology"); }

    static TestServer server;

    /** client → format → resource → triples read (or the error). */
    final Map<String, Map<String, Map<String, Cell>>> matrix = new TreeMap<>();

    record Cell(Graph graph, String error) {}

    @BeforeAll
    static void start(TestServer shared) {
        server = shared;
    }

    @Test
    void everyClientReadsTheSameTriplesInEveryFormat() throws Exception {
        boolean required = "1".equals(System.getenv("FAZHI_REQUIRE_CLIENTS"));
        List<String> missing = new ArrayList<>();
        if (!runs(PYTHON, "-c", "import rdflib")) missing.add("python3-rdflib");
        if (!runs("node", "-e", "require('n3'); require('jsonld')")) missing.add("node with src/test/node's packages (npm ci)");
        if (!runs("curl", "--version")) missing.add("curl");
        if (!runs("wget", "--version")) missing.add("wget");
        if (!missing.isEmpty() && required) fail("missing, and FAZHI_REQUIRE_CLIENTS=1: " + missing);
        assumeTrue(missing.isEmpty(), "missing: " + missing + ": skipped");

        Map<String, Graph> expected = new LinkedHashMap<>();
        for (Map.Entry<String, String> r : RESOURCES.entrySet()) expected.put(r.getKey(), expected(r.getKey(), r.getValue()));

        rdflib();
        jena();
        rdf4j();
        node();
        curlAndWget();

        StringBuilder table = new StringBuilder("client\tformat");
        RESOURCES.keySet().forEach(k -> table.append('\t').append(k));
        table.append('\n').append("(the store)\t");
        expected.values().forEach(g -> table.append('\t').append(g.size()));
        table.append('\n');
        List<String> wrong = new ArrayList<>();
        int cells = 0;
        for (var client : matrix.entrySet()) {
            for (var format : client.getValue().entrySet()) {
                table.append(client.getKey()).append('\t').append(format.getKey());
                for (String kind : RESOURCES.keySet()) {
                    Cell c = format.getValue().get(kind);
                    if (c == null) {
                        table.append("\t–");
                        continue;
                    }
                    cells++;
                    if (c.error() != null) {
                        table.append("\terror");
                        wrong.add(client.getKey() + " " + format.getKey() + " " + kind + ": " + c.error());
                        continue;
                    }
                    table.append('\t').append(c.graph().size());
                    Graph want = expected.get(kind);
                    if (c.graph().size() != want.size() || !byValue(c.graph()).isIsomorphicWith(byValue(want))) {
                        wrong.add(client.getKey() + " " + format.getKey() + " " + kind + ": " + c.graph().size()
                                + " triples, the store has " + want.size() + difference(c.graph(), want));
                    }
                }
                table.append('\n');
            }
        }
        System.out.println("ClientMatrixTest: triples read, by client, format and resource\n" + table);
        assertTrue(cells >= 300, "cells: " + cells);
        assertTrue(wrong.isEmpty(), wrong.size() + " cell(s) differ:\n" + String.join("\n", wrong) + "\n" + table);
    }

    /** What the store holds: a graph whole; else the description (DESCRIBE), and for a report the link to its graph. */
    static Graph expected(String kind, String path) {
        Dataset ds = server.store().dataset();
        String base = server.store().graphs().base();
        return ds.calculateRead(() -> {
            Graph g = GraphFactory.createDefaultGraph();
            if (kind.equals("report graph")) {
                ds.asDatasetGraph().getGraph(NodeFactory.createURI(base + path.substring(1))).find().forEachRemaining(g::add);
            } else if (kind.equals("ontology")) {
                ds.asDatasetGraph().getGraph(NodeFactory.createURI(base + "graph/ontology")).find().forEachRemaining(g::add);
            } else {
                String iri = base + path.substring(1);
                try (QueryExecution qe = QueryExecution.dataset(ds).query("DESCRIBE <" + iri + ">").build()) {
                    qe.execDescribe().getGraph().find().forEachRemaining(g::add);
                }
                if (kind.equals("report")) {
                    g.add(Triple.create(NodeFactory.createURI(iri), LinkedDataServlet.DESCRIBED_BY.asNode(),
                            NodeFactory.createURI(base + "graph/report/" + path.substring("/id/report/".length()))));
                }
            }
            assertTrue(g.size() > 10, kind + " has " + g.size() + " triples in the store");
            return g;
        });
    }

    // ---- the clients ----

    /** rdflib: every format name it registers a parser for, by its own Accept header where it sends one. */
    void rdflib() throws Exception {
        // Names for which rdflib 6 sends an Accept header of its own (or, with none, reads the answer's type):
        List<String> negotiated = List.of("-", "xml", "application/rdf+xml", "n3", "turtle", "nt", "json-ld");
        // Names it sends no Accept of its own for (its default asks for RDF/XML first): read at the IRI
        // of the representation (suffix), as the Link header's alternates name it.
        Map<String, String> bySuffix = new LinkedHashMap<>();
        for (String f : List.of("ttl", "text/turtle", "text/n3")) bySuffix.put(f, "ttl");
        for (String f : List.of("nt11", "ntriples", "application/n-triples")) bySuffix.put(f, "nt");
        bySuffix.put("application/ld+json", "jsonld");
        for (String f : List.of("trix", "application/trix")) bySuffix.put(f, "trix");
        Map<String, String> quads = Map.of("nquads", "nq", "application/n-quads", "nq", "trig", "trig", "application/trig", "trig");

        StringBuilder jobs = new StringBuilder();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (var r : RESOURCES.entrySet()) {
            for (String f : negotiated) job(jobs, names, r.getKey(), f, server.url(r.getValue()), f);
            for (var f : bySuffix.entrySet()) job(jobs, names, r.getKey(), f.getKey() + " (." + f.getValue() + ")",
                    server.url(r.getValue() + "." + f.getValue()), f.getKey());
            if (isGraph(r.getKey())) {
                for (var f : quads.entrySet()) job(jobs, names, r.getKey(), f.getKey() + " (." + f.getValue() + ")",
                        server.url(r.getValue() + "." + f.getValue()), f.getKey());
            }
        }
        JsonNode out = JSON.readTree(run(jobs.toString(), null, PYTHON, RDFLIB_CLIENT.toString()));
        String client = "rdflib " + out.path("rdflib").asText();
        for (var n : names.entrySet()) record(client, n.getValue()[1], n.getValue()[0], out.path(n.getKey()));
    }

    private static void job(StringBuilder jobs, Map<String, String[]> names, String kind, String label, String url, String arg) {
        String name = "j" + names.size();
        names.put(name, new String[] {kind, label});
        jobs.append(name).append('\t').append(url).append('\t').append(arg).append('\n');
    }

    /** Jena RIOT: RDFParser reading the URL with each media type as its Accept header, and with its own. */
    void jena() {
        List<String> accepts = List.of("(its own)", "text/turtle", "application/n-triples", "text/plain", "text/n3",
                "application/rdf+xml", "application/ld+json", "application/json", "application/trix");
        for (var r : RESOURCES.entrySet()) {
            List<String> all = new ArrayList<>(accepts);
            if (isGraph(r.getKey())) all.addAll(List.of("application/trig", "application/n-quads"));
            for (String accept : all) {
                Cell c;
                try {
                    org.apache.jena.riot.RDFParserBuilder b = RDFParser.source(server.url(r.getValue()));
                    if (!accept.startsWith("(")) b.acceptHeader(accept);
                    // text/plain says nothing of the syntax to Jena: the hint is what the client asked for.
                    if (accept.equals("text/plain")) b.lang(Lang.NTRIPLES);
                    // Nor does application/json: a client that asks for it of a linked-data server means JSON-LD.
                    if (accept.equals("application/json")) b.lang(Lang.JSONLD);
                    DatasetGraph dsg = DatasetGraphFactory.create();
                    b.parse(dsg);
                    c = new Cell(allTriples(dsg), null);
                } catch (RuntimeException e) {
                    c = new Cell(null, e.toString());
                }
                put("Jena RIOT", accept, r.getKey(), c);
            }
        }
    }

    /** RDF4J Rio: each format's media type as Accept, the parser Rio picks for the answer's Content-Type. */
    void rdf4j() throws Exception {
        List<RDFFormat> formats = List.of(RDFFormat.TURTLE, RDFFormat.NTRIPLES, RDFFormat.N3, RDFFormat.RDFXML,
                RDFFormat.JSONLD, RDFFormat.TRIX);
        for (var r : RESOURCES.entrySet()) {
            List<String> accepts = new ArrayList<>(formats.stream().map(RDFFormat::getDefaultMIMEType).toList());
            accepts.add("text/plain");
            if (isGraph(r.getKey())) accepts.addAll(List.of(RDFFormat.TRIG.getDefaultMIMEType(), RDFFormat.NQUADS.getDefaultMIMEType()));
            for (String accept : accepts) {
                Cell c;
                try {
                    HttpResponse<byte[]> resp = server.http().send(HttpRequest.newBuilder(URI.create(server.url(r.getValue())))
                            .header("Accept", accept).build(), HttpResponse.BodyHandlers.ofByteArray());
                    assertEquals(200, resp.statusCode(), accept);
                    String type = resp.headers().firstValue("Content-Type").orElse("");
                    RDFFormat format = Rio.getParserFormatForMIMEType(type).orElseThrow(() -> new IllegalStateException("no Rio parser for " + type));
                    org.eclipse.rdf4j.model.Model m = Rio.parse(new ByteArrayInputStream(resp.body()), server.url(r.getValue()), format);
                    ByteArrayOutputStream nt = new ByteArrayOutputStream();
                    Rio.write(m, nt, RDFFormat.NTRIPLES);
                    c = new Cell(RDFParser.fromString(nt.toString(StandardCharsets.UTF_8), Lang.NTRIPLES).toGraph(), null);
                } catch (Exception e) {
                    c = new Cell(null, e.toString());
                }
                put("RDF4J Rio", accept, r.getKey(), c);
            }
        }
    }

    /** N3.js (every syntax it reads), jsonld.js (its own document loader) and a plain JSON reader. */
    void node() throws Exception {
        StringBuilder jobs = new StringBuilder();
        Map<String, String[]> names = new LinkedHashMap<>();
        for (var r : RESOURCES.entrySet()) {
            List<String> accepts = new ArrayList<>(List.of("-", "text/turtle", "application/n-triples", "text/n3", "text/plain"));
            if (isGraph(r.getKey())) accepts.addAll(List.of("application/trig", "application/n-quads"));
            for (String a : accepts) nodeJob(jobs, names, r, "n3", a);
            nodeJob(jobs, names, r, "jsonld", "-");
            nodeJob(jobs, names, r, "json", "application/json");
        }
        JsonNode out = JSON.readTree(run(jobs.toString(), NODE_CLIENTS.toFile(), "node", "clients.js"));
        for (var n : names.entrySet()) {
            String[] v = names.get(n.getKey());
            String client = switch (v[2]) {
                case "n3" -> "N3.js " + out.path("n3").asText();
                case "jsonld" -> "jsonld.js " + out.path("jsonld").asText();
                default -> "plain JSON (fetch, JSON.parse)";
            };
            record(client, v[1], v[0], out.path(n.getKey()));
        }
    }

    private static void nodeJob(StringBuilder jobs, Map<String, String[]> names, Map.Entry<String, String> r, String client, String accept) {
        String name = "j" + names.size();
        names.put(name, new String[] {r.getKey(), accept.equals("-") ? "(its own)" : accept, client});
        jobs.append(name).append('\t').append(client).append('\t').append(server.url(r.getValue())).append('\t').append(accept).append('\n');
    }

    /** curl and wget with their own Accept (any) and each media type; the body parsed by its Content-Type. */
    void curlAndWget() throws Exception {
        Path dir = Files.createTempDirectory("fazhi-clients");
        try {
            int n = 0;
            for (var r : RESOURCES.entrySet()) {
                List<String> accepts = new ArrayList<>(List.of("(its own)", "text/turtle", "application/n-triples", "text/plain",
                        "text/n3", "application/rdf+xml", "application/ld+json", "application/json", "application/trix"));
                if (isGraph(r.getKey())) accepts.addAll(List.of("application/trig", "application/n-quads"));
                for (String accept : accepts) {
                    Path body = dir.resolve("b" + (n++));
                    List<String> curl = new ArrayList<>(List.of("curl", "-s", "-f", "-o", body.toString(), "-w", "%{content_type}"));
                    if (!accept.startsWith("(")) curl.addAll(List.of("-H", "Accept: " + accept));
                    curl.add(server.url(r.getValue()));
                    put("curl", accept, r.getKey(), parsed(body, run("", null, curl.toArray(String[]::new))));

                    Path body2 = dir.resolve("b" + (n++));
                    List<String> wget = new ArrayList<>(List.of("wget", "-S", "-nv", "-O", body2.toString()));
                    if (!accept.startsWith("(")) wget.add("--header=Accept: " + accept);
                    wget.add(server.url(r.getValue()));
                    String headers = runErr(wget.toArray(String[]::new));
                    Matcher m = Pattern.compile("(?im)^\\s*Content-Type:\\s*(.+)$").matcher(headers);
                    String type = null;
                    while (m.find()) type = m.group(1).trim();
                    put("wget", accept, r.getKey(), parsed(body2, type));
                }
            }
        } finally {
            try (var files = Files.walk(dir)) {
                for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
            }
        }
    }

    /** A downloaded body read by Jena in the syntax its Content-Type names (text/plain: N-Triples, as served). */
    private static Cell parsed(Path body, String contentType) {
        try {
            if (contentType == null || contentType.isBlank()) return new Cell(null, "no Content-Type");
            String type = contentType.split(";")[0].trim();
            Lang lang = type.equals("text/plain") ? Lang.NTRIPLES
                    : type.equals("application/json") ? Lang.JSONLD : RDFLanguages.contentTypeToLang(type);
            if (lang == null) return new Cell(null, "not RDF: " + contentType);
            DatasetGraph dsg = DatasetGraphFactory.create();
            RDFParser.source(body).lang(lang).base("http://localhost/").parse(dsg);
            return new Cell(allTriples(dsg), null);
        } catch (RuntimeException e) {
            return new Cell(null, e.toString());
        }
    }

    // ---- helpers ----

    private void record(String client, String format, String kind, JsonNode result) {
        if (result.has("nt")) {
            try {
                put(client, format, kind, new Cell(RDFParser.fromString(result.get("nt").asText(), Lang.NTRIPLES).toGraph(), null));
            } catch (RuntimeException e) {
                put(client, format, kind, new Cell(null, "unreadable N-Triples from the client: " + e));
            }
        } else {
            put(client, format, kind, new Cell(null, result.path("error").asText("no answer")));
        }
    }

    private void put(String client, String format, String kind, Cell c) {
        matrix.computeIfAbsent(client, k -> new TreeMap<>()).computeIfAbsent(format, k -> new LinkedHashMap<>()).put(kind, c);
    }

    /** Every triple of every graph of a dataset (a quads format's named graph, a triples format's default graph). */
    static Graph allTriples(DatasetGraph dsg) {
        Graph g = GraphFactory.createDefaultGraph();
        dsg.find().forEachRemaining(q -> g.add(q.asTriple()));
        return g;
    }

    /**
     * The graph with every number written as its decimal value, so xsd:integer 10, xsd:decimal 10.0
     * and xsd:double 1.0E1 compare equal (a double by its shortest decimal: jsonld.js writes 99.6 as
     * 9.959999999999999E1, the same double), and every xsd:dateTime as its instant (rdflib writes
     * .525Z as .525000+00:00).
     */
    static Graph byValue(Graph g) {
        Graph out = GraphFactory.createDefaultGraph();
        g.find().forEachRemaining(t -> out.add(Triple.create(t.getSubject(), t.getPredicate(), number(t.getObject()))));
        return out;
    }

    private static Node number(Node o) {
        if (!o.isLiteral()) return o;
        String dt = o.getLiteralDatatypeURI();
        if (dt.equals(XSDDatatype.XSDdateTime.getURI())) {
            try {
                return NodeFactory.createLiteralDT(java.time.OffsetDateTime.parse(o.getLiteralLexicalForm()).toInstant().toString(),
                        XSDDatatype.XSDdateTime);
            } catch (java.time.format.DateTimeParseException e) {
                return o;
            }
        }
        if (!(dt.equals(XSDDatatype.XSDinteger.getURI()) || dt.equals(XSDDatatype.XSDdecimal.getURI())
                || dt.equals(XSDDatatype.XSDdouble.getURI()))) return o;
        try {
            String lexical = o.getLiteralLexicalForm().trim();
            if (dt.equals(XSDDatatype.XSDdouble.getURI())) lexical = Double.toString(Double.parseDouble(lexical));
            BigDecimal v = new BigDecimal(lexical).stripTrailingZeros();
            return NodeFactory.createLiteralDT(v.signum() == 0 ? "0" : v.toPlainString(), XSDDatatype.XSDdecimal);
        } catch (NumberFormatException e) {
            return o;
        }
    }

    /** A few triples on either side only, to say what differs. */
    private static String difference(Graph got, Graph want) {
        Graph a = byValue(got), b = byValue(want);
        List<String> onlyGot = new ArrayList<>(), onlyWant = new ArrayList<>();
        a.find().forEachRemaining(t -> { if (!t.getSubject().isBlank() && !t.getObject().isBlank() && !b.contains(t) && onlyGot.size() < 3) onlyGot.add(t.toString()); });
        b.find().forEachRemaining(t -> { if (!t.getSubject().isBlank() && !t.getObject().isBlank() && !a.contains(t) && onlyWant.size() < 3) onlyWant.add(t.toString()); });
        return "; read only: " + onlyGot + "; store only: " + onlyWant;
    }

    static boolean runs(String... command) {
        try {
            Process p = new ProcessBuilder(command).directory(NODE_CLIENTS.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException | InterruptedException e) {
            return false;
        }
    }

    /** Runs a command with {@code input} on its standard input; its standard output. */
    static String run(String input, File dir, String... command) throws IOException, InterruptedException {
        Path err = Files.createTempFile("client", ".err");
        try {
            Process p = new ProcessBuilder(command).directory(dir).redirectError(err.toFile()).start();
            try (var in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(300, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(String.join(" ", command) + ": timed out");
            }
            return new String(out, StandardCharsets.UTF_8);
        } finally {
            Files.deleteIfExists(err);
        }
    }

    /** Runs a command; its standard error (where wget -S writes the headers). */
    static String runErr(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        byte[] err = p.getErrorStream().readAllBytes();
        p.waitFor(120, TimeUnit.SECONDS);
        return new String(err, StandardCharsets.UTF_8);
    }
}
