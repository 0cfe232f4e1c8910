package org.w3id.fazhi.query;

import org.apache.jena.query.Dataset;
import org.apache.jena.system.Txn;
import org.apache.jena.tdb2.TDB2Factory;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Times every saved query on the five reports (not a test; nothing is asserted):
 * {@code java -cp target/test-classes:target/classes:DEPS org.w3id.fazhi.query.QueryTiming [RUNS]}.
 * Each query runs once to warm up, then RUNS times (default 5) in memory and on a TDB2 store; prints
 * rows, median and worst milliseconds.
 */
public final class QueryTiming {
    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        Dataset mem = TestStore.dataset();
        Path dir = Files.createTempDirectory("fazhi-timing");
        Dataset tdb = TDB2Factory.connectDataset(dir.toString());
        Txn.executeWrite(tdb, () -> mem.asDatasetGraph().find().forEachRemaining(q -> {
            if (!q.isDefaultGraph()) tdb.asDatasetGraph().add(q);
        }));
        QueryRunner inMemory = QueryRunner.builder().dataset(mem).build();
        QueryRunner store = QueryRunner.builder().dataset(QueryDatasets.openTdb2(dir)).build();
        System.out.printf("| query | rows | memory median ms | memory worst ms | TDB2 median ms | TDB2 worst ms |%n| --- | --- | --- | --- | --- | --- |%n");
        for (SavedQuery q : TestStore.queries().all()) {
            int rows = inMemory.run(q, Map.of()).size();
            store.run(q, Map.of());
            double[] m = time(inMemory, q, runs), t = time(store, q, runs);
            System.out.printf("| %s | %d | %.1f | %.1f | %.1f | %.1f |%n", q.name(), rows, m[0], m[1], t[0], t[1]);
        }
    }

    static double[] time(QueryRunner r, SavedQuery q, int runs) {
        List<Double> ms = new ArrayList<>();
        for (int i = 0; i < runs; i++) ms.add(r.run(q, Map.of()).elapsed().toNanos() / 1e6);
        Collections.sort(ms);
        return new double[] {ms.get(ms.size() / 2), ms.get(ms.size() - 1)};
    }
}
