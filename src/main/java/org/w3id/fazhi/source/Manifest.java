package org.w3id.fazhi.source;

import org.w3id.fazhi.util.Locations;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.w3id.fazhi.util.ContentHash;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A table of what is known about reports besides their text: a crawler's manifest beside the
 * reports ({@code manifest.tsv} or {@code manifest.csv} in a folder given as input), or a curator's
 * overrides ({@code data/overrides.tsv}). One row per report:
 *
 * <pre>
 * source                        region  year  title                          published   publisher        kind
 * nanchang-county-2023.txt      360121  2023                                 2024-01-25  南昌县人民政府      government
 * https://www.example.gov.cn/…  360100  2022  南昌市2022年法治政府建设年度报告
 * </pre>
 *
 * {@code source} (required) is a file name or path relative to the table's folder, or a URL (a bare
 * file name also matches a file of that name in any folder, as {@code fazhi review} prints them); every
 * other column may be left empty. TSV when the name ends in {@code .tsv}, else CSV; UTF-8; a first
 * line of column names; lines starting with {@code #} are comments.
 */
public final class Manifest {

    /** The names a manifest beside the reports may have. */
    public static final List<String> FILE_NAMES = List.of("manifest.tsv", "manifest.csv");

    /** The columns a row may give besides {@code source}. */
    public static final Set<String> FIELDS = Set.of("region", "year", "title", "published", "publisher", "kind");

    private static final Manifest NONE = new Manifest(null, null, Map.of(), Map.of());

    private final Path file;
    private final String sha256;
    private final Map<String, Map<String, String>> rows;
    /** Rows whose source is a bare file name: they also match that file in any folder (review prints names only). */
    private final Map<String, Map<String, String>> byName;

    private Manifest(Path file, String sha256, Map<String, Map<String, String>> rows, Map<String, Map<String, String>> byName) {
        this.file = file;
        this.sha256 = sha256;
        this.rows = rows;
        this.byName = byName;
    }

    public static Manifest none() { return NONE; }

    /** Reads a table; a missing {@code source} column, an unknown column or a row without a source is an error naming the file. */
    public static Manifest read(Path file) throws SourceException {
        String where = file.toString();
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new SourceException(where, "cannot read: " + e.getMessage());
        }
        CSVFormat format = (file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".tsv") ? CSVFormat.TDF : CSVFormat.DEFAULT)
                .builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#').setIgnoreEmptyLines(true)
                .setTrim(true).get();
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) text = text.substring(1);
        Map<String, Map<String, String>> rows = new HashMap<>(), byName = new HashMap<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> columns = parser.getHeaderNames();
            if (!columns.contains("source")) throw new SourceException(where, "no 'source' column (columns: " + columns + ")");
            for (String c : columns) {
                if (!c.equals("source") && !FIELDS.contains(c)) {
                    throw new SourceException(where, "unknown column '" + c + "' (known: source, " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
                }
            }
            Path folder = file.toAbsolutePath().normalize().getParent();
            for (CSVRecord r : parser) {
                String source = r.isSet("source") ? r.get("source") : "";
                if (source.isEmpty()) throw new SourceException(where, "line " + r.getParser().getCurrentLineNumber() + ": no source");
                Map<String, String> values = new LinkedHashMap<>();
                for (String c : columns) {
                    if (!c.equals("source") && r.isSet(c) && !r.get(c).isEmpty()) values.put(c, r.get(c));
                }
                rows.put(key(source, folder), Map.copyOf(values));
                if (!source.contains("/") && !source.contains("\\") && !source.contains(":")) byName.put(source, Map.copyOf(values));
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException e) {
            throw new SourceException(where, "not a table: " + e.getMessage());
        }
        return new Manifest(file, ContentHash.sha256(bytes), rows, byName);
    }

    /** The manifest in a folder, if it has one; else {@link #none()}. */
    public static Manifest inFolder(Path folder) throws SourceException {
        for (String name : FILE_NAMES) {
            Path f = folder.resolve(name);
            if (Files.isRegularFile(f)) return read(f);
        }
        return NONE;
    }

    /** What the table says about a report read from this location (a path as given, or a URL); empty when nothing. */
    public Map<String, String> lookup(String location) {
        if (rows.isEmpty()) return Map.of();
        Map<String, String> row = rows.get(key(location, null));
        if (row == null && !Locations.isWebAddress(location)) {
            Path name = Path.of(location).getFileName();
            if (name != null) row = byName.get(name.toString());
        }
        return row == null ? Map.of() : row;
    }

    public boolean isEmpty() { return rows.isEmpty(); }

    /** The table's file name (no folder), for the graph's provenance. */
    public String fileName() { return file == null ? null : file.getFileName().toString(); }

    /** SHA-256 of the table's bytes. */
    public String sha256() { return sha256; }

    /** A location as a lookup key: a URL as it is, a path made absolute against the table's folder. */
    private static String key(String location, Path folder) {
        if (Locations.isWebAddress(location)) return location;
        Path p = Path.of(location);
        if (folder != null && !p.isAbsolute()) p = folder.resolve(p);
        return p.toAbsolutePath().normalize().toString();
    }
}
