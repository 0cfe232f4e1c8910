package org.w3id.fazhi.extract;

import org.w3id.fazhi.rdf.Vocabularies;

import java.util.List;

/**
 * Where extracted report graphs go: the TDB2 store, a remote Graph Store, an in-memory dataset.
 * {@link ExtractionPipeline#into} drives a sink: first {@link #vocabularies}, then, in input order,
 * {@link #write} for every report it does not {@link #holds hold} already, then {@link #commit} and
 * {@link #finish}.
 *
 * <p>A {@linkplain #batched() batched} sink keeps what it is given until {@link #commit()}; when a
 * write or the commit fails, the pipeline calls {@link #abort} (the sink undoes the whole batch)
 * and writes every report again on its own, each followed by a commit, so that only the report
 * that cannot be written is left out. A sink that is not batched writes each report at once; a
 * failed write leaves out that report only.
 */
public interface GraphSink {

    /**
     * Writes the vocabulary graphs this sink does not hold in their current version (same base,
     * same content hash). Called once, before any report.
     *
     * @return the names of the graphs written
     */
    List<String> vocabularies(Vocabularies vocabularies);

    /**
     * True when the sink holds the graph this extractor version made from a source with this
     * content: the pipeline then skips the source without extracting it. Called from the threads
     * that extract, so it must not touch anything a write changes.
     */
    default boolean holds(String location, String sourceHash) { return false; }

    /**
     * The source (location) the sink's graph of this name was made from, or null when it has no
     * such graph. A report whose graph name is held by another source is another document with
     * the same region, year and kind: it is kept beside it under a name of its own.
     */
    default String sourceOf(String graphIri) { return null; }

    /** How this sink names a source in {@link #sourceOf} (the location itself, unless the sink keeps less). */
    default String sourceKey(String location) { return location; }

    /**
     * Writes one report's graph under its name, replacing any graph of that name and any graph
     * made earlier from the same source.
     */
    void write(ExtractionResult.Extracted report);

    /** True when writes are kept until {@link #commit()}. */
    default boolean batched() { return false; }

    /** Makes what was written since the last commit durable. */
    default void commit() {}

    /** Undoes what was written since the last commit, after a write or a commit failed. */
    default void abort(RuntimeException cause) {}

    /** After the last report. */
    default void finish() {}
}
