package io.bankflow.localstack.demo;

import io.bankflow.localstack.Cli;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;

/**
 * Runs {@link DemoScenario} against a running stack; {@code ./bankflow up} calls it once everything is healthy.
 *
 * <pre>
 * Demo --gateway-url http://127.0.0.1:18600 --issuer-url http://127.0.0.1:18675
 *      --sandbox-bank-url http://127.0.0.1:18670 --secrets-dir .bankflow/secrets [--step-timeout-seconds 120]
 * </pre>
 *
 * Exits 0 when every step worked, 1 with the failed step and why, 2 on a wrong command line.
 */
public final class Demo {

    private static final String USAGE = "usage: Demo --gateway-url <url> --issuer-url <url> --sandbox-bank-url <url>"
            + " --secrets-dir <dir> [--step-timeout-seconds <n>]";

    private Demo() {}

    public static void main(String[] args) {
        Cli cli;
        try {
            cli = Cli.parse(args, Set.of());
            for (String required : new String[] {"gateway-url", "issuer-url", "sandbox-bank-url", "secrets-dir"}) {
                cli.required(required);
            }
        } catch (Cli.UsageException e) {
            System.err.println(e.getMessage() + "\n" + USAGE);
            System.exit(2);
            return;
        }
        Duration stepTimeout = cli.seconds("step-timeout-seconds", 120);
        DemoScenario scenario = new DemoScenario(
                new GatewayClient(URI.create(cli.required("gateway-url"))),
                new DevIssuer(URI.create(cli.required("issuer-url")), Path.of(cli.required("secrets-dir"))),
                new SandboxBank(URI.create(cli.required("sandbox-bank-url"))),
                stepTimeout,
                System.out);
        try {
            scenario.run();
        } catch (RuntimeException e) {
            System.out.flush();
            // Messages name requests, statuses and problems; no token, secret or code is ever part of one.
            System.err.println("demo: FAILED at step '" + scenario.currentStep() + "' (each step may take "
                    + stepTimeout.toSeconds() + " s): " + e.getMessage());
            System.exit(1);
        }
    }
}
