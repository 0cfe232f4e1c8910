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
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/** Writes the whole store (every named graph, the metadata graph included) as N-Quads or TriG. */
public final class StoreDump {

    private StoreDump() {}

    /** Where {@link #cached} keeps the dumps: {@code DIR/dumps} of the store. */
    public static final String CACHE_FOLDER = "dumps";

    private static final Map<Path, Object> BUILDING = new ConcurrentHashMap<>();

    /**
     * The gzipped dump of the store's current {@link KnowledgeStore#generation() generation}, written
     * once to {@code DIR/dumps/kg-GENERATION.EXT.gz} and reused until the next write; dumps of
     * earlier generations are deleted. Concurrent callers wait for the one that writes it.
     */
    public static Path cached(KnowledgeStore store, DumpFormat format) throws IOException {
        for (int attempt = 0; ; attempt++) {
            long generation = store.generation();
            Path file = cachedFile(store, format, generation);
            if (Files.exists(file)) return file;
            synchronized (BUILDING.computeIfAbsent(file.toAbsolutePath(), k -> new Object())) {
                if (!Files.exists(file)) {
                    Path part = file.resolveSibling(".building-" + file.getFileName());
                    write(store, format, part);
                    // A write that committed meanwhile may or may not be in the dump: do not label it.
                    if (store.generation() != generation && attempt < 3) {
                        Files.deleteIfExists(part);
                        continue;
                    }
                    Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                }
            }
            deleteOlder(store, format, file);
            return file;
        }
    }

    /** The file {@link #cached} keeps a generation's dump in, if it has been written (no dump is made). */
    public static Path cachedFile(KnowledgeStore store, DumpFormat format, long generation) {
        return store.folder().resolve(CACHE_FOLDER).resolve("kg-" + generation + "." + format.extension() + ".gz");
    }

    private static void deleteOlder(KnowledgeStore store, DumpFormat format, Path keep) {
        String suffix = "." + format.extension() + ".gz";
        try (Stream<Path> files = Files.list(keep.getParent())) {
            for (Path p : files.toList()) {
                String name = p.getFileName().toString();
                if (name.startsWith("kg-") && name.endsWith(suffix) && !p.getFileName().equals(keep.getFileName())) {
                    // A download still reading it keeps its open file (POSIX); elsewhere, try again next time.
                    try {
                        Files.deleteIfExists(p);
                    } catch (IOException e) {
                        // ignored: stale dumps are only space
                    }
                }
            }
        } catch (IOException e) {
            // ignored: as above
        }
    }

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
