package org.w3id.fazhi.cli;

import org.w3id.fazhi.store.DumpFormat;
import org.w3id.fazhi.store.KnowledgeStore;
import org.w3id.fazhi.store.StoreDump;
import org.w3id.fazhi.store.StoreLockedException;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

/** {@code fazhi dump --format nq|trig -o FILE}: the whole store in one file. */
@Command(name = "dump", mixinStandardHelpOptions = true,
        description = "Write every graph in the store as N-Quads or TriG (gzipped when FILE ends in .gz).")
final class DumpCommand implements Callable<Integer> {

    @Mixin
    StoreOptions store;

    @Option(names = "--format", defaultValue = "nq", description = "nq or trig (default: ${DEFAULT-VALUE}).")
    DumpFormat format;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "FILE", description = "Where to write (whole or not at all).")
    Path output;

    @Override
    public Integer call() throws IOException {
        try (KnowledgeStore kg = store.open()) {
            StoreDump.write(kg, format, output);
            System.err.println("fazhi: wrote " + output);
            return Fazhi.OK;
        } catch (StoreLockedException e) {
            System.err.println("fazhi: " + e.getMessage());
            return Fazhi.STORE_LOCKED;
        }
    }
}
