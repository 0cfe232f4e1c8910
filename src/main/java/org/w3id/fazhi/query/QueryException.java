package org.w3id.fazhi.query;

/** A saved query cannot be found, parsed, bound or run; the message says what to do instead. */
public class QueryException extends RuntimeException {
    public QueryException(String message) { super(message); }

    public QueryException(String message, Throwable cause) { super(message, cause); }
}
