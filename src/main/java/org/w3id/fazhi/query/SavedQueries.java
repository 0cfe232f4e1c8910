package org.w3id.fazhi.query;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The saved queries, by name: the {@code .rq} files of a folder ({@code queries/} of a checkout), or
 * the copies bundled in the jar under {@code fazhi/queries/}.
 *
 * <pre>{@code
 * SavedQueries all = SavedQueries.load();            // ./queries if there is one, else the jar's
 * SavedQuery q = all.get("regions-practising-program");
 * }</pre>
 */
public final class SavedQueries {

    /** Where the jar keeps its copies. */
    public static final String RESOURCE_DIR = "fazhi/queries/";

    private final Map<String, SavedQuery> byName;
    private final String origin;

    private SavedQueries(Map<String, SavedQuery> byName, String origin) {
        this.byName = Collections.unmodifiableMap(new TreeMap<>(byName));
        this.origin = origin;
    }

    /** {@code ./queries} when it holds {@code .rq} files, else the queries bundled in the jar. */
    public static SavedQueries load() {
        Path local = Path.of("queries");
        if (hasQueries(local)) return fromDirectory(local);
        return bundled();
    }

    /** Every {@code *.rq} file of {@code dir}. */
    public static SavedQueries fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) throw new QueryException("no query folder " + dir);
        try (Stream<Path> files = Files.list(dir)) {
            return new SavedQueries(read(files.filter(SavedQueries::isQueryFile).toList()), dir.toString());
        } catch (IOException e) {
            throw new QueryException("cannot read " + dir + ": " + e.getMessage(), e);
        }
    }

    /** The queries bundled in the jar (or in target/classes when run from the build). */
    public static SavedQueries bundled() {
        URL url = SavedQueries.class.getClassLoader().getResource(RESOURCE_DIR);
        if (url == null) throw new QueryException("no saved queries bundled (missing " + RESOURCE_DIR + ")");
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                try (Stream<Path> files = Files.list(fs.getPath(RESOURCE_DIR))) {
                    return new SavedQueries(read(files.filter(SavedQueries::isQueryFile).toList()), "bundled");
                }
            }
            try (Stream<Path> files = Files.list(Path.of(uri))) {
                return new SavedQueries(read(files.filter(SavedQueries::isQueryFile).toList()), "bundled");
            }
        } catch (IOException | URISyntaxException e) {
            throw new QueryException("cannot list the bundled queries: " + e.getMessage(), e);
        }
    }

    /** Queries built in code or read elsewhere. */
    public static SavedQueries of(Collection<SavedQuery> queries) {
        Map<String, SavedQuery> m = new TreeMap<>();
        for (SavedQuery q : queries) m.put(q.name(), q);
        return new SavedQueries(m, "given");
    }

    /** Reads one query from a stream. */
    public static SavedQuery read(String name, InputStream in) throws IOException {
        return SavedQuery.parse(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
    }

    /** The query called {@code name}; an unknown name is an error that lists the valid ones. */
    public SavedQuery get(String name) {
        SavedQuery q = byName.get(name);
        if (q == null) {
            throw new QueryException("no saved query '" + name + "'; valid: " + String.join(", ", byName.keySet()));
        }
        return q;
    }

    public Optional<SavedQuery> find(String name) { return Optional.ofNullable(byName.get(name)); }

    /** All queries, by name. */
    public List<SavedQuery> all() { return new ArrayList<>(byName.values()); }

    public List<String> names() { return new ArrayList<>(byName.keySet()); }

    /** The folder the queries were read from, or {@code bundled}. */
    public String origin() { return origin; }

    private static boolean hasQueries(Path dir) {
        if (!Files.isDirectory(dir)) return false;
        try (Stream<Path> files = Files.list(dir)) {
            return files.anyMatch(SavedQueries::isQueryFile);
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean isQueryFile(Path p) {
        return p.getFileName().toString().endsWith(".rq") && Files.isRegularFile(p);
    }

    private static Map<String, SavedQuery> read(List<Path> files) throws IOException {
        Map<String, SavedQuery> m = new TreeMap<>();
        for (Path f : files) {
            String file = f.getFileName().toString();
            String name = file.substring(0, file.length() - ".rq".length());
            m.put(name, SavedQuery.parse(name, Files.readString(f, StandardCharsets.UTF_8)));
        }
        return m;
    }
}
