package org.w3id.fazhi.store;

import org.apache.jena.riot.RDFDataMgr;
import org.apache.jena.riot.system.StreamRDF;
import org.apache.jena.riot.system.StreamRDFWriter;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphFactory;
import org.w3id.fazhi.rdf.W3C;
import org.w3id.fazhi.util.AtomicFile;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;

/** Writes the whole store (every named graph, the metadata graph included) as N-Quads or TriG. */
public final class StoreDump {

    private StoreDump() {}

    /** Writes the store to a stream, in one read transaction so the dump is a consistent snapshot. */
    public static void write(KnowledgeStore store, DumpFormat format, OutputStream out) {
        store.dataset().executeRead(() -> {
            DatasetGraph dsg = store.dataset().asDatasetGraph();
            if (format == DumpFormat.NQ) {
                // N-Quads streams: no need to hold the store in memory.
                StreamRDF stream = StreamRDFWriter.getWriterStream(out, format.format());
                stream.start();
                dsg.find(org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY, org.apache.jena.graph.Node.ANY).forEachRemaining(stream::quad);
                stream.finish();
            } else {
                // Pretty TriG groups by graph; copy the named graphs (the default graph is their union).
                DatasetGraph copy = DatasetGraphFactory.createTxnMem();
                copy.prefixes().putAll(W3C.prefixes(store.graphs().base()));
                dsg.listGraphNodes().forEachRemaining(g -> copy.addGraph(g, dsg.getGraph(g)));
                RDFDataMgr.write(out, copy, format.format());
            }
        });
    }

    /** Writes the store to a file, gzipped when the name ends in .gz; the file appears whole or not at all. */
    public static void write(KnowledgeStore store, DumpFormat format, Path file) throws IOException {
        try (AtomicFile f = AtomicFile.create(file)) {
            OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(f.stream(), 1 << 16) : f.stream();
            write(store, format, out);
            if (out instanceof GZIPOutputStream gz) gz.finish();
            f.commit();
        }
    }
}
