package org.w3id.fazhi.store;

/** The store's folder cannot be written: a read-only folder or file system, or a full disk. */
public final class StoreAccessException extends RuntimeException {
    StoreAccessException(String message, Throwable cause) { super(message, cause); }
}
