package org.w3id.fazhi.server;

/** The server's port is taken by another process. */
public final class PortInUseException extends RuntimeException {
    public PortInUseException(int port, Throwable cause) {
        super("port " + port + " is already in use; stop what uses it or give another --port", cause);
    }
}
