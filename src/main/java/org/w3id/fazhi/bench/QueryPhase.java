package org.w3id.fazhi.bench;

import org.apache.jena.query.QueryCancelledException;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.store.KnowledgeStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

import static org.w3id.fazhi.bench.BenchContext.percentile;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.say;

/**
 * The query phase: every saved query timed on the small store and on the large one, and how
 * much slower it got. {@link #times} runs on one store; {@link #figures} compares two.
 */
final class QueryPhase {

    static final double SLOW_MS = 10_000;

    private final BenchContext ctx;
    private final int queryRuns;

    QueryPhase(BenchContext ctx, int queryRuns) {
        this.ctx = ctx;
        this.queryRuns = queryRuns;
    }

    /**
     * Every saved query with its defaults: {median, p95} ms over repeated runs after one warm-up.
     * A query stopped by the time limit is recorded as NaN (null in the JSON); one whose warm-up
     * took longer than {@link #SLOW_MS} is timed once more instead of {@code queryRuns} times, so
     * that a large store does not keep the benchmark busy for hours.
     */
    Map<String, double[]> times(Path db, int n) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            QueryRunner runner = QueryRunner.builder().dataset(store.dataset()).timeout(ctx.queryLimit).build();
            for (SavedQuery q : SavedQueries.load().all()) {
                double warm = timeOnce(runner, q);
                int runs = Double.isNaN(warm) ? 0 : warm > SLOW_MS ? 1 : queryRuns;
                double[] times = new double[runs];
                for (int i = 0; i < runs; i++) times[i] = timeOnce(runner, q);
                double[] figures = runs == 0 ? new double[] {Double.NaN, Double.NaN}
                        : new double[] {percentile(times, 50), percentile(times, 95)};
                out.put(q.name(), figures);
                say("%s at %d reports: %s", q.name(), n, Double.isNaN(figures[0])
                        ? "stopped by the " + ctx.queryLimit.toSeconds() + " s limit" : String.format("median %.1f ms over %d runs", figures[0], runs));
            }
        }
        return out;
    }

    /** The figures and table rows from the times on the small store and on the large one. */
    BenchResult.Query figures(Map<String, double[]> smallTimes, Map<String, double[]> bigTimes) {
        Map<String, Double> p50 = new LinkedHashMap<>(), p95 = new LinkedHashMap<>(), growth = new LinkedHashMap<>(),
                p50small = new LinkedHashMap<>();
        for (String q : smallTimes.keySet()) {
            double[] s = smallTimes.get(q), b = bigTimes.get(q);
            double g = b[0] / Math.max(s[0], 0.5);
            p50small.put(q, round(s[0]));
            p50.put(q, round(b[0]));
            p95.put(q, round(b[1]));
            growth.put(q, round(g));
            ctx.row("query " + q, String.format("p50 %s / p95 %s at %d; p50 %s at %d", ctx.ms(b[0]), ctx.ms(b[1]), ctx.reports, ctx.ms(s[0]), ctx.small),
                    Double.isNaN(g) ? "growth unknown" : String.format("growth %.2f", g));
        }
        return new BenchResult.Query(p50, p95, p50small, growth);
    }

    /** One run in ms, NaN when the time limit stopped it. */
    private static double timeOnce(QueryRunner runner, SavedQuery q) {
        long t0 = System.nanoTime();
        try {
            runner.run(q, Map.of());
        } catch (QueryException e) {
            if (e.getCause() instanceof QueryCancelledException) return Double.NaN;
            throw e;
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
