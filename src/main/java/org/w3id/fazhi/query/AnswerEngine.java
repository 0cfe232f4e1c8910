package org.w3id.fazhi.query;

import org.apache.jena.datatypes.xsd.XSDDatatype;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.apache.jena.query.Query;
import org.apache.jena.sparql.algebra.Op;
import org.apache.jena.sparql.core.DatasetGraph;
import org.apache.jena.sparql.core.Var;
import org.apache.jena.sparql.engine.ExecutionContext;
import org.apache.jena.sparql.engine.Plan;
import org.apache.jena.sparql.engine.QueryEngineBase;
import org.apache.jena.sparql.engine.QueryEngineFactory;
import org.apache.jena.sparql.engine.QueryEngineRegistry;
import org.apache.jena.sparql.engine.QueryIterator;
import org.apache.jena.sparql.engine.binding.Binding;
import org.apache.jena.sparql.engine.iterator.QueryIterPlainWrapper;
import org.apache.jena.sparql.engine.main.QC;
import org.apache.jena.sparql.syntax.syntaxtransform.QueryTransformOps;
import org.apache.jena.sparql.util.Context;
import org.apache.jena.sparql.util.NodeFactoryExtra;
import org.w3id.fazhi.store.Answers;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Jena's query engine for the saved queries on a store: a query whose text is a saved query with
 * values for its parameters (as {@link QueryRunner#bind} makes it, as {@code /queries/NAME} runs
 * it, as a client pastes it into {@code /kg/sparql}), with any {@code LIMIT} and {@code OFFSET},
 * is answered from the store's answer tables ({@link Answers}): a lookup and the page. Any other
 * query, a store without tables, a parameter the tables cannot answer and a snapshot the tables
 * were not made for go to the engine Jena would have chosen, as written.
 *
 * <p>A query is recognised by its form: the saved query is parsed, each parameter bound to a
 * placeholder, and written out as Jena writes any query; an incoming query written out the same
 * way, its limit and offset taken off, must be that text with a literal in each placeholder's place.
 */
public final class AnswerEngine extends QueryEngineBase {

    private static final AtomicBoolean REGISTERED = new AtomicBoolean();

    static final QueryEngineFactory FACTORY = new QueryEngineFactory() {
        @Override
        public boolean accept(Query query, DatasetGraph dataset, Context context) {
            return answersOf(dataset, context) != null && match(query) != null;
        }

        @Override
        public Plan create(Query query, DatasetGraph dataset, Binding inputBinding, Context context) {
            AnswerEngine engine = new AnswerEngine(query, dataset, inputBinding, context, match(query), answersOf(dataset, context));
            return engine.getPlan();
        }

        @Override
        public boolean accept(Op op, DatasetGraph dataset, Context context) { return false; }

        @Override
        public Plan create(Op op, DatasetGraph dataset, Binding inputBinding, Context context) {
            throw new UnsupportedOperationException("saved queries only");
        }
    };

    /** Makes Jena ask this engine first (once per JVM). */
    public static void register() {
        if (REGISTERED.compareAndSet(false, true)) QueryEngineRegistry.addFactory(FACTORY);
    }

    /** A saved query recognised: its name and the parameter values it was given. */
    public record Match(String name, Map<String, Node> params) {}

    private record Template(SavedQuery saved, Pattern pattern, List<SavedQuery.Param> params) {}

    /** Made on first use: the saved queries are parsed with {@link QueryRunner}, whose class registers this one. */
    private static final class Templates {
        static final List<Template> ALL = templates();
    }

    private static List<Template> templates() {
        List<Template> out = new ArrayList<>();
        for (SavedQuery q : SavedQueries.bundled().all()) {
            if (!Answers.answers(q.name())) continue;
            Query parsed = QueryRunner.parse(q);
            Map<Var, Node> holders = new LinkedHashMap<>();
            List<String> marks = new ArrayList<>();
            for (int i = 0; i < q.params().size(); i++) {
                SavedQuery.Param p = q.params().get(i);
                String mark = "fazhiPlaceholder" + i + "X";
                Node n = p.type() == SavedQuery.ParamType.STRING ? NodeFactory.createLiteralString(mark)
                        : NodeFactory.createLiteralDT(Long.toString(987_654_321_000L + i), XSDDatatype.XSDinteger);
                holders.put(Var.alloc(p.name()), n);
                marks.add(p.type() == SavedQuery.ParamType.STRING ? "\"" + mark + "\"" : Long.toString(987_654_321_000L + i));
            }
            Query bound = holders.isEmpty() ? parsed : QueryTransformOps.transform(parsed, holders);
            bound.setPrefixMapping(parsed.getPrefixMapping());
            String text = canonical(bound);
            StringBuilder regex = new StringBuilder("\\A");
            boolean[] seen = new boolean[marks.size()];
            int at = 0;
            while (true) {
                int next = -1, which = -1;
                for (int i = 0; i < marks.size(); i++) {
                    int found = text.indexOf(marks.get(i), at);
                    if (found >= 0 && (next < 0 || found < next)) {
                        next = found;
                        which = i;
                    }
                }
                if (next < 0) break;
                regex.append(Pattern.quote(text.substring(at, next)));
                if (seen[which]) {
                    // The same parameter again: the same value.
                    regex.append("\\k<p").append(which).append('>');
                } else {
                    seen[which] = true;
                    SavedQuery.ParamType type = q.params().get(which).type();
                    regex.append("(?<p").append(which).append('>').append(switch (type) {
                        case STRING -> "\"(?:[^\"\\\\\\n]|\\\\.)*+\"";
                        case INTEGER -> "[+-]?[0-9]++";
                        case DECIMAL -> "[+-]?[0-9]*+\\.?[0-9]++";
                    }).append(')');
                }
                at = next + marks.get(which).length();
            }
            regex.append(Pattern.quote(text.substring(at))).append("\\z");
            out.add(new Template(q, Pattern.compile(regex.toString()), q.params()));
        }
        return List.copyOf(out);
    }

    /** The query as Jena writes it, without its limit and offset. */
    private static String canonical(Query q) {
        Query copy = q.cloneQuery();
        copy.setLimit(Query.NOLIMIT);
        copy.setOffset(Query.NOLIMIT);
        return copy.serialize();
    }

    /**
     * The saved query this query is, with its parameter values, or null. A query that repeats a
     * parameter's value in two places (the placeholder occurs twice) must give the same value in
     * both. The saved query's own {@code LIMIT} (problems-by-theme has one) is the query's.
     */
    public static Match match(Query query) {
        Object[] last = LAST.get();
        if (last[0] == query) return (Match) last[1];
        Match m = matchText(query);
        last[0] = query;
        last[1] = m;
        return m;
    }

    /** The last query matched on this thread and its match: Jena asks whether to accept, then creates. */
    private static final ThreadLocal<Object[]> LAST = ThreadLocal.withInitial(() -> new Object[2]);

    private static Match matchText(Query query) {
        if (!query.isSelectType()) return null;
        String text = canonical(query);
        for (Template t : Templates.ALL) {
            Matcher m = t.pattern.matcher(text);
            if (!m.matches()) continue;
            Map<String, Node> params = new LinkedHashMap<>();
            boolean ok = true;
            for (int i = 0; i < t.params.size(); i++) {
                String token;
                try {
                    token = m.group("p" + i);
                } catch (IllegalArgumentException e) {
                    token = null;
                }
                if (token == null) {
                    ok = false;
                    break;
                }
                Node n = NodeFactoryExtra.parseNode(token);
                SavedQuery.Param p = t.params.get(i);
                // Bound as QueryRunner binds it: a string is a plain literal, a number its type's.
                if (p.type() != SavedQuery.ParamType.STRING) {
                    n = QueryRunner.literal(t.saved, p, n.getLiteralLexicalForm());
                }
                params.put(p.name(), n);
            }
            if (ok) return new Match(t.saved.name(), params);
        }
        return null;
    }

    // ------------------------------------------------------------------ the engine

    private final Match match;
    private final Answers answers;
    private final Query query;
    private final DatasetGraph dsg;
    private final Binding input;
    private final Context cxt;

    private AnswerEngine(Query query, DatasetGraph dsg, Binding input, Context cxt, Match match, Answers answers) {
        super(query, dsg, input, cxt);
        this.query = query;
        this.dsg = dsg;
        this.input = input;
        this.cxt = cxt;
        this.match = match;
        this.answers = answers;
    }

    @Override
    protected QueryIterator eval(Op op, DatasetGraph dsg, Binding binding, Context context) {
        long offset = query.getOffset() == Query.NOLIMIT ? 0 : query.getOffset();
        long limit = query.getLimit() == Query.NOLIMIT ? -1 : query.getLimit();
        Answers.Outcome outcome = answers.answer(match.name(), match.params(), offset, limit);
        if (outcome.answered()) {
            ExecutionContext exec = new ExecutionContext(context, dsg.getDefaultGraph(), dsg, QC.getFactory(context));
            return QueryIterPlainWrapper.create(outcome.rows().iterator(), exec);
        }
        // As written, by the engine Jena would have chosen without this one.
        for (QueryEngineFactory f : QueryEngineRegistry.get().factories()) {
            if (f == FACTORY || !f.accept(query, this.dsg, cxt)) continue;
            Plan plan = f.create(query, this.dsg, input, cxt);
            return plan.iterator();
        }
        throw new IllegalStateException("no query engine for " + match.name());
    }

    private static Answers answersOf(DatasetGraph dsg, Context cxt) {
        if (cxt != null && cxt.isTrue(Answers.SCAN)) return null;
        Object a = cxt == null ? null : cxt.get(Answers.SYMBOL);
        if (a == null && dsg != null) a = dsg.getContext().get(Answers.SYMBOL);
        return a instanceof Answers answers ? answers : null;
    }

}
