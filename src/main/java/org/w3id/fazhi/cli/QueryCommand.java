package org.w3id.fazhi.cli;

import org.apache.jena.query.Dataset;
import org.w3id.fazhi.query.QueryDatasets;
import org.w3id.fazhi.query.QueryException;
import org.w3id.fazhi.query.QueryResult;
import org.w3id.fazhi.query.QueryRunner;
import org.w3id.fazhi.query.ResultFormat;
import org.w3id.fazhi.query.SavedQueries;
import org.w3id.fazhi.query.SavedQuery;
import org.w3id.fazhi.rdf.IriMinter;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;

/**
 * {@code fazhi query list | show NAME | run NAME}: the saved queries of {@code queries/} on the command line.
 */
@Command(name = "query", mixinStandardHelpOptions = true,
        description = "Saved SPARQL queries: list them, show one, run one on a store, an endpoint or reports.",
        subcommands = {QueryCommand.ListCommand.class, QueryCommand.ShowCommand.class, QueryCommand.RunCommand.class})
final class QueryCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand: list, show or run");
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

    /** One of: a store folder, an endpoint, reports to extract on the fly. */
    static final class Target {
        @Option(names = "--db", paramLabel = "DIR", required = true, description = "A TDB2 store folder (opened to read).")
        Path db;

        @Option(names = "--endpoint", paramLabel = "URL", required = true, description = "A SPARQL endpoint (query service URL).")
        String endpoint;

        @Option(names = "--data", paramLabel = "PATH", arity = "1..*", required = true,
                description = "Reports (files, folders, URLs) to extract into memory, with the bundled vocabularies.")
        List<String> data;
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

        @ArgGroup(exclusive = true, multiplicity = "1")
        Target target;

        @Option(names = "--base", defaultValue = IriMinter.DEFAULT_BASE, description = "Base of IRIs for --data (default: ${DEFAULT-VALUE}).")
        String base;

        @Option(names = "--timeout", paramLabel = "SECONDS", description = "Give up after this many seconds.")
        Integer timeout;

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
            try {
                Dataset ds;
                QueryRunner.Builder b = QueryRunner.builder();
                if (timeout != null) b.timeout(java.time.Duration.ofSeconds(timeout));
                if (target.endpoint != null) {
                    b.endpoint(target.endpoint);
                } else if (target.db != null) {
                    ds = QueryDatasets.openTdb2(target.db);
                    b.dataset(ds);
                } else {
                    ds = QueryDatasets.fromReports(target.data, base, p -> System.err.println("fazhi: " + p));
                    b.dataset(ds);
                }
                QueryResult result = b.build().run(q, values);
                fmt.write(result, System.out);
                System.out.flush();
                return Fazhi.OK;
            } catch (QueryException e) {
                return fail(e.getMessage(), Fazhi.SOME_FAILED);
            }
        }
    }
}
