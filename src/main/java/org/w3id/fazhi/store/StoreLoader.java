package org.w3id.fazhi.store;

import org.w3id.fazhi.extract.ExtractionPipeline;
import org.w3id.fazhi.extract.LoadSummary;
import org.w3id.fazhi.util.InputLimit;

import java.io.PrintStream;
import java.util.List;
import java.util.Objects;

/**
 * Loads reports and the shipped vocabularies into a {@link KnowledgeStore}: the
 * {@link ExtractionPipeline} reads and extracts them, a {@link StoreWriter} writes them. A report
 * whose content hash and extractor version are already recorded is skipped before it is extracted;
 * one that fails to read, extract or store is left out and the rest go in.
 *
 * <pre>{@code
 * LoadSummary s = StoreLoader.builder().store(store).build().load(List.of("data/reports"));
 * }</pre>
 */
public final class StoreLoader {

    private final KnowledgeStore store;
    private final ExtractionPipeline pipeline;
    private final String version;
    private final PrintStream log;
    private final List<String> removed;
    private final boolean compact;

    private StoreLoader(Builder b) {
        this.removed = List.copyOf(b.removed);
        this.compact = b.compact;
        this.store = Objects.requireNonNull(b.store, "store");
        this.log = b.log;
        this.version = b.version != null ? b.version : ExtractionPipeline.version();
        String base = store.graphs().base();
        if (b.pipeline != null && !b.pipeline.base().equals(base)) {
            throw new IllegalArgumentException("the pipeline mints under " + b.pipeline.base() + ", the store under " + base);
        }
        this.pipeline = b.pipeline != null ? b.pipeline : ExtractionPipeline.builder().base(base).maxBytes(b.maxBytes)
                .threads(b.threads).log(this::say).build();
    }

    public static Builder builder() { return new Builder(); }

    /** Loads the vocabularies (when changed) and every report in the inputs (files, folders, URLs). */
    public LoadSummary load(List<String> inputs) {
        try {
            return pipeline.into(new StoreWriter(store, version, this::say, removed, compact), inputs);
        } catch (RuntimeException | InternalError e) {
            if (diskFull(e)) {
                throw new StoreAccessException("cannot write the store " + store.folder()
                        + ": the disk is full (no space left on device); what this load had not committed was left out", e);
            }
            throw e;
        }
    }

    /**
     * TDB2 maps its files into memory: writing a page the full file system cannot hold is a fault
     * the JVM reports as an InternalError about unsafe memory access; plain writes fail with ENOSPC.
     */
    static boolean diskFull(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = String.valueOf(t.getMessage());
            if (t instanceof InternalError && m.contains("unsafe memory access")) return true;
            if (m.contains("No space left on device")) return true;
        }
        return false;
    }

    private void say(String message) {
        if (log != null) log.println("fazhi: " + message);
    }

    /**
     * Jena's phased bulk loader on a new TDB2 database laid out as a store's ({@link StorageLayout}:
     * its four quad indexes), for comparisons: what the TDB2 bulk loader alone takes for the same
     * quads in the same indexes.
     */
    public static org.apache.jena.tdb2.loader.DataLoader bulkLoaderLikeAStore(org.apache.jena.sparql.core.DatasetGraph newDatabase) {
        return StorageLayout.bulkLoader(newDatabase);
    }

    /** A new TDB2 database in a folder, laid out as a store's. */
    public static org.apache.jena.sparql.core.DatasetGraph databaseLikeAStore(java.nio.file.Path folder) {
        return org.apache.jena.tdb2.DatabaseMgr.connectDatasetGraph(folder.toString(), StorageLayout.params());
    }

    /** Configuration of a loader. */
    public static final class Builder {
        private KnowledgeStore store;
        private ExtractionPipeline pipeline;
        private long maxBytes = InputLimit.DEFAULT_MAX_BYTES;
        private String version;
        private PrintStream log;
        private int threads = Runtime.getRuntime().availableProcessors();
        private List<String> removed = List.of();
        private boolean compact = true;

        /** The store to load into; IRIs are minted under its base. */
        public Builder store(KnowledgeStore store) { this.store = store; return this; }

        /** The pipeline to read and extract with (default: one under the store's base, with the settings below). */
        public Builder pipeline(ExtractionPipeline pipeline) { this.pipeline = pipeline; return this; }

        public Builder maxBytes(long maxBytes) { this.maxBytes = maxBytes; return this; }

        /** The extractor version recorded (default: the jar's); a different one re-extracts everything. */
        public Builder version(String version) { this.version = version; return this; }

        /** Where to tell the user what was loaded (default: nowhere). */
        public Builder log(PrintStream log) { this.log = log; return this; }

        /** How many reports are read and extracted at once (default: one per core). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        /**
         * Files that are gone (as they were given to earlier loads): the graphs made from them are
         * removed in the same write transaction as the load's reports, before them.
         */
        public Builder removed(List<String> locations) { this.removed = List.copyOf(locations); return this; }

        /**
         * Whether a load that replaced or removed graphs ends by compacting the store (default: yes).
         * A server's loads do not: compaction switches the database over only once every transaction
         * begun before it has ended, and new queries wait until then. One write transaction per batch
         * keeps what a batch leaves behind to the blocks it replaced; the next load of a stopped
         * server compacts.
         */
        public Builder compact(boolean compact) { this.compact = compact; return this; }

        public StoreLoader build() { return new StoreLoader(this); }
    }
}
