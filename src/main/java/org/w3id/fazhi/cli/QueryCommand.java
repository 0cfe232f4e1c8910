package org.w3id.fazhi.cli;

import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.query.QueryTarget;
import org.w3id.fazhi.rdf.IriMinter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fazhi query list | show NAME | run NAME | time}: the saved queries of {@code queries/} on the command line.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Saved SPARQL queries: list them, show one, run one on a store, an endpoint or reports.",
        subcommands = {QueryCommand.ListCommand.class, QueryCommand.ShowCommand.class, QueryCommand.RunCommand.class,
                QueryCommand.TimeCommand.class})
final class QueryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show, run or time");
    }

    /** Where the queries come from. */
    static final class Source {
        @Option(names = "--queries", paramLabel = "DIR",
                description = "Folder of .rq files (default: ./queries if it has any, else those in the jar).")
        Path dir;

        SavedQueries load() {
            return dir != null ? SavedQueries.fromDirectory(dir) : SavedQueries.load();
        }
    }

    /** {@code NAME=VALUE} pairs as a map; the value is everything after the first {@code =}, kept as typed. */
    static Map<String, String> params(List<String> pairs) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String pair : pairs) {
            int eq = pair.indexOf('=');
            if (eq <= 0) throw new QueryException("--param wants NAME=VALUE, not '" + pair + "'");
            m.put(pair.substring(0, eq).strip(), pair.substring(eq + 1));
        }
        return m;
    }

    static PrintStream out() { return new PrintStream(System.out, true, StandardCharsets.UTF_8); }

    static int fail(String message, int code) {
        System.err.println("fazhi: " + message);
        return code;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, description = "List the saved queries.")
    static final class ListCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Source source = new Source();

        @Override
        public Integer call() {
            SavedQueries all;
            try {
                all = source.load();
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.USAGE);
            }
            List<List<String>> rows = new ArrayList<>();
            for (SavedQuery q : all.all()) {
                List<String> ps = new ArrayList<>();
                for (SavedQuery.Param p : q.params()) ps.add(p.name() + "=" + p.defaultValue());
                rows.add(List.of(q.name(), q.titleZh(), q.titleEn(), q.view().id(), String.join(" ", ps)));
            }
            out().print(ResultFormat.table(List.of("name", "标题", "title", "view", "parameters (defaults)"), rows));
            return Fazhi.OK;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true,
            description = "Show a saved query: its header, parameters and SPARQL (with --param, the query as it would run).")
    static final class ShowCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Source source = new Source();

        @Parameters(index = "0", paramLabel = "NAME", description = "The query's name (see fazhi query list).")
        String name;

        @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "Bind a parameter and print the query as it would run.")
        List<String> params = new ArrayList<>();

        @Override
        public Integer call() {
            try {
                SavedQuery q = source.load().get(name);
                PrintStream out = out();
                if (!params.isEmpty()) {
                    out.print(QueryRunner.bind(q, params(params)).serialize());
                    return Fazhi.OK;
                }
                out.println(q.name() + ": " + q.title());
                if (!q.description().isEmpty()) out.println("  " + q.description());
                for (SavedQuery.Param p : q.params()) {
                    out.println("  --param " + p.name() + "=" + p.defaultValue() + "  [" + p.type().id() + "]"
                            + (p.doc().isEmpty() ? "" : "  " + p.doc()));
                }
                out.println("  columns: " + String.join(", ", q.columns()));
                out.println("  view: " + q.view().id());
                out.println();
                out.print(q.sparql());
                return Fazhi.OK;
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.USAGE);
            }
        }
    }

    /** One of: a store folder (the default, kg-db/), an endpoint, reports to extract on the fly. */
    static final class Target {
        @Option(names = "--db", paramLabel = "DIR", required = true, description = "A store folder (default: kg-db).")
        Path db;

        @Option(names = "--endpoint", paramLabel = "URL", required = true, description = "A SPARQL endpoint (query service URL).")
        String endpoint;

        @Option(names = "--data", paramLabel = "PATH", arity = "1..*", required = true,
                description = "Reports (files, folders, URLs) to extract into memory, with the bundled vocabularies.")
        List<String> data;

        /** The target these options name; the default store when none is named. */
        static QueryTarget of(Target t, String base) {
            if (t != null && t.endpoint != null) return new QueryTarget.Endpoint(t.endpoint);
            if (t != null && t.data != null) return new QueryTarget.Reports(t.data, base);
            return new QueryTarget.Store(t == null || t.db == null ? KnowledgeStore.DEFAULT_FOLDER : t.db, base);
        }
    }

    static QueryTarget.Connection connect(Target target, String base, Integer timeout) {
        return Target.of(target, base).open(timeout == null ? null : Duration.ofSeconds(timeout),
                p -> System.err.println("fazhi: " + p));
    }

    @Command(name = "run", mixinStandardHelpOptions = true, description = "Run a saved query and print its result.")
    static final class RunCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Source source = new Source();

        @Parameters(index = "0", paramLabel = "NAME", description = "The query's name (see fazhi query list).")
        String name;

        @Option(names = {"-p", "--param"}, paramLabel = "NAME=VALUE", description = "A parameter value (repeat for more).")
        List<String> params = new ArrayList<>();

        @Option(names = {"-f", "--format"}, defaultValue = "table", paramLabel = "FORMAT",
                description = "table, csv, tsv, json (SPARQL results JSON) or md (default: ${DEFAULT-VALUE}).")
        String format;

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Target target;

        @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of IRIs for --data (default: ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this many seconds.")
        Integer timeout;

        @Option(names = "--limit", paramLabel = "N", description = "At most N rows (default: all).")
        Long limit;

        @Option(names = "--offset", paramLabel = "N", description = "Skip the first N rows (default: 0).")
        Long offset;

        @Override
        public Integer call() {
            SavedQuery q;
            ResultFormat fmt;
            Map<String, String> values;
            try {
                fmt = ResultFormat.of(format);
                q = source.load().get(name);
                values = params(params);
                QueryRunner.bind(q, values);
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.USAGE);
            }
            try (QueryTarget.Connection c = connect(target, base, timeout)) {
                QueryRunner.Page page = limit == null && offset == null ? null
                        : new QueryRunner.Page(offset == null ? 0 : offset, limit == null ? QueryRunner.Page.MAX_LIMIT : limit);
                QueryResult result = c.runner().run(q, values, page);
                fmt.write(result, System.out);
                System.out.flush();
                return Fazhi.OK;
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.SOME_FAILED);
            }
        }
    }

    @Command(name = "time", mixinStandardHelpOptions = true,
            description = "Run every saved query with its defaults and print rows, median and worst milliseconds.")
    static final class TimeCommand implements Callable<Integer> {
        @CommandLine.Mixin
        Source source = new Source();

        @ArgGroup(exclusive = true, multiplicity = "0..1")
        Target target;

        @Option(names = "--runs", defaultValue = "5", description = "Timed runs per query, after one warm-up (default: ${DEFAULT-VALUE}).")
        int runs;

        @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of IRIs for --data.")
        String base;

        @Override
        public Integer call() {
            try (QueryTarget.Connection c = connect(target, base, null)) {
                List<List<String>> rows = new ArrayList<>();
                List<Double> medians = new ArrayList<>();
                for (SavedQuery q : source.load().all()) {
                    int size = c.runner().run(q, Map.of()).size();
                    List<Double> ms = new ArrayList<>();
                    for (int i = 0; i < Math.max(1, runs); i++) ms.add(c.runner().run(q, Map.of()).elapsed().toNanos() / 1e6);
                    ms.sort(null);
                    double median = ms.get(ms.size() / 2);
                    medians.add(median);
                    rows.add(List.of(q.name(), Integer.toString(size), String.format("%.1f", median),
                            String.format("%.1f", ms.get(ms.size() - 1))));
                }
                out().print(ResultFormat.table(List.of("query", "rows", "median ms", "worst ms"), rows));
                medians.sort(null);
                out().printf("%d queries; median of medians %.1f ms, slowest median %.1f ms%n", rows.size(),
                        medians.get(medians.size() / 2), medians.get(medians.size() - 1));
                return Fazhi.OK;
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.SOME_FAILED);
            }
        }
    }
}
