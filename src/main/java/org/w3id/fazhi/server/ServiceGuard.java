package org.w3id.fazhi.server;

import org.apache.jena.graph.Node;
import org.apache.jena.query.QueryExecException;
import org.apache.jena.sparql.service.ServiceExecutorRegistry;
import org.apache.jena.sparql.service.single.ChainingServiceExecutor;
import org.apache.jena.sparql.util.Context;

import java.util.Set;

/**
 * Federated queries ({@code SERVICE <url>}) would let anyone make the server fetch any URL, and
 * the errors would tell an open port from a closed one. They are refused unless the endpoint is
 * one the operator allowed ({@code --allow-service}); the refusal names no target and is the same
 * whatever the target is, and nothing is fetched. {@link CompleteResponseFilter} turns the refusal
 * into a 400.
 */
final class ServiceGuard {

    /** What the refused query's answer says; the filter looks for it. */
    static final String REFUSED = "SERVICE is not allowed on this server";

    private ServiceGuard() {}

    /** Installs the guard in the context of the served dataset; {@code allowed} holds the endpoint IRIs let through. */
    static void install(Context context, Set<String> allowed) {
        ServiceExecutorRegistry registry = ServiceExecutorRegistry.get().copy();
        ChainingServiceExecutor guard = (opExecute, original, binding, execCxt, chain) -> {
            Node service = opExecute.getService();
            if (service != null && service.isURI() && allowed.contains(service.getURI())) {
                return chain.createExecution(opExecute, original, binding, execCxt);
            }
            throw new QueryExecException(REFUSED);
        };
        registry.addSingleLink(guard);
        ServiceExecutorRegistry.set(context, registry);
    }

    /** The message sent with the 400. */
    static String message(Set<String> allowed) {
        return REFUSED + (allowed.isEmpty() ? "" : " except for the endpoints the operator allowed")
                + ": federated queries (SERVICE) are refused.\n";
    }
}
