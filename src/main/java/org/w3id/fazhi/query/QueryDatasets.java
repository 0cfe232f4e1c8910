package org.w3id.fazhi.query;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.rdf.model.Model;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.fazhi.extract.ExtractedReport;
import org.w3id.fazhi.extract.Extractor;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.recognize.ReportRecognizer;
import org.w3id.fazhi.source.SourceBatch;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;
import org.w3id.fazhi.store.StoreGraphs;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The datasets saved queries run on. Either way the default graph is the union of the named graphs:
 * one graph per report ({@code {base}graph/report/{key}}) and the vocabulary graphs
 * {@code {base}graph/ontology}, {@code graph/programs} (programs and themes), {@code graph/indicators}
 * and {@code graph/regions}.
 */
public final class QueryDatasets {

    private QueryDatasets() {}

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
        for (Map.Entry<String, List<String>> e : new StoreGraphs(base).vocabularies().entrySet()) {
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
