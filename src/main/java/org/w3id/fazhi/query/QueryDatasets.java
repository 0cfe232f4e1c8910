package org.w3id.fazhi.query;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.apache.jena.tdb2.TDB2;
import org.apache.jena.tdb2.TDB2Factory;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.recognize.ReportRecognizer;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The datasets saved queries run on. Either way the default graph is the union of the named graphs:
 * one graph per report ({@code {base}graph/report/{key}}) and the vocabulary graphs
 * {@code {base}graph/ontology}, {@code graph/programs} (programs and themes), {@code graph/indicators}
 * and {@code graph/regions}.
 */
public final class QueryDatasets {

    private QueryDatasets() {}

    /**
     * Opens the TDB2 store in {@code dir} with the union of its named graphs as the default graph.
     * Queries run in read transactions. A folder that holds no TDB2 database is an error (it is not
     * created). The store package's opener may replace this one: it is the only place the CLI opens a store.
     */
    public static Dataset openTdb2(Path dir) {
        if (!Files.isDirectory(dir)) throw new QueryException("no store at " + dir + " (not a folder)");
        try (Stream<Path> files = Files.list(dir)) {
            boolean tdb2 = files.anyMatch(p -> p.getFileName().toString().startsWith("Data-"));
            if (!tdb2) throw new QueryException("no TDB2 store at " + dir + " (no Data-NNNN folder)");
        } catch (IOException e) {
            throw new QueryException("cannot read " + dir + ": " + e.getMessage(), e);
        }
        Dataset ds = TDB2Factory.connectDataset(dir.toString());
        ds.getContext().set(TDB2.symUnionDefaultGraph, true);
        return ds;
    }

    /** The vocabulary graphs under {@code base}: graph IRI → the bundled files it holds. */
    public static Map<String, List<String>> vocabularyGraphs(String base) {
        Map<String, List<String>> m = new LinkedHashMap<>();
        m.put(base + "graph/ontology", List.of("fazhi.ttl"));
        m.put(base + "graph/programs", List.of("programs.ttl", "themes.ttl"));
        m.put(base + "graph/indicators", List.of("indicators.ttl"));
        m.put(base + "graph/regions", List.of("regions.ttl"));
        return m;
    }

    /**
     * An in-memory dataset made on the fly: the given reports (files, folders, URLs) extracted into
     * one named graph each, the bundled vocabulary graphs, and a default graph holding a copy of every
     * triple of them all (the union, as the store shows it). Inputs that cannot be read are passed to
     * {@code problems}; if none can be read it is an error.
     */
    public static Dataset fromReports(List<String> inputs, String base, Consumer<String> problems) {
        SourceBatch batch = SourceReader.builder().build().read(inputs);
        for (SourceProblem p : batch.problems()) problems.accept(p.message());
        if (batch.documents().isEmpty()) throw new QueryException("no report could be read from " + String.join(" ", inputs));
        Extractor extractor = Extractor.builder().base(base).build();
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        for (SourceDocument doc : batch.documents()) {
            try {
                ExtractedReport r = extractor.extract(doc);
                add(dsg, r.graphIri(), r.graph());
            } catch (RuntimeException e) {
                problems.accept(doc.location() + ": extraction failed: " + e);
            }
        }
        addVocabularies(dsg, base);
        return DatasetFactory.wrap(dsg);
    }

    /** {@link #fromReports(List, String, Consumer)} under the default base. */
    public static Dataset fromReports(List<String> inputs) {
        return fromReports(inputs, IriMinter.DEFAULT_BASE, p -> { });
    }

    /** Adds the bundled vocabulary graphs as named graphs, and their triples to the default graph. */
    public static void addVocabularies(DatasetGraph dsg, String base) {
        for (Map.Entry<String, List<String>> e : vocabularyGraphs(base).entrySet()) {
            for (String file : e.getValue()) add(dsg, e.getKey(), ReportRecognizer.bundled(file));
        }
    }

    /** Adds {@code model} as (part of) the named graph {@code graphIri} and to the default graph. */
    public static void add(DatasetGraph dsg, String graphIri, Model model) {
        Node g = NodeFactory.createURI(graphIri);
        Graph graph = model.getGraph();
        graph.find().forEach(t -> {
            dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
            dsg.getDefaultGraph().add(t);
        });
    }
}
