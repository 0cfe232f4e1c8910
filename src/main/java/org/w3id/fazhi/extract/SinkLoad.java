package org.w3id.fazhi.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Map;
import java.util.List;
import java.util.function.Consumer;

/**
 * One load of a pipeline's results into a {@link GraphSink}: vocabularies first, then every report
 * in input order, with the fall-back that keeps a failed batch from taking good reports with it.
 */
final class SinkLoad {

    /** A report written into the open batch: enough to say so, and to read it again if the batch fails. */
    private record Pending(String location, String graphIri, long triples) {}

    private final ExtractionPipeline pipeline;
    private final GraphSink sink;
    private final Consumer<String> log;
    private final ExtractionPipeline.Listener listener;
    private final List<String> loaded = new ArrayList<>();
    private final List<String> skipped = new ArrayList<>();
    private final List<ExtractionResult.Failed> problems = new ArrayList<>();
    private final List<Pending> pending = new ArrayList<>();
    /** The graphs this load wrote, and the source of each. */
    private final Map<String, String> written = new HashMap<>();
    private boolean alone;

    SinkLoad(ExtractionPipeline pipeline, GraphSink sink, Consumer<String> log, ExtractionPipeline.Listener listener) {
        this.pipeline = pipeline;
        this.sink = sink;
        this.log = log;
        this.listener = listener;
    }

    LoadSummary load(List<String> inputs) {
        List<String> vocabularies;
        try {
            vocabularies = sink.vocabularies(pipeline.vocabularies());
        } catch (RuntimeException e) {
            // A sink that cannot take the vocabularies cannot take reports that name them either.
            fail(new ExtractionResult.Failed("vocabularies", "the vocabularies could not be written, nothing was loaded: " + e.getMessage()));
            return new LoadSummary(loaded, skipped, List.of(), problems);
        }
        alone = !sink.batched();
        try (ExtractionPipeline.Run run = pipeline.run(inputs, sink::holds)) {
            listener.started(run.size());
            while (run.hasNext()) {
                ExtractionResult r = run.next();
                listener.taken(r);
                if (r instanceof ExtractionResult.Extracted e) write(e);
                else if (r instanceof ExtractionResult.Failed f) fail(f);
                else skipped.add(r.location());
            }
            if (!alone) commitBatch();
        }
        sink.finish();
        return new LoadSummary(loaded, skipped, vocabularies, problems);
    }

    private void write(ExtractionResult.Extracted e) {
        if (e.warning() != null) warn(e.location() + ": " + e.warning());
        e = ownName(e);
        if (alone) {
            writeAlone(e);
            return;
        }
        try {
            sink.write(e);
            pending.add(new Pending(e.location(), e.graphIri(), e.graph().size()));
        } catch (RuntimeException failure) {
            fallBack(failure);
            writeAlone(e);
        }
    }

    private void commitBatch() {
        try {
            sink.commit();
            pending.forEach(this::loaded);
            pending.clear();
        } catch (RuntimeException failure) {
            fallBack(failure);
        }
    }

    /**
     * The batch failed and the sink undid it: the reports written into it are read and extracted
     * again and written one at a time, as is everything after them.
     */
    private void fallBack(RuntimeException failure) {
        sink.abort(failure);
        alone = true;
        warn("writing the reports together failed (" + failure + "); writing each on its own");
        List<String> again = pending.stream().map(Pending::location).toList();
        pending.clear();
        if (again.isEmpty()) return;
        try (ExtractionPipeline.Run rerun = pipeline.run(again)) {
            while (rerun.hasNext()) {
                ExtractionResult r = rerun.next();
                if (r instanceof ExtractionResult.Extracted e) writeAlone(e);
                else if (r instanceof ExtractionResult.Failed f) fail(f);
                else skipped.add(r.location());
            }
        }
    }

    private void writeAlone(ExtractionResult.Extracted e) {
        e = ownName(e);
        try {
            sink.write(e);
            sink.commit();
            loaded(new Pending(e.location(), e.graphIri(), e.graph().size()));
        } catch (RuntimeException failure) {
            sink.abort(failure);
            fail(new ExtractionResult.Failed(e.location(), e.location() + ": not loaded, left as it was: " + failure));
        }
    }

    /**
     * The report under a name no other document holds: two documents of one region, year and kind
     * (a second edition, a copy under another name, a department the scheme does not know) are
     * both kept, the later one named with a short hash of its content, and the user is told.
     */
    private ExtractionResult.Extracted ownName(ExtractionResult.Extracted e) {
        String source = sink.sourceKey(e.location());
        String holder = written.containsKey(e.graphIri()) ? written.get(e.graphIri()) : sink.sourceOf(e.graphIri());
        if (holder != null && !holder.equals(source)) {
            ExtractionResult.Extracted renamed = e.renamed("-" + e.sourceHash().substring(0, 8));
            warn(e.location() + ": " + e.reportIri() + " is already another document's; keeping both, this one as "
                    + renamed.reportIri());
            e = renamed;
        }
        written.put(e.graphIri(), source);
        return e;
    }

    private void loaded(Pending p) {
        loaded.add(p.location());
        log.accept(p.location() + ": loaded into " + p.graphIri() + " (" + p.triples() + " triples)");
        listener.loaded(p.location(), p.graphIri(), p.triples());
    }

    private void fail(ExtractionResult.Failed f) {
        problems.add(f);
        log.accept(f.message());
        listener.failed(f);
    }

    private void warn(String message) {
        log.accept(message);
        listener.warned(message);
    }
}
