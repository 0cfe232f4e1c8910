package org.w3id.fazhi.source;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.FileSystemLoopException;
import java.nio.file.NoSuchFileException;

/** Why one input could not be read. The message is "location: problem", ready to show to the user. */
public class SourceException extends Exception {
    private final String location;
    private final String problem;
    private final ProblemKind kind;

    public SourceException(String location, String problem) {
        this(location, problem, null);
    }

    public SourceException(String location, String problem, Throwable cause) {
        this(location, ProblemKind.OTHER, problem, cause);
    }

    public SourceException(String location, ProblemKind kind, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.location = location;
        this.problem = problem;
        this.kind = kind;
    }

    /** The input as given. */
    public String location() {
        return location;
    }

    /** The problem without the location, e.g. "empty file". */
    public String problem() {
        return problem;
    }

    /** What kind of problem it is, for the summary's counts. */
    public ProblemKind kind() {
        return kind;
    }

    public SourceProblem toProblem() {
        return new SourceProblem(location, getMessage(), kind);
    }

    /** A library's reason for a failure, short enough for one line of a summary. */
    static String briefly(Throwable e) {
        String why = e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage().strip();
        return why.length() > 160 ? why.substring(0, 160) + "…" : why;
    }

    /** Wraps an I/O failure; NIO puts the path into its messages, which would repeat the location. */
    static SourceException of(String location, IOException e) {
        String problem;
        if (e instanceof NoSuchFileException) problem = "no such file or directory";
        else if (e instanceof AccessDeniedException) problem = "permission denied";
        else if (e instanceof FileSystemLoopException) problem = "symbolic link loop";
        else if (e instanceof FileSystemException fse && fse.getReason() != null) problem = fse.getReason();
        else if (e.getMessage() != null) problem = e.getMessage();
        else problem = "cannot read (" + e.getClass().getSimpleName() + ")";
        return new SourceException(location, problem, e);
    }
}
