package org.parley.environments.codebase.lang;

import java.util.List;

/** A parsed {@code def name(params): ... end} block. */
public record FnFunction(String file, int line, String name, List<String> params, List<Statement> body) {
    public FnFunction {
        params = List.copyOf(params);
        body = List.copyOf(body);
    }
}
