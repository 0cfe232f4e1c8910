package org.w3id.fazhi.extract;

import org.w3id.fazhi.util.Locations;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.rdf.Vocabularies;
import org.w3id.fazhi.recognize.metadata.MetadataHints;
import org.w3id.fazhi.source.Manifest;
import org.w3id.fazhi.source.SourceDocument;
import org.w3id.fazhi.source.SourceException;
import org.w3id.fazhi.source.SourceListing;
import org.w3id.fazhi.source.SourceProblem;
import org.w3id.fazhi.source.SourceReader;
import org.w3id.fazhi.util.ContentHash;
import org.w3id.fazhi.util.InputLimit;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.BiPredicate;
import java.util.function.Consumer;

/**
 * The one way reports are read and extracted: inputs (files, folders, URLs) in, one
 * {@link ExtractionResult} per report out, in input order. Reports are read and extracted on every
 * core, a bounded number ahead of the consumer, so memory stays flat however many there are.
 *
 * <pre>{@code
 * ExtractionPipeline pipeline = ExtractionPipeline.builder().base("https://example.org/kg/").build();
 * try (ExtractionPipeline.Run run = pipeline.run(List.of("data/reports"))) {
 *     while (run.hasNext()) handle(run.next());
 * }
 * LoadSummary s = pipeline.into(sink, List.of("data/reports"));   // or let a sink take them
 * }</pre>
 *
 * A pipeline is immutable and may run several times, also at once; it builds its extractor on
 * first use, so a run that skips every input never pays for the gazetteer and the program scheme.
 */
public final class ExtractionPipeline {

    /** How many reports each thread may have extracted ahead of the consumer. */
    private static final int AHEAD_PER_THREAD = 4;

    private final String base;
    private final SourceReader reader;
    private final int threads;
    private final Consumer<String> log;
    private final Listener listener;
    private final Path manifest;
    private final Path overrides;
    private volatile Extractor extractor;

    private ExtractionPipeline(Builder b) {
        this.base = new IriMinter(b.base).base();
        this.reader = SourceReader.builder().maxBytes(b.maxBytes).build();
        this.threads = b.threads;
        this.log = b.log;
        this.listener = b.listener;
        this.extractor = b.extractor;
        this.manifest = b.manifest;
        this.overrides = b.overrides;
    }

    public static Builder builder() { return new Builder(); }

    /** The base the IRIs are minted under. */
    public String base() { return base; }

    /** The extractor's version, recorded by the sinks so that a new version extracts everything again. */
    public static String version() { return Extractor.version(); }

    /** The bundled vocabularies under this pipeline's base. */
    public Vocabularies vocabularies() { return Vocabularies.bundled(base); }

    /** Every report the inputs name, read and extracted. */
    public Run run(List<String> inputs) {
        return run(inputs, (location, hash) -> false);
    }

    /**
     * Every report the inputs name, read and, unless {@code unchanged} says its content is held
     * already (location, source hash), extracted. Inputs that cannot be listed come first.
     */
    public Run run(List<String> inputs, BiPredicate<String, String> unchanged) {
        List<ExtractionResult.Failed> problems = new ArrayList<>();
        List<Table> tables = tables(inputs, problems);
        return new Run(reader.list(inputs), unchanged, tables, problems);
    }

    /** A table of metadata and how far it is trusted. */
    private record Table(Manifest manifest, MetadataHints.Strength strength) {}

    /**
     * The tables that speak about the inputs: the manifest of each folder given (manifest.tsv or
     * manifest.csv), the one named, and the curator's overrides, strongest last. One that cannot be
     * read is a problem named with its file, and the reports are read without it.
     */
    private List<Table> tables(List<String> inputs, List<ExtractionResult.Failed> problems) {
        List<Table> tables = new ArrayList<>();
        for (String input : inputs) {
            if (Locations.isWebAddress(input) || !Files.isDirectory(Path.of(input))) continue;
            try {
                Manifest m = Manifest.inFolder(Path.of(input));
                if (!m.isEmpty()) tables.add(new Table(m, MetadataHints.Strength.MANIFEST));
            } catch (SourceException e) {
                problems.add(ExtractionResult.Failed.of(e.toProblem()));
            }
        }
        for (Path p : java.util.Arrays.asList(manifest, overrides)) {
            if (p == null) continue;
            try {
                tables.add(new Table(Manifest.read(p), p == overrides ? MetadataHints.Strength.OVERRIDE : MetadataHints.Strength.MANIFEST));
            } catch (SourceException e) {
                problems.add(ExtractionResult.Failed.of(e.toProblem()));
            }
        }
        return tables;
    }

    /**
     * Writes the vocabularies and every report into a sink, then tells what it did. A report that
     * fails to be read, extracted or written is left out, named in the summary, and the rest go in.
     */
    public LoadSummary into(GraphSink sink, List<String> inputs) {
        return new SinkLoad(this, sink, log, listener).load(inputs);
    }

    /**
     * What {@link #into} tells as it goes, for a progress display; each method does nothing unless
     * overridden. Called on the thread that called {@code into}. The {@linkplain Builder#log log}
     * still receives its lines as well.
     */
    public interface Listener {
        /** The reports are about to be taken: {@code total} results in all (reports and unreadable inputs). */
        default void started(int total) {}

        /** One result taken from the run, before it is written: extracted, skipped (unchanged) or failed. */
        default void taken(ExtractionResult result) {}

        /** A report written and committed. */
        default void loaded(String location, String graphIri, long triples) {}

        /** An input that could not be read, extracted or written (also the vocabularies). */
        default void failed(ExtractionResult.Failed problem) {}

        /** A line the user should read that is not a failure: a warning, a renamed report, a fall-back. */
        default void warned(String message) {}
    }

    /**
     * One pass over some inputs: an iterator of results in input order. Close it to stop the
     * threads when leaving early.
     */
    public final class Run implements Iterator<ExtractionResult>, AutoCloseable {
        private final Deque<ExtractionResult> unlisted = new ArrayDeque<>();
        private final Iterator<String> next;
        private final int size;
        private final Deque<Future<ExtractionResult>> ahead = new ArrayDeque<>();
        private final BiPredicate<String, String> unchanged;
        private ExecutorService pool;

        private final List<Table> tables;

        private Run(SourceListing listing, BiPredicate<String, String> unchanged, List<Table> tables,
                    List<ExtractionResult.Failed> tableProblems) {
            this.tables = tables;
            unlisted.addAll(tableProblems);
            for (SourceProblem p : listing.problems()) unlisted.add(ExtractionResult.Failed.of(p));
            this.next = listing.locations().iterator();
            this.size = unlisted.size() + listing.locations().size();
            this.unchanged = unchanged;
        }

        /** How many results this run gives in all. */
        public int size() { return size; }

        @Override
        public boolean hasNext() {
            if (!unlisted.isEmpty()) return true;
            while (ahead.size() < threads * AHEAD_PER_THREAD && next.hasNext()) {
                String location = next.next();
                ahead.add(pool().submit(() -> readAndExtract(location)));
            }
            return !ahead.isEmpty();
        }

        @Override
        public ExtractionResult next() {
            if (!hasNext()) throw new NoSuchElementException();
            if (!unlisted.isEmpty()) return unlisted.poll();
            try {
                return ahead.poll().get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while extracting", e);
            } catch (ExecutionException e) {
                // readAndExtract turns every exception into a result: this is an Error (out of memory …).
                throw new IllegalStateException("extraction stopped: " + e.getCause(), e.getCause());
            }
        }

        @Override
        public void close() {
            if (pool != null) pool.shutdownNow();
        }

        private ExecutorService pool() {
            if (pool == null) {
                pool = Executors.newFixedThreadPool(threads, r -> {
                    Thread t = new Thread(r, "fazhi-extract");
                    t.setDaemon(true);
                    return t;
                });
            }
            return pool;
        }

        private ExtractionResult readAndExtract(String location) {
            SourceDocument doc;
            try {
                doc = reader.readOne(location);
            } catch (SourceException e) {
                return new ExtractionResult.Failed(location, e.toProblem().message(), e.kind());
            }
            List<Extractor.HintTable> rows = new ArrayList<>();
            for (Table t : tables) {
                var values = t.manifest().lookup(doc.location());
                if (!values.isEmpty()) rows.add(new Extractor.HintTable(values, t.strength(), t.manifest().fileName(), t.manifest().sha256()));
            }
            String hash = inputHash(doc.sha256(), rows);
            if (unchanged.test(doc.location(), hash)) return new ExtractionResult.Skipped(doc.location(), hash);
            try {
                return new ExtractionResult.Extracted(hash, extractor().extract(doc, rows));
            } catch (RuntimeException | StackOverflowError e) {
                return new ExtractionResult.Failed(doc.location(), doc.location() + ": extraction failed: " + e);
            }
        }
    }

    /**
     * What a sink compares to tell a report unchanged: the source's hash, and with it the rows of
     * manifests and overrides that speak of it, so that a curator's new correction is applied on
     * the next load although the report itself did not change.
     */
    private static String inputHash(String sourceHash, List<Extractor.HintTable> rows) {
        if (rows.isEmpty()) return sourceHash;
        StringBuilder sb = new StringBuilder(sourceHash);
        for (Extractor.HintTable r : rows) sb.append('\n').append(r.strength()).append(new java.util.TreeMap<>(r.values()));
        return ContentHash.sha256(sb.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    private Extractor extractor() {
        Extractor x = extractor;
        if (x == null) {
            synchronized (this) {
                if (extractor == null) extractor = Extractor.builder().base(base).build();
                x = extractor;
            }
        }
        return x;
    }

    /** Configuration of a pipeline; every setting has a default. */
    public static final class Builder {
        private String base = IriMinter.DEFAULT_BASE;
        private long maxBytes = InputLimit.DEFAULT_MAX_BYTES;
        private int threads = Runtime.getRuntime().availableProcessors();
        private Extractor extractor;
        private Consumer<String> log = message -> { };
        private Listener listener = new Listener() { };
        private Path manifest;
        private Path overrides;

        private Builder() {}

        /** The base under which IRIs are minted (default {@value IriMinter#DEFAULT_BASE}). */
        public Builder base(String base) {
            this.base = Objects.requireNonNull(base, "base");
            return this;
        }

        /** The largest input read (default 8 MiB). */
        public Builder maxBytes(long maxBytes) {
            this.maxBytes = maxBytes;
            return this;
        }

        /** How many reports are read and extracted at once (default: one per core). */
        public Builder threads(int threads) {
            if (threads < 1) throw new IllegalArgumentException("threads must be at least 1: " + threads);
            this.threads = threads;
            return this;
        }

        /** An extractor to use instead of one built under the base (its base wins). */
        public Builder extractor(Extractor extractor) {
            this.extractor = Objects.requireNonNull(extractor, "extractor");
            this.base = extractor.iris().base();
            return this;
        }

        /** Where {@link #into} tells what it loaded and what failed, one line each (default: nowhere). */
        public Builder log(Consumer<String> log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Who {@link #into} tells of each result as it is taken, for a progress display (default: nobody). */
        public Builder listener(Listener listener) {
            this.listener = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /** A manifest (TSV or CSV, see {@link Manifest}) for inputs that are not in its folder; its values stand over the text's. */
        public Builder manifest(Path manifest) {
            this.manifest = manifest;
            return this;
        }

        /** A curator's corrections ({@code data/overrides.tsv}, the shape of a manifest); they stand over everything. */
        public Builder overrides(Path overrides) {
            this.overrides = overrides;
            return this;
        }

        public ExtractionPipeline build() {
            return new ExtractionPipeline(this);
        }
    }
}
