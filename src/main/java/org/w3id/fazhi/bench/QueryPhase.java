package org.w3id.fazhi.bench;

import org.apache.jena.query.QueryCancelledException;
import org.apache.jena.system.Txn;
import org.w3id.fazhi.query.AnswerEngine;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.store.KnowledgeStore;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;

import static org.w3id.fazhi.bench.BenchContext.percentile;
import static org.w3id.fazhi.bench.BenchContext.round;
import static org.w3id.fazhi.bench.BenchContext.say;

/**
 * The query phase: every saved query timed on the small store and on the large one, and how
 * much slower it got. Each timed run asks for the first page (the {@value #PAGE} rows a page of
 * {@code /queries/NAME} shows) with parameter values drawn at random from that store
 * ({@link BenchParameters}, seeded); a run the store's answer tables could not answer ran as
 * written, and the phase says how many did. {@link #times} runs on one store; {@link #figures}
 * compares two.
 */
final class QueryPhase {

    static final double SLOW_MS = 10_000;
    /** Rows of the first page: what a page of /queries/NAME shows. */
    static final int PAGE = 200;

    private final BenchContext ctx;
    private final int queryRuns;
    private final long seed;
    /** Per query, on the large store: the runs that ran as written, and why (null when none). */
    private final Map<String, String> scanned = new LinkedHashMap<>();

    QueryPhase(BenchContext ctx, int queryRuns, long seed) {
        this.ctx = ctx;
        this.queryRuns = queryRuns;
        this.seed = seed;
    }

    /**
     * Every saved query: {median, p95} ms over repeated runs, after one warm-up with its defaults,
     * each run with values drawn for its parameters. A query stopped by the time limit is
     * recorded as NaN (null in the JSON); one whose warm-up took longer than {@link #SLOW_MS} is
     * timed once more instead of {@code queryRuns} times, so that a large store does not keep the
     * benchmark busy for hours.
     */
    Map<String, double[]> times(Path db, int n) {
        Map<String, double[]> out = new LinkedHashMap<>();
        try (KnowledgeStore store = KnowledgeStore.builder().folder(db).build()) {
            QueryRunner runner = QueryRunner.builder().dataset(store.dataset()).timeout(ctx.queryLimit).build();
            BenchParameters values = BenchParameters.read(store.dataset());
            for (SavedQuery q : SavedQueries.load().all()) {
                double warm = timeOnce(runner, q, Map.of());
                int runs = Double.isNaN(warm) ? 0 : warm > SLOW_MS ? 1 : queryRuns;
                double[] times = new double[runs];
                Random random = new Random(seed * 31 + q.name().hashCode());
                Map<String, Integer> reasons = new LinkedHashMap<>();
                for (int i = 0; i < runs; i++) {
                    Map<String, String> drawn = values.draw(q, random);
                    String why = explain(store, q, drawn);
                    if (why != null) reasons.merge(why, 1, Integer::sum);
                    times[i] = timeOnce(runner, q, drawn);
                }
                double[] figures = runs == 0 ? new double[] {Double.NaN, Double.NaN}
                        : new double[] {percentile(times, 50), percentile(times, 95)};
                out.put(q.name(), figures);
                String fell = reasons.isEmpty() ? null : reasons.entrySet().stream()
                        .map(e -> e.getValue() + " of " + runs + ": " + e.getKey()).reduce((a, b) -> a + "; " + b).orElse(null);
                if (n == ctx.reports) scanned.put(q.name(), fell);
                say("%s at %d reports: %s%s", q.name(), n, Double.isNaN(figures[0])
                        ? "stopped by the " + ctx.queryLimit.toSeconds() + " s limit"
                        : String.format("median %.1f ms, p95 %.1f ms over %d runs (first page, drawn values)", figures[0], figures[1], runs),
                        fell == null ? ", from the answer tables" : ", ran as written for " + fell);
            }
        }
        return out;
    }

    /** The figures and table rows from the times on the small store and on the large one. */
    BenchResult.Query figures(Map<String, double[]> smallTimes, Map<String, double[]> bigTimes) {
        Map<String, Double> p50 = new LinkedHashMap<>(), p95 = new LinkedHashMap<>(), growth = new LinkedHashMap<>(),
                p50small = new LinkedHashMap<>(), p95small = new LinkedHashMap<>();
        for (String q : smallTimes.keySet()) {
            double[] s = smallTimes.get(q), b = bigTimes.get(q);
            double g = b[0] / Math.max(s[0], 0.5);
            p50small.put(q, round(s[0]));
            p95small.put(q, round(s[1]));
            p50.put(q, round(b[0]));
            p95.put(q, round(b[1]));
            growth.put(q, round(g));
            String fell = scanned.get(q);
            ctx.row("query " + q, String.format("p50 %s / p95 %s at %d; p50 %s / p95 %s at %d%s", ctx.ms(b[0]), ctx.ms(b[1]), ctx.reports,
                            ctx.ms(s[0]), ctx.ms(s[1]), ctx.small, fell == null ? "" : "; ran as written " + fell),
                    Double.isNaN(g) ? "growth unknown" : String.format("growth %.2f (goal <= 3, p50 <= 200 ms)", g));
        }
        Map<String, String> fallbacks = new LinkedHashMap<>();
        scanned.forEach((k, v) -> { if (v != null) fallbacks.put(k, v); });
        return new BenchResult.Query(p50, p95, p50small, growth, p95small, PAGE, fallbacks);
    }

    /**
     * Why a saved query with these values runs as written rather than from the store's answer
     * tables, or null when the tables answer it.
     */
    static String explain(KnowledgeStore store, SavedQuery q, Map<String, String> values) {
        AnswerEngine.Match m = AnswerEngine.match(QueryRunner.bind(q, values));
        if (m == null) return "no answer table (a lookup by TDB2's indexes)";
        return Txn.calculateRead(store.dataset(), () -> store.answers().answer(m.name(), m.params(), 0, 1).fallback());
    }

    /** One run of the first page in ms, NaN when the time limit stopped it. */
    private static double timeOnce(QueryRunner runner, SavedQuery q, Map<String, String> values) {
        long t0 = System.nanoTime();
        try {
            runner.run(q, values, new QueryRunner.Page(0, PAGE));
        } catch (QueryException e) {
            if (e.getCause() instanceof QueryCancelledException) return Double.NaN;
            throw e;
        }
        return (System.nanoTime() - t0) / 1e6;
    }
}
