package org.w3id.fazhi.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.w3id.fazhi.eval.GoldSet;
import org.w3id.fazhi.eval.Scorecard;
import org.w3id.fazhi.eval.Scorer;
import org.w3id.fazhi.rdf.IriMinter;
import org.w3id.fazhi.util.InputLimit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

/** {@code fazhi eval GOLD_DIR PATH...}: extract, then score against a gold folder like score.py does. */
@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Extract reports and score them against a gold folder (reports.tsv, metrics.tsv, programs.tsv), "
                + "with the rules of ../shared/gold/score.py.")
final class EvalCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "GOLD_DIR", description = "Folder with reports.tsv, metrics.tsv, programs.tsv.")
    Path gold;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "The reports the gold describes.")
    List<String> inputs;

    @Option(names = "--json", description = "Print the full scorecard as JSON (as score.py --json).")
    boolean json;

    @Override
    public Integer call() throws IOException {
        if (!Files.isDirectory(gold)) {
            System.err.println("fazhi: " + gold + ": no such gold folder");
            return Fazhi.USAGE;
        }
        GoldSet goldSet = GoldSet.read(gold);
        List<JsonNode> summaries = new ArrayList<>();
        ExtractionRun.Result result = ExtractionRun.run(inputs, IriMinter.DEFAULT_BASE, InputLimit.DEFAULT_MAX_BYTES, System.err,
                r -> summaries.add(r.summary()));
        Scorecard card = Scorer.score(goldSet, summaries);
        System.out.print(json ? card.toJson() + "\n" : card.toText());
        return result.exitCode();
    }
}
