package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
import org.apache.jena.graph.Triple;
import org.apache.jena.query.text.Entity;
import org.apache.jena.query.text.TextQueryFuncs;
import org.apache.jena.query.text.EntityDefinition;
import org.apache.jena.query.text.TextIndex;
import org.apache.jena.query.text.TextIndexConfig;
import org.apache.jena.query.text.TextIndexLucene;
import org.apache.jena.vocabulary.RDFS;
import org.apache.jena.vocabulary.SKOS;
import org.apache.lucene.store.ByteBuffersDirectory;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.w3id.fazhi.rdf.FZ;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the jena-text index holds: every literal of the predicates people search in (labels,
 * quotes, what a number counts), all in one field so that a plain {@code ?s text:query "行政复议"}
 * searches them all.
 *
 * <p>Not the report bodies ({@code fz:text}): every sentence of a body is a measure's quote, which
 * {@code /search} and the saved queries search, and the headings are the sections' labels; the
 * bodies were a third of the indexed text and most of the stored text, searched by nobody.
 */
public final class TextIndexing {

    /** The one Lucene field every indexed literal goes in. */
    public static final String FIELD = "text";

    /**
     * Memory Lucene fills before it writes a segment: an eighth of the heap, at most 64 MB (50 MB
     * in the 400 MB a large load is given).
     */
    static final double RAM_BUFFER_MB = Math.max(8, Math.min(64, (Runtime.getRuntime().maxMemory() >> 20) / 8.0));

    /** The predicates whose literals are indexed. */
    public static final List<Node> PREDICATES = List.of(
            RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(),
            FZ.quote.asNode(), FZ.counts.asNode());

    /** Predicates a store made by an earlier version indexed, and that are no longer: the report bodies. */
    static final List<Node> RETIRED = List.of(FZ.text.asNode());

    /** The definition with the retired predicates too: what their entries were indexed under, to delete them. */
    private static final EntityDefinition WITH_RETIRED = definition(true);

    private TextIndexing() {}

    public static EntityDefinition entityDefinition() {
        return definition(false);
    }

    /**
     * What to delete from the index with a triple of a graph being removed, or null: its entry, or the
     * entry an earlier version gave a retired predicate, so a store made before leaves no stale hit.
     */
    static Entity entityToDelete(EntityDefinition current, Node graph, Triple t) {
        Entity entity = TextQueryFuncs.entityFromQuad(current, graph, t.getSubject(), t.getPredicate(), t.getObject());
        if (entity != null || !RETIRED.contains(t.getPredicate())) return entity;
        return TextQueryFuncs.entityFromQuad(WITH_RETIRED, graph, t.getSubject(), t.getPredicate(), t.getObject());
    }

    private static EntityDefinition definition(boolean withRetired) {
        EntityDefinition def = new EntityDefinition("uri", FIELD);
        for (Node p : PREDICATES) def.set(FIELD, p);
        if (withRetired) for (Node p : RETIRED) def.set(FIELD, p);
        // A uid per triple lets deletes reach the index, so replacing a graph leaves no stale hits.
        def.setUidField("uid");
        def.setGraphField("graph");
        def.setLangField("lang");
        return def;
    }

    /** A Lucene index in a folder (created when missing). */
    public static TextIndex open(Path folder, TextAnalyzer analyzer) {
        try {
            return create(FSDirectory.open(folder), analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot open the text index in " + folder, e);
        }
    }

    /** An index in memory, for comparisons and tests. */
    public static TextIndex inMemory(TextAnalyzer analyzer) {
        return create(new ByteBuffersDirectory(), analyzer);
    }

    private static TextIndex create(Directory dir, TextAnalyzer analyzer) {
        TextIndexConfig config = new TextIndexConfig(entityDefinition());
        config.setAnalyzer(analyzer.create());
        config.setQueryAnalyzer(analyzer.create());
        config.setValueStored(true);
        TextIndexLucene index = new TextIndexLucene(dir, config);
        // Lucene's default 16 MB buffer flushes a small segment every few hundred reports and then
        // merges them again; a larger buffer indexes a big load in about two thirds of the time.
        index.getIndexWriter().getConfig().setRAMBufferSizeMB(RAM_BUFFER_MB);
        return index;
    }

}
