package org.w3id.fazhi.server;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;

/**
 * A response wrapper for a filter that sets headers before the chain runs: they are set again
 * after a {@link #reset()} (the query filter resets a response to send a time-out), and a
 * {@code Vary} set further down is merged with the one already there instead of replacing it.
 */
abstract class HeaderKeepingResponse extends HttpServletResponseWrapper {

    HeaderKeepingResponse(HttpServletResponse response) { super(response); }

    /** Sets this filter's headers; called once at the start and after every reset. */
    abstract void applyHeaders();

    @Override
    public void reset() {
        super.reset();
        applyHeaders();
    }

    @Override
    public void setHeader(String name, String value) {
        if ("Vary".equalsIgnoreCase(name) && value != null) {
            HttpHeaders.addVary((HttpServletResponse) getResponse(), value);
        } else {
            super.setHeader(name, value);
        }
    }

    @Override
    public void addHeader(String name, String value) {
        if ("Vary".equalsIgnoreCase(name) && value != null) {
            HttpHeaders.addVary((HttpServletResponse) getResponse(), value);
        } else {
            super.addHeader(name, value);
        }
    }
}
