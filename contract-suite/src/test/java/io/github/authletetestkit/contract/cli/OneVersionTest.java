package io.github.authletetestkit.contract.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.authletetestkit.mock.internal.cli.MockServerCommand;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** The mock and the contract suite print one version, the build's. */
class OneVersionTest {

    @Test
    void bothToolsPrintTheBuildsVersion() {
        String build = System.getProperty("testkit.version");
        StringWriter mock = new StringWriter();
        new CommandLine(new MockServerCommand()).setOut(new PrintWriter(mock)).execute("-V");
        ByteArrayOutputStream suite = new ByteArrayOutputStream();
        ContractSuiteCommand.run(new String[] {"-V"}, Map.of(), new PrintStream(suite, true, StandardCharsets.UTF_8), System.err);

        assertThat(build).as("surefire passes the build's version").isNotBlank();
        assertThat(mock.toString().trim()).isEqualTo("authlete-mock-server " + build);
        assertThat(suite.toString(StandardCharsets.UTF_8).trim()).isEqualTo("authlete-contract-suite " + build);
    }
}
