package io.github.authletetestkit.contract.cli;

import io.github.authletetestkit.contract.internal.ContractSuite;
import io.github.authletetestkit.contract.internal.report.ConsoleReporter;
import io.github.authletetestkit.contract.internal.report.ReportWriter;
import io.github.authletetestkit.contract.internal.report.RunReport;
import io.github.authletetestkit.contract.internal.target.Credentials;
import io.github.authletetestkit.contract.internal.target.MissingCredentialsException;
import io.github.authletetestkit.contract.internal.target.Reachability;
import io.github.authletetestkit.contract.internal.target.Target;
import io.github.authletetestkit.contract.internal.target.TargetSelection;
import io.github.authletetestkit.flows.internal.Flow;
import io.github.authletetestkit.flows.internal.FlowCatalog;
import io.github.authletetestkit.flows.internal.FlowEnvironment;
import io.github.authletetestkit.flows.internal.LeftoverSweeper;
import io.github.authletetestkit.spec.internal.SpecLoadException;
import io.github.authletetestkit.spec.internal.TestkitVersion;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/** {@code java -jar authlete-contract-suite.jar}: the command line of the contract suite. */
@Command(name = "authlete-contract-suite",
        mixinStandardHelpOptions = true,
        versionProvider = ContractSuiteCommand.Version.class,
        sortOptions = false,
        usageHelpWidth = 130,
        description = {
                "Runs OAuth/OpenID Connect flows against the embedded Authlete mock, any base URL or a live Authlete region,",
                "checks every request and response against an OpenAPI spec, and writes JUnit XML, HTML and JSON reports.",
                "",
                "Credentials of live targets come only from the environment: " + Credentials.ENV_SERVICE_ID + ", "
                        + Credentials.ENV_SERVICE_TOKEN + " and optionally " + Credentials.ENV_ORG_TOKEN + " (used for management calls).",
                "Everything a flow creates is named '" + FlowEnvironment.PREFIX + "-<run>-<flow>' and deleted when the flow ends,",
                "also when it fails or the run is interrupted; --cleanup removes what a killed run left behind.",
                ""},
        footerHeading = "%nExamples:%n",
        footer = {
                "  # every flow against the embedded mock, checked against the bundled spec",
                "  java -jar contract-suite/target/authlete-contract-suite.jar",
                "",
                "  # the same, checked against Authlete's published spec: spec_next.yaml of github.com/authlete/openapi",
                "  java -jar contract-suite/target/authlete-contract-suite.jar --spec spec_next.yaml",
                "",
                "  # a live region; show where the mock differs from it",
                "  export AUTHLETE_SERVICE_ID=... AUTHLETE_SERVICE_TOKEN=...   # AUTHLETE_ORG_TOKEN optional",
                "  java -jar contract-suite/target/authlete-contract-suite.jar --region us --compare-with mock",
                "",
                "  # only flows that create nothing, against a mock jar started with its defaults on this machine",
                "  # (a local URL without credentials in the environment gets the mock's default credentials)",
                "  java -jar contract-suite/target/authlete-contract-suite.jar --target http://localhost:8080 --read-only",
                "",
                "  # any other URL: its credentials from the environment",
                "  export AUTHLETE_SERVICE_ID=... AUTHLETE_SERVICE_TOKEN=...",
                "  java -jar contract-suite/target/authlete-contract-suite.jar --target https://authlete.internal.example --read-only",
                "",
                "  # remove leftovers of interrupted runs",
                "  java -jar contract-suite/target/authlete-contract-suite.jar --region us --cleanup",
                "",
                "Exit status: 0 every check passed; 1 a flow failed, an exchange violated the spec or differed from the mock;",
                "2 bad usage, an unreadable spec or missing credentials; 3 the target cannot be reached."})
public final class ContractSuiteCommand implements Callable<Integer> {

    static final int OK = 0;
    static final int CHECKS_FAILED = 1;
    static final int USAGE = 2;
    static final int UNREACHABLE = 3;

    @Option(names = "--target", paramLabel = "mock|URL",
            description = "mock (default: the embedded mock, in process) or the base URL of a server speaking the Authlete API.")
    String target;

    @Option(names = "--region", paramLabel = "us|jp|eu|br", description = "A live Authlete region (https://<region>.authlete.com).")
    String region;

    @Option(names = "--spec", paramLabel = "FILE|URL",
            description = "The OpenAPI document to check exchanges against (default: the bundled spec).")
    String spec;

    @Option(names = "--compare-with", paramLabel = "mock",
            description = "Also run the flows on the embedded mock and report where it differs in status, action or JSON shape.")
    String compareWith;

    @Option(names = "--read-only", description = "Run only the flows that create nothing.")
    boolean readOnly;

    @Option(names = "--flows", split = ",", paramLabel = "ID", description = "Run only these flows (service-read always runs). See --list-flows.")
    List<String> flows;

    @Option(names = "--cleanup", description = "Delete what earlier interrupted runs left on the target (by name prefix), then exit.")
    boolean cleanup;

    @Option(names = "--list-flows", description = "List the flows and the operations each needs, then exit.")
    boolean listFlows;

    @Option(names = "--report-dir", paramLabel = "DIR", defaultValue = "target/contract-report",
            description = "Where the reports go (default: ${DEFAULT-VALUE}).")
    Path reportDir;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "30", description = "Per-request timeout (default: ${DEFAULT-VALUE}).")
    int timeoutSeconds;

    private final Map<String, String> env;
    private final PrintStream out;
    private final PrintStream err;

    public ContractSuiteCommand() {
        this(System.getenv(), System.out, System.err);
    }

    ContractSuiteCommand(Map<String, String> env, PrintStream out, PrintStream err) {
        this.env = env;
        this.out = out;
        this.err = err;
    }

    public static void main(String[] args) {
        System.exit(run(args, System.getenv(), System.out, System.err));
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, Map<String, String> env, PrintStream out, PrintStream err) {
        for (String arg : args) {
            String name = arg.startsWith("-") ? arg.toLowerCase(Locale.ROOT) : "";
            if (name.contains("token") || name.contains("secret") || name.contains("password")) {
                err.println("Credentials are never taken on the command line: set " + Credentials.ENV_SERVICE_ID + ", "
                        + Credentials.ENV_SERVICE_TOKEN + " and optionally " + Credentials.ENV_ORG_TOKEN + " in the environment.");
                return USAGE;
            }
        }
        CommandLine commandLine = new CommandLine(new ContractSuiteCommand(env, out, err));
        commandLine.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        commandLine.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        commandLine.setParameterExceptionHandler((ex, arguments) -> {
            err.println(maskTokenLike(ex.getMessage(), arguments));
            ex.getCommandLine().usage(err);
            return USAGE;
        });
        return commandLine.execute(args);
    }

    @Override
    public Integer call() {
        if (listFlows) {
            for (Flow flow : FlowCatalog.all()) {
                out.printf(Locale.ROOT, "%-26s %-10s %s%n", flow.id(), flow.createsResources() ? "" : "read-only", flow.title());
                out.printf(Locale.ROOT, "%-26s %-10s needs %s%n", "", "", String.join(", ", flow.operations()));
            }
            return OK;
        }
        TargetSelection selection;
        try {
            selection = TargetSelection.parse(target, region);
            if (compareWith != null && !compareWith.equalsIgnoreCase("mock")) {
                throw new IllegalArgumentException("--compare-with supports only 'mock'");
            }
            FlowCatalog.select(flows);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return USAGE;
        }
        ContractSuite.Options options = ContractSuite.Options.defaults()
                .withSpec(spec)
                .withFlows(flows)
                .withReadOnly(readOnly)
                .withShutdownHook(true)
                .withRequestTimeout(Duration.ofSeconds(Math.max(1, timeoutSeconds)));
        if (selection.usesMockDefaults(env)) {
            out.println("No " + Credentials.ENV_SERVICE_ID + " / " + Credentials.ENV_SERVICE_TOKEN + " set: using the mock's default"
                    + " credentials for " + selection + " (service " + Credentials.mockDefaults().serviceId() + ").");
        }
        try (Target opened = selection.open(env)) {
            // credentials first (a usage error), then the network
            Optional<String> unreachable = selection.live() ? Reachability.problem(selection.baseUrl()) : Optional.empty();
            if (unreachable.isPresent()) {
                err.println(unreachable.get());
                return UNREACHABLE;
            }
            if (cleanup) {
                return cleanup(opened, options);
            }
            out.println("Authlete contract suite: " + selection + (readOnly ? ", read-only" : "")
                    + (compareWith != null ? ", compared with the embedded mock" : "") + ", spec "
                    + (spec == null ? "bundled" : spec));
            RunReport report;
            if (compareWith != null) {
                ContractSuite.Comparison comparison = ContractSuite.runAndCompare(opened,
                        options.withListener(new ConsoleReporter(out, null)), new ConsoleReporter(out, "mock"));
                report = comparison.target();
                ReportWriter.writeAll(comparison.mock(), reportDir.resolve("mock"));
            } else {
                report = ContractSuite.run(opened, options.withListener(new ConsoleReporter(out, null)));
            }
            new ConsoleReporter(out, null).summary(report);
            List<Path> written = ReportWriter.writeAll(report, reportDir);
            out.println("Reports: " + String.join(", ", written.stream().map(Path::toString).toList()));
            return report.passed() ? OK : CHECKS_FAILED;
        } catch (MissingCredentialsException e) {
            err.println(e.getMessage());
            return USAGE;
        } catch (SpecLoadException e) {
            err.println("Cannot use the spec: " + e.getMessage());
            return USAGE;
        } catch (IOException e) {
            err.println("Cannot write the reports: " + e.getMessage());
            return CHECKS_FAILED;
        }
    }

    private int cleanup(Target opened, ContractSuite.Options options) {
        out.println("Looking for leftovers named " + FlowEnvironment.PREFIX + "-* on " + opened.name() + " …");
        try {
            LeftoverSweeper.Result result = ContractSuite.cleanup(opened, options);
            result.log().forEach(line -> out.println("  " + line));
            result.failures().forEach(line -> err.println("  " + line));
            out.printf(Locale.ROOT, "%d found, %d deleted, %d failed%n", result.found(), result.deleted(), result.failures().size());
            return result.failures().isEmpty() ? OK : CHECKS_FAILED;
        } catch (IOException e) {
            err.println("Cleanup failed: " + e.getMessage());
            return CHECKS_FAILED;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            err.println("Cleanup interrupted");
            return CHECKS_FAILED;
        }
    }

    /** The Testkit's version, from the build: the same the mock prints. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"authlete-contract-suite " + TestkitVersion.current()};
        }
    }

    private static final Pattern PATHLIKE = Pattern.compile(".*[/.:].*");

    /** Parse errors echo arguments; mask any that looks like a token rather than an option, path, URL or id. */
    static String maskTokenLike(String message, String[] arguments) {
        String result = message == null ? "" : message;
        for (String argument : arguments) {
            if (argument.length() >= 16 && !argument.startsWith("-") && !PATHLIKE.matcher(argument).matches()) {
                result = result.replace(argument, "****");
            }
        }
        return result;
    }
}
