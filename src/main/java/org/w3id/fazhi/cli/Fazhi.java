package org.w3id.fazhi.cli;

import org.w3id.fazhi.extract.Extractor;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * {@code fazhi}: the command line. Each subcommand is a thin shell over one stage's API.
 *
 * <p>Exit codes scripts can trust: 0 everything went through; 1 some inputs failed and the rest
 * were written; 2 bad usage; 3 nothing could be read; 4 the output does not validate; 5 the store or the port is in use.
 */
@Command(name = "fazhi", mixinStandardHelpOptions = true, versionProvider = Fazhi.Version.class,
        description = "A knowledge graph of Chinese local governments' annual rule-of-law reports (法治政府建设年度报告).",
        subcommands = {ExtractCommand.class, ValidateCommand.class, EvalCommand.class,
                LoadCommand.class, DumpCommand.class, ServeCommand.class, QueryCommand.class, ReviewCommand.class, BenchCommand.class,
                CommandLine.HelpCommand.class})
public final class Fazhi implements Runnable {

    public static final int OK = 0;
    public static final int SOME_FAILED = 1;
    public static final int USAGE = 2;
    public static final int NOTHING_READ = 3;
    public static final int INVALID = 4;
    /** The store is in use by another process, or the port is taken. */
    public static final int STORE_LOCKED = 5;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Caffeine (TDB2's node caches) logs a stack trace through java.util.logging when its background
     * maintenance meets the same fault a load reports itself, e.g. a full disk; the user gets our one
     * line instead. Held here: java.util.logging keeps loggers only weakly.
     */
    private static final java.util.logging.Logger CACHE_LOG = java.util.logging.Logger.getLogger("com.github.benmanes.caffeine");

    public static void main(String[] args) {
        CACHE_LOG.setLevel(java.util.logging.Level.SEVERE);
        System.exit(commandLine().execute(args));
    }

    public static CommandLine commandLine() {
        return new CommandLine(new Fazhi()).setCaseInsensitiveEnumValuesAllowed(true);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "name a subcommand");
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() { return new String[] {"fazhi " + Extractor.version()}; }
    }
}
