package org.w3id.fazhi.architecture;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Data flows one way (docs/architecture.md): each stage imports only the stages before it, and
 * the stages after extraction see of {@code extract} only the pipeline's public API. Read from
 * the sources' import lines, so a new import that breaks the rule fails here.
 */
class ArchitectureTest {

    private static final Path MAIN = Path.of("src/main/java/org/w3id/fazhi");
    private static final Pattern IMPORT = Pattern.compile("^import (?:static )?org\\.w3id\\.fazhi\\.([a-z]+)\\.([A-Za-z]+)", Pattern.MULTILINE);

    /** What the stages after extraction may use of it: the pipeline, its results and its sink. */
    private static final Set<String> PIPELINE_API = Set.of("ExtractionPipeline", "ExtractionResult", "GraphSink", "LoadSummary");

    /** Each package and the packages it may import ("extract" meaning the pipeline API only, "extract*" all of it). */
    private static final Map<String, Set<String>> ALLOWED = Map.ofEntries(
            entry("util", Set.of()),
            entry("source", Set.of("util")),
            entry("clean", Set.of("util")),
            entry("recognize", Set.of("clean", "util")),
            entry("rdf", Set.of("clean", "recognize", "util")),
            entry("extract", Set.of("source", "clean", "recognize", "rdf", "util", "extract*")),
            entry("store", Set.of("rdf", "util", "extract")),
            entry("query", Set.of("store", "rdf", "util", "extract")),
            entry("server", Set.of("query", "store", "rdf", "util", "extract")),
            entry("validate", Set.of("rdf", "util")),
            entry("eval", Set.of("util")),
            entry("bench", Set.of("server", "query", "store", "rdf", "util", "extract")),
            entry("cli", Set.of("bench", "eval", "validate", "server", "query", "store", "rdf", "util", "extract*")));

    @Test
    void everyStageImportsOnlyWhatComesBeforeIt() throws IOException {
        List<String> wrong = new ArrayList<>();
        int imports = 0;
        try (Stream<Path> files = Files.walk(MAIN)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String from = MAIN.relativize(f).getName(0).toString();
                Set<String> allowed = ALLOWED.get(from);
                assertTrue(allowed != null, "a package the architecture does not name: " + from + " (add it to docs/architecture.md and here)");
                Matcher m = IMPORT.matcher(Files.readString(f));
                while (m.find()) {
                    String to = m.group(1), type = m.group(2);
                    imports++;
                    if (to.equals(from)) continue;
                    boolean ok = allowed.contains(to + "*") || (allowed.contains(to) && (!to.equals("extract") || PIPELINE_API.contains(type)));
                    if (!ok) wrong.add(MAIN.relativize(f) + " imports " + to + "." + type);
                }
            }
        }
        assertTrue(imports > 100, "imports read: " + imports);
        assertEquals(List.of(), wrong);
    }
}
