package org.w3id.fazhi.store;

import org.w3id.fazhi.extract.LoadSummary;

import com.sun.net.httpserver.HttpServer;
import org.apache.jena.fuseki.main.FusekiServer;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.system.Txn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.junit.jupiter.api.Assertions.*;

/** {@code fazhi load --target}: pushing report graphs to a second, in-memory Fuseki over the Graph Store Protocol. */
class GraphStorePusherTest {

    static FusekiServer fuseki;
    static DatasetGraph remote;

    @BeforeAll
    static void start() {
        // As a store is usually set up: the default graph is the union of the named graphs.
        remote = org.apache.jena.tdb2.DatabaseMgr.createDatasetGraph();
        remote.getContext().set(org.apache.jena.tdb2.TDB2.symUnionDefaultGraph, true);
        fuseki = FusekiServer.create().port(0).loopback(true).add("/ds", remote).build().start();
    }

    @AfterAll
    static void stop() {
        fuseki.stop();
    }

    private static String target() { return "http://localhost:" + fuseki.getHttpPort() + "/ds/data"; }

    private static long size(String graph) {
        return Txn.calculateRead(remote, () -> remote.getGraph(NodeFactory.createURI(graph)).size());
    }

    private static List<String> reportGraphs() {
        return Txn.calculateRead(remote, () -> {
            List<String> out = new java.util.ArrayList<>();
            remote.listGraphNodes().forEachRemaining(n -> { if (n.getURI().contains("/graph/report/")) out.add(n.getURI()); });
            return out;
        });
    }

    @Test
    void pushesReplacesAndResumes(@TempDir Path dir) throws Exception {
        Txn.executeWrite(remote, remote::clear);
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        for (String f : List.of("gaotai-county-2020.txt", "nanchang-county-2023.txt")) {
            Files.copy(Path.of("data/reports", f), reports.resolve(f));
        }
        Path state = dir.resolve("state.tsv");
        GraphStorePusher pusher = GraphStorePusher.builder().target(target()).state(state).backoff(Duration.ofMillis(5)).build();
        LoadSummary first = pusher.push(List.of(reports.toString()));
        assertEquals(2, first.loaded().size(), first.describe());
        assertTrue(first.problems().isEmpty(), first.problems().toString());
        assertFalse(first.vocabularies().isEmpty());
        List<String> graphs = reportGraphs();
        assertEquals(2, graphs.size(), graphs.toString());
        String gaotai = graphs.stream().filter(g -> g.contains("620724-2020")).findFirst().orElseThrow();
        long before = size(gaotai);
        assertTrue(before > 100);

        // rerun: nothing changed, nothing sent
        LoadSummary again = GraphStorePusher.builder().target(target()).state(state).build().push(List.of(reports.toString()));
        assertEquals(0, again.loaded().size());
        assertEquals(2, again.skipped().size());
        assertTrue(again.vocabularies().isEmpty());

        // a changed report is sent again, and its graph replaced (not added to)
        Path file = reports.resolve("gaotai-county-2020.txt");
        String text = Files.readString(file, StandardCharsets.UTF_8);
        int cut = text.indexOf("二、存在的问题");
        Files.writeString(file, text.substring(0, cut), StandardCharsets.UTF_8);
        LoadSummary changed = GraphStorePusher.builder().target(target()).state(state).build().push(List.of(reports.toString()));
        assertEquals(List.of(file.toString()), changed.loaded());
        assertEquals(1, changed.skipped().size());
        long after = size(gaotai);
        assertTrue(after > 0 && after < before, before + " -> " + after);
        assertEquals(2, reportGraphs().size());

        // The target computed the rollups from what it holds: those of a local store of the same reports.
        try (KnowledgeStore local = KnowledgeStore.builder().folder(dir.resolve("local")).build()) {
            StoreLoader.builder().store(local).build().load(List.of(reports.toString()));
            String rollups = local.graphs().rollups();
            org.apache.jena.graph.Graph here = Txn.calculateRead(local.dataset(), () -> {
                org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                local.dataset().asDatasetGraph().getGraph(NodeFactory.createURI(rollups)).find().forEachRemaining(g::add);
                return g;
            });
            org.apache.jena.graph.Graph there = Txn.calculateRead(remote, () -> {
                org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
                remote.getGraph(NodeFactory.createURI(rollups)).find().forEachRemaining(g::add);
                return g;
            });
            assertTrue(here.size() > 20, "local rollups: " + here.size());
            assertTrue(here.isIsomorphicWith(there), "rollups pushed: " + there.size() + " triples, local: " + here.size());
        }
    }

    @Test
    void aReportThatTakesAnotherNameLeavesNoGraphBehind(@TempDir Path dir) throws Exception {
        Txn.executeWrite(remote, remote::clear);
        Path reports = dir.resolve("reports");
        Files.createDirectories(reports);
        Path file = reports.resolve("nanchang-county-2023.txt");
        Files.copy(Path.of("data/reports/nanchang-county-2023.txt"), file);
        Path state = dir.resolve("state.tsv");
        GraphStorePusher.builder().target(target()).state(state).build().push(List.of(reports.toString()));
        assertEquals(List.of("https://w3id.org/fazhi/graph/report/360121-2023"), reportGraphs());

        // the same file, now another year's report: the old graph is deleted, as a local load removes it
        Files.writeString(file, Files.readString(file, StandardCharsets.UTF_8).replace("2023", "2022"), StandardCharsets.UTF_8);
        LoadSummary changed = GraphStorePusher.builder().target(target()).state(state).build().push(List.of(reports.toString()));
        assertEquals(1, changed.loaded().size(), changed.describe());
        assertEquals(List.of("https://w3id.org/fazhi/graph/report/360121-2022"), reportGraphs());
        assertFalse(Files.readString(state, StandardCharsets.UTF_8).contains("360121-2023"));
    }

    @Test
    void retriesWithBackOffThenGivesUp(@TempDir Path dir) throws Exception {
        AtomicInteger calls = new AtomicInteger();
        AtomicInteger failures = new AtomicInteger(2);
        HttpServer flaky = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        flaky.createContext("/ds/data", exchange -> {
            calls.incrementAndGet();
            exchange.getRequestBody().readAllBytes();
            int status = failures.getAndDecrement() > 0 ? 503 : 204;
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        flaky.start();
        try {
            String url = "http://127.0.0.1:" + flaky.getAddress().getPort() + "/ds/data";
            GraphStorePusher pusher = GraphStorePusher.builder().target(url).state(dir.resolve("s.tsv"))
                    .attempts(4).backoff(Duration.ofMillis(5)).build();
            org.apache.jena.graph.Graph g = org.apache.jena.sparql.graph.GraphFactory.createDefaultGraph();
            g.add(NodeFactory.createURI("urn:s"), NodeFactory.createURI("urn:p"), NodeFactory.createLiteralString("o"));
            pusher.put("urn:g", g);
            assertEquals(3, calls.get(), "two 503s, then success");

            failures.set(100);
            calls.set(0);
            assertThrows(java.io.IOException.class, () -> pusher.put("urn:g", g));
            assertEquals(4, calls.get(), "gives up after the attempts");
        } finally {
            flaky.stop(0);
        }
    }
}
