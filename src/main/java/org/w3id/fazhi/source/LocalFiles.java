package org.w3id.fazhi.source;

import java.io.IOException;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;

/** Reports on the local file system: single files, and the report files inside a directory tree. */
final class LocalFiles {

    /** The report files under a directory, and the entries that could not be visited; both sorted. */
    record Listing(List<String> reports, List<SourceProblem> problems) {}

    private LocalFiles() {}

    /** The directory an input names, or empty if it names anything else (or nothing). */
    static Optional<Path> directory(String location) {
        try {
            Path path = Path.of(location);
            return Files.isDirectory(path) ? Optional.of(path) : Optional.empty();
        } catch (InvalidPathException notAPath) {
            return Optional.empty();
        }
    }

    static RawSource load(String location, SizeLimit limit) throws SourceException {
        Path path;
        try {
            path = Path.of(location);
        } catch (InvalidPathException e) {
            throw new SourceException(location, "not a valid path (" + e.getReason() + ")");
        }
        try {
            BasicFileAttributes attributes = Files.readAttributes(path, BasicFileAttributes.class);
            if (attributes.isDirectory()) {
                throw new SourceException(location, "is a directory; read it as a batch to take the reports in it");
            }
            limit.check(location, attributes.size());
            byte[] bytes = Files.readAllBytes(path);
            String fileName = path.getFileName() == null ? location : path.getFileName().toString();
            return new RawSource(location, fileName, bytes, MediaKind.ofFileName(fileName), Optional.empty());
        } catch (IOException e) {
            throw SourceException.of(location, e);
        }
    }

    /**
     * Walks a directory tree for *.txt, *.html, *.htm, *.pdf, *.docx and *.doc files. Hidden files and directories (a leading dot)
     * are skipped: editors and version control keep backups and copies there. Locations are built on the
     * directory as given, so they stay relative if the user gave a relative path.
     */
    static Listing list(Path directory) {
        List<String> reports = new ArrayList<>();
        List<SourceProblem> problems = new ArrayList<>();
        try {
            // Links are followed because report collections are often assembled from links; loops are reported.
            Files.walkFileTree(directory, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                    new SimpleFileVisitor<>() {
                        @Override
                        public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                            return !dir.equals(directory) && isHidden(dir)
                                    ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                            if (attributes.isRegularFile() && !isHidden(file)
                                    && MediaKind.ofFileName(file.getFileName().toString()).isPresent()) {
                                reports.add(file.toString());
                            }
                            return FileVisitResult.CONTINUE;
                        }

                        @Override
                        public FileVisitResult visitFileFailed(Path file, IOException e) {
                            problems.add(SourceException.of(file.toString(), e).toProblem());
                            return FileVisitResult.CONTINUE;
                        }
                    });
        } catch (IOException e) {
            problems.add(SourceException.of(directory.toString(), e).toProblem());
        }
        reports.sort(Comparator.naturalOrder());
        problems.sort(Comparator.comparing(SourceProblem::location));
        return new Listing(reports, problems);
    }

    /** Dot files, and the "~$" lock files Word leaves beside a document it has open (they hold only a user name). */
    private static boolean isHidden(Path path) {
        return path.getFileName() != null
                && (path.getFileName().toString().startsWith(".") || path.getFileName().toString().startsWith("~$"));
    }
}
