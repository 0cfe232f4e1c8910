package org.w3id.fazhi.source;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.w3id.fazhi.util.ContentHash;
import org.w3id.fazhi.util.Folders;

/**
 * LibreOffice, headless, as the converter of the tests' OpenDocument files into the formats offices
 * publish: {@code soffice --headless --convert-to pdf|docx|doc}. Many files go through one run of
 * soffice (it takes a few seconds to start), each run with a profile of its own so parallel builds do
 * not share one. What it makes is cached under {@code target/office-documents/FORMAT/}, named by the
 * SHA-256 of the OpenDocument file, so a test run converts only what changed; nothing it makes is
 * committed.
 */
public final class OfficeSuite {
    /** Where Debian's libreoffice-writer-nogui puts it; .ci/run installs it. */
    private static final List<Path> PLACES = List.of(Path.of("/usr/bin/soffice"), Path.of("/usr/lib/libreoffice/program/soffice"));
    private static final Path CACHE = Path.of("target", "office-documents");
    private static final long TIMEOUT_MINUTES = 10;
    /** The folders of reports the tests convert: asked for one, the suite converts all in one run per format. */
    private static final List<Path> DEVELOPMENT_SETS = List.of(Path.of("data/reports"), Path.of("../shared/seeds"),
            Path.of("../shared/gold-extra/reports"), Path.of("../shared/gold-meta/reports"));

    private final Path soffice;

    private OfficeSuite(Path soffice) {
        this.soffice = soffice;
    }

    /** The office suite of this machine, if it has one (on PATH or where Debian installs it). */
    public static Optional<OfficeSuite> find() {
        Stream<Path> onPath = Stream.of(System.getenv().getOrDefault("PATH", "").split(File.pathSeparator))
                .filter(s -> !s.isEmpty()).map(s -> Path.of(s, "soffice"));
        return Stream.concat(onPath, PLACES.stream()).filter(Files::isExecutable).findFirst().map(OfficeSuite::new);
    }

    /** Why the tests that need it are skipped, and how to give it to them. */
    public static String missing() {
        return "no LibreOffice (soffice) on this machine: the tests of office-made PDF and Word files need it; "
                + "install it with `apt-get install libreoffice-writer-nogui` (.ci/run does)";
    }

    /**
     * Each OpenDocument file converted to {@code format} ("pdf", "docx", "doc"), by the names given;
     * the values are files in the cache, to be read or copied, not changed.
     */
    public Map<String, Path> convert(Map<String, byte[]> flatOdts, String format) throws IOException, InterruptedException {
        TestDocuments.font(); // without the CJK font LibreOffice prints Han characters in whatever it finds, or not at all
        Path cache = Files.createDirectories(CACHE.resolve(format));
        Map<String, Path> out = new LinkedHashMap<>();
        Map<String, byte[]> missing = new LinkedHashMap<>();
        for (Map.Entry<String, byte[]> e : flatOdts.entrySet()) {
            String key = ContentHash.sha256(e.getValue());
            Path converted = cache.resolve(key + "." + format);
            out.put(e.getKey(), converted);
            if (!Files.isRegularFile(converted)) missing.put(key, e.getValue());
        }
        if (!missing.isEmpty()) run(missing, format, cache);
        return out;
    }

    /**
     * Every .txt report of a folder laid out as printed ({@link PrintedReport#fromText}) and converted
     * to {@code format}, copied into {@code into} under the report's name with the format's extension;
     * the files written, in name order.
     */
    public List<Path> convertReports(Path folder, String format, Path into) throws IOException, InterruptedException {
        if (DEVELOPMENT_SETS.contains(folder)) {
            Map<String, byte[]> all = new LinkedHashMap<>();
            for (Path set : DEVELOPMENT_SETS) {
                if (Files.isDirectory(set)) printed(set, format).forEach((name, odt) -> all.put(set + "/" + name, odt));
            }
            convert(all, format); // one run of soffice for every set, the first time a format is asked for
        }
        Map<String, byte[]> odts = printed(folder, format);
        Files.createDirectories(into);
        List<Path> out = new ArrayList<>();
        for (Map.Entry<String, Path> e : convert(odts, format).entrySet()) {
            out.add(Files.copy(e.getValue(), into.resolve(e.getKey()), StandardCopyOption.REPLACE_EXISTING));
        }
        return out;
    }

    /** The .txt reports of a folder laid out as printed, by the names of their converted files. */
    private static Map<String, byte[]> printed(Path folder, String format) throws IOException {
        Map<String, byte[]> odts = new LinkedHashMap<>();
        try (Stream<Path> files = Files.list(folder)) {
            for (Path f : files.filter(f -> f.getFileName().toString().endsWith(".txt")).sorted().toList()) {
                odts.put(f.getFileName().toString().replaceFirst("\\.txt$", "." + format), PrintedReport.fromText(f).flatOdt());
            }
        } catch (SourceException e) {
            throw new IOException(e.getMessage(), e);
        }
        return odts;
    }

    /** One soffice run for all the files not yet in the cache; each result moved in whole. */
    private void run(Map<String, byte[]> byKey, String format, Path cache) throws IOException, InterruptedException {
        Path work = Files.createTempDirectory("fazhi-office-");
        try {
            Path in = Files.createDirectories(work.resolve("in")), made = Files.createDirectories(work.resolve("out"));
            List<String> command = new ArrayList<>(List.of(soffice.toString(), "--headless", "--norestore",
                    "-env:UserInstallation=" + work.resolve("profile").toUri(), "--convert-to", format, "--outdir", made.toString()));
            for (Map.Entry<String, byte[]> e : byKey.entrySet()) {
                Path f = in.resolve(e.getKey() + ".fodt");
                Files.write(f, e.getValue());
                command.add(f.toString());
            }
            Path log = work.resolve("soffice.log");
            Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
            if (!p.waitFor(TIMEOUT_MINUTES, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IOException("soffice did not finish converting " + byKey.size() + " file(s) to " + format
                        + " in " + TIMEOUT_MINUTES + " minutes");
            }
            for (String key : byKey.keySet()) {
                Path result = made.resolve(key + "." + format);
                if (!Files.isRegularFile(result)) {
                    throw new IOException("soffice made no " + format + " of " + key + ".fodt (exit " + p.exitValue() + "): "
                            + Files.readString(log, StandardCharsets.UTF_8).strip());
                }
                Path part = cache.resolve(key + "." + format + ".part");
                Files.copy(result, part, StandardCopyOption.REPLACE_EXISTING);
                Files.move(part, cache.resolve(key + "." + format), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Folders.deleteTree(work);
        }
    }
}
