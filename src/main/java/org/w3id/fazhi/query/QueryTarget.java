package org.w3id.fazhi.query;

import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreLockedException;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * What saved queries run on: a store folder, a SPARQL endpoint, or reports extracted into memory.
 * {@link #open} gives a {@link Connection} whose runner reads the target; closing it releases the
 * store when one was opened.
 *
 * <pre>{@code
 * try (QueryTarget.Connection c = QueryTarget.store(Path.of("kg-db")).open(null, System.err::println)) {
 *     c.runner().run(query, Map.of());
 * }
 * }</pre>
 */
public sealed interface QueryTarget permits QueryTarget.Store, QueryTarget.Endpoint, QueryTarget.Reports {

    /** A TDB2 store folder, opened for the connection (it must not be held by another process). */
    record Store(Path folder, String base) implements QueryTarget {
        public Store {
            Objects.requireNonNull(folder, "folder");
            Objects.requireNonNull(base, "base");
        }
    }

    /** A SPARQL query service URL. */
    record Endpoint(String url) implements QueryTarget {
        public Endpoint {
            Objects.requireNonNull(url, "url");
        }
    }

    /** Reports (files, folders, URLs) extracted under a base into memory, with the vocabularies. */
    record Reports(List<String> inputs, String base) implements QueryTarget {
        public Reports {
            inputs = List.copyOf(inputs);
            Objects.requireNonNull(base, "base");
        }
    }

    static QueryTarget store(Path folder) { return new Store(folder, IriMinter.DEFAULT_BASE); }

    /**
     * A runner on this target, with a time limit per query when {@code timeout} is not null.
     * Reports that cannot be read go to {@code problems}. A missing or locked store, or no
     * readable report, is a {@link QueryException} that says what to do instead.
     */
    default Connection open(Duration timeout, Consumer<String> problems) {
        QueryRunner.Builder b = QueryRunner.builder();
        if (timeout != null) b.timeout(timeout);
        KnowledgeStore opened = null;
        if (this instanceof Endpoint e) {
            b.endpoint(e.url());
        } else if (this instanceof Reports r) {
            b.dataset(QueryDatasets.fromReports(r.inputs(), r.base(), problems));
        } else {
            Store s = (Store) this;
            if (!Files.isDirectory(s.folder().resolve("tdb2"))) {
                throw new QueryException("no store at " + s.folder() + " (build one with: fazhi load PATH... --db " + s.folder()
                        + ", or name --endpoint URL or --data PATH)");
            }
            try {
                opened = KnowledgeStore.builder().folder(s.folder()).base(s.base()).build();
            } catch (StoreLockedException ex) {
                throw new QueryException(ex.getMessage()
                        + "; a running server answers with --endpoint http://localhost:3030/kg/sparql");
            }
            b.dataset(opened.dataset());
        }
        return new Connection(b.build(), opened);
    }

    /** A runner on a target; closing it closes the store it opened, if any. */
    final class Connection implements AutoCloseable {
        private final QueryRunner runner;
        private final KnowledgeStore store;

        private Connection(QueryRunner runner, KnowledgeStore store) {
            this.runner = runner;
            this.store = store;
        }

        public QueryRunner runner() { return runner; }

        @Override
        public void close() {
            if (store != null) store.close();
        }
    }
}
