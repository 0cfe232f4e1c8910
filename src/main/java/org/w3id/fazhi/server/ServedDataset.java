package org.w3id.fazhi.server;

import org.apache.jena.query.ReadWrite;
import org.apache.jena.query.text.DatasetGraphText;
import org.apache.jena.query.text.TextQuery;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.DatasetGraphWrapper;
import org.apache.jena.sparql.util.Context;

/**
 * The store's dataset as Fuseki sees it. Fuseki aborts the read transaction of a query stopped by
 * the time limit before ending it; with several such queries at once, TDB2 under the text index
 * left some of those transactions active for good (two at once left one, twelve left up to eleven),
 * and closing the store then waited for them in vain. A read transaction has nothing to undo, so
 * here aborting one simply ends it, which releases it every time.
 */
final class ServedDataset extends DatasetGraphWrapper {

    private final Context context;

    /** A copy of the store's context, so that what one server sets (time limit, SERVICE guard) stays its own. */
    ServedDataset(DatasetGraph dsg) {
        super(dsg);
        this.context = dsg.getContext().copy();
        // text:query finds the index through the context when the dataset is not the text dataset itself.
        if (dsg instanceof DatasetGraphText text && getContext().get(TextQuery.textIndex) == null) {
            getContext().set(TextQuery.textIndex, text.getTextIndex());
        }
    }

    @Override
    public Context getContext() { return context; }

    @Override
    public void abort() {
        if (isInTransaction() && transactionMode() == ReadWrite.READ) {
            end();
        } else {
            super.abort();
        }
    }
}
