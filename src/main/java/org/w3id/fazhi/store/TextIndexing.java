package org.w3id.fazhi.store;

import org.apache.jena.graph.Node;
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
 * quotes, report bodies, what a number counts), all in one field so that a plain
 * {@code ?s text:query "行政复议"} searches them all.
 */
public final class TextIndexing {

    /** The one Lucene field every indexed literal goes in. */
    public static final String FIELD = "text";

    /** Memory Lucene fills before it writes a segment; well inside the 512 MB a large load is given. */
    static final double RAM_BUFFER_MB = 64;

    /** The predicates whose literals are indexed. */
    public static final List<Node> PREDICATES = List.of(
            RDFS.label.asNode(), SKOS.prefLabel.asNode(), SKOS.altLabel.asNode(),
            FZ.quote.asNode(), FZ.text.asNode(), FZ.counts.asNode());

    private TextIndexing() {}

    public static EntityDefinition entityDefinition() {
        EntityDefinition def = new EntityDefinition("uri", FIELD);
        for (Node p : PREDICATES) def.set(FIELD, p);
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
