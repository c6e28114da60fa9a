package org.parley.scenarios.cli;

import org.parley.scenarios.run.Versions;
import picocli.CommandLine;

/** {@code parley --version} and every command's {@code --version}. */
final class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"parley " + Versions.parley(), "java " + Versions.java()};
    }
}
