package io.github.authletetestkit.contract.cli;

import java.io.PrintStream;
import java.util.Map;

/** Lets tests in other packages run the command with their own environment and streams. */
public final class ContractSuiteCommandAccess {

    private ContractSuiteCommandAccess() {
    }

    public static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        return ContractSuiteCommand.run(args, env, out, err);
    }
}
