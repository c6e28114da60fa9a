package org.parley.scenarios.cli;

import java.nio.file.Path;
import org.parley.models.CacheMode;
import org.parley.scenarios.llm.ModelOptions;
import picocli.CommandLine;
import picocli.CommandLine.Option;

/** {@code --llm-cache} and {@code --llm-cache-dir}: how a run records and replays model calls. */
final class LlmRunOptions {

    @Option(names = "--llm-cache", paramLabel = "MODE", converter = ModeConverter.class,
            description = "Record/replay of model calls for every model: off, record, replay or auto (default: each model's cache:, else off).")
    CacheMode cacheMode;

    @Option(names = "--llm-cache-dir", paramLabel = "DIR",
            description = "Record/replay directory, shareable between runs (default: <run folder>/llm-cache).")
    Path cacheDir;

    ModelOptions toModelOptions() {
        return ModelOptions.defaults().withCache(cacheMode, cacheDir);
    }

    static final class ModeConverter implements CommandLine.ITypeConverter<CacheMode> {
        @Override
        public CacheMode convert(String value) {
            try {
                return CacheMode.of(value);
            } catch (IllegalArgumentException e) {
                throw new CommandLine.TypeConversionException(e.getMessage());
            }
        }
    }
}
