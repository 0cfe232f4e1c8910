package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Quad;
import org.w3id.fazhi.rdf.FZ;
import org.w3id.fazhi.rdf.W3C;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What the metadata graph says about the report graphs already stored, read once before a load so
 * that the threads extracting reports can decide what to skip without touching the store.
 */
final class StoreRecords {

    private final Set<String> currentHashes = new HashSet<>();
    /** The graphs made by the current extractor, by the hash of their source's content. */
    private final Map<String, Set<String>> currentGraphsByHash = new HashMap<>();
    private final Map<String, List<String>> graphsBySource = new HashMap<>();
    private final Set<String> graphs = new HashSet<>();
    private final Map<String, String> hashByGraph = new HashMap<>();
    private final Map<String, String> sourceByGraph = new HashMap<>();
    private boolean reports;

    private StoreRecords() {}

    /** The records in the store; a hash is current when its graph was made by {@code software}. */
    static StoreRecords read(KnowledgeStore store, String software) {
        StoreRecords r = new StoreRecords();
        Node meta = NodeFactory.createURI(store.graphs().meta());
        Node madeBy = NodeFactory.createURI(software);
        Set<String> vocabularies = store.graphs().vocabularies().graphIris();
        store.dataset().executeRead(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            dsg.find(meta, Node.ANY, FZ.sourceFile.asNode(), Node.ANY).forEachRemaining(q -> {
                r.graphs.add(q.getSubject().getURI());
                r.reports |= !vocabularies.contains(q.getSubject().getURI());
            });
            // Each report graph's source, as StoreWriter#sourceKey names it.
            dsg.find(meta, Node.ANY, FZ.sourceKey.asNode(), Node.ANY).forEachRemaining(q -> {
                r.sourceByGraph.put(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm());
                r.graphsBySource.computeIfAbsent(q.getObject().getLiteralLexicalForm(), k -> new ArrayList<>())
                        .add(q.getSubject().getURI());
            });
            dsg.find(meta, Node.ANY, FZ.contentHash.asNode(), Node.ANY).forEachRemaining((Quad q) -> {
                r.hashByGraph.put(q.getSubject().getURI(), q.getObject().getLiteralLexicalForm());
                if (dsg.contains(meta, q.getSubject(), W3C.wasAttributedTo.asNode(), madeBy)) {
                    r.currentHashes.add(q.getObject().getLiteralLexicalForm());
                    r.currentGraphsByHash.computeIfAbsent(q.getObject().getLiteralLexicalForm(), k -> new HashSet<>())
                            .add(q.getSubject().getURI());
                }
            });
        });
        return r;
    }

    /**
     * Takes the graphs made from sources that are gone out of these records, before a load that
     * removes them: their names are free for other documents, and their content counts as not held
     * (a file moved within the folder is loaded again from its new place).
     *
     * @return the graphs to remove
     */
    List<String> forgetSources(Collection<String> sourceKeys) {
        List<String> gone = new ArrayList<>();
        for (String key : sourceKeys) {
            List<String> made = graphsBySource.remove(key);
            if (made == null) continue;
            for (String g : made) {
                gone.add(g);
                sourceByGraph.remove(g);
                graphs.remove(g);
                String hash = hashByGraph.remove(g);
                Set<String> holders = hash == null ? null : currentGraphsByHash.get(hash);
                if (holders != null && holders.remove(g) && holders.isEmpty()) {
                    currentGraphsByHash.remove(hash);
                    currentHashes.remove(hash);
                }
            }
        }
        return gone;
    }

    /** True when a graph made from content with this hash by the current extractor is stored. */
    boolean isCurrent(String sha256) { return currentHashes.contains(sha256); }

    /** The graphs earlier loads made from a source location. */
    List<String> graphsFrom(String location) { return graphsBySource.getOrDefault(location, List.of()); }

    /** The source a stored graph was read from, or null. */
    String sourceOf(String graphIri) { return sourceByGraph.get(graphIri); }

    /** True when the store holds report graphs (the vocabularies' records do not count). */
    boolean hasReports() { return reports; }

    /** The content hash recorded for a graph, or null when it has none. */
    String hashOf(String graphIri) { return hashByGraph.get(graphIri); }

    /** True when the store has a graph of this name (so writing it replaces one). */
    boolean hasGraph(String graphIri) { return graphs.contains(graphIri); }
}
