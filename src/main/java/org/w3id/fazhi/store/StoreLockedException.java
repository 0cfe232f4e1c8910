package org.w3id.fazhi.store;

/** The store folder is in use by another process (TDB2 allows one process per store). */
public final class StoreLockedException extends RuntimeException {
    public StoreLockedException(String message, Throwable cause) {
        super(message, cause);
    }
}
