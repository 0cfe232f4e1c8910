package org.w3id.fazhi.query;

import org.apache.jena.graph.Graph;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.ExtractionResult;
import org.w3id.fazhi.extract.GraphSink;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.store.Rollups;
import org.w3id.fazhi.store.StoreGraphs;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Datasets made in memory for saved queries, shaped like the store: one named graph per report
 * ({@code {base}graph/report/{key}}), the vocabulary graphs ({@code {base}graph/ontology},
 * {@code graph/programs} with the themes, {@code graph/indicators}, {@code graph/regions}) under the
 * same base, the cross-report {@link Rollups} ({@code {base}graph/rollups}), and a default graph
 * holding a copy of every triple of them all (the union, as the store shows it).
 */
public final class QueryDatasets {

    private QueryDatasets() {}

    /**
     * The given reports (files, folders, URLs) extracted under {@code base}. Inputs that cannot be
     * read or extracted are passed to {@code problems}; if no report can be read it is an error.
     */
    public static Dataset fromReports(List<String> inputs, String base, Consumer<String> problems) {
        DatasetGraph dsg = DatasetGraphFactory.createTxnMem();
        LoadSummary s = ExtractionPipeline.builder().base(base).build().into(new MemorySink(dsg), inputs);
        s.problems().forEach(p -> problems.accept(p.message()));
        if (s.loaded().isEmpty()) throw new QueryException("no report could be read from " + String.join(" ", inputs));
        return DatasetFactory.wrap(dsg);
    }

    /** {@link #fromReports(List, String, Consumer)} under the default base. */
    public static Dataset fromReports(List<String> inputs) {
        return fromReports(inputs, IriMinter.DEFAULT_BASE, p -> { });
    }

    /** An in-memory dataset as a graph sink: named graphs plus their union in the default graph. */
    public static final class MemorySink implements GraphSink {
        private final DatasetGraph dsg;
        private final java.util.Map<String, String> sources = new java.util.HashMap<>();
        private String rollupsGraph;

        public MemorySink(DatasetGraph dsg) { this.dsg = dsg; }

        @Override
        public String sourceOf(String graphIri) { return sources.get(graphIri); }

        @Override
        public List<String> vocabularies(Vocabularies vocabularies) {
            List<String> written = new ArrayList<>();
            rollupsGraph = new StoreGraphs(vocabularies.base()).rollups();
            for (Vocabularies.Vocabulary v : vocabularies.graphs()) {
                add(v.graphIri(), v.graph());
                written.add(v.graphIri());
            }
            return written;
        }

        @Override
        public void write(ExtractionResult.Extracted report) {
            // Replaces: the same report read twice is one graph, as in the store.
            Node g = NodeFactory.createURI(report.graphIri());
            if (dsg.containsGraph(g)) {
                List<org.apache.jena.graph.Triple> old = dsg.getGraph(g).find().toList();
                dsg.removeGraph(g);
                for (org.apache.jena.graph.Triple t : old) {
                    // Out of the union only if no other graph still says it.
                    boolean elsewhere = org.apache.jena.atlas.iterator.Iter.anyMatch(
                            dsg.find(Node.ANY, t.getSubject(), t.getPredicate(), t.getObject()), q -> !q.isDefaultGraph());
                    if (!elsewhere) dsg.getDefaultGraph().delete(t);
                }
            }
            add(report.graphIri(), report.graph().getGraph());
            sources.put(report.graphIri(), report.location());
        }

        /** The rollups, computed once every report is in (a memory dataset is read, not kept). */
        @Override
        public void finish() {
            if (rollupsGraph == null) return;
            Node g = NodeFactory.createURI(rollupsGraph);
            Graph rows = Rollups.compute(q -> org.apache.jena.sparql.exec.QueryExec.dataset(dsg).query(q).build());
            dsg.removeGraph(g);
            add(rollupsGraph, rows);
        }

        private void add(String graphIri, Graph graph) {
            Node g = NodeFactory.createURI(graphIri);
            graph.find().forEach(t -> {
                dsg.add(g, t.getSubject(), t.getPredicate(), t.getObject());
                dsg.getDefaultGraph().add(t);
            });
        }
    }
}
