package io.bankflow.localstack;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** {@code --name value} options and {@code --flag} switches; no more is needed by these tools. */
public final class Cli {

    private final Map<String, String> options = new HashMap<>();
    private final Set<String> flags = new HashSet<>();

    private Cli() {}

    public static Cli parse(String[] args, Set<String> flagNames) {
        Cli cli = new Cli();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (!arg.startsWith("--") || arg.length() == 2) {
                throw new UsageException("unexpected argument: " + arg);
            }
            String name = arg.substring(2);
            int eq = name.indexOf('=');
            if (eq > 0) {
                cli.options.put(name.substring(0, eq), name.substring(eq + 1));
            } else if (flagNames.contains(name)) {
                cli.flags.add(name);
            } else if (i + 1 < args.length) {
                cli.options.put(name, args[++i]);
            } else {
                throw new UsageException("missing value for --" + name);
            }
        }
        return cli;
    }

    public Optional<String> option(String name) {
        return Optional.ofNullable(options.get(name)).filter(value -> !value.isBlank());
    }

    public String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("--" + name + " is required"));
    }

    public int intOption(String name, int defaultValue) {
        String value = options.get(name);
        if (value == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new UsageException("--" + name + " must be a number, was: " + value);
        }
    }

    public Duration seconds(String name, int defaultSeconds) {
        return Duration.ofSeconds(intOption(name, defaultSeconds));
    }

    public boolean flag(String name) {
        return flags.contains(name);
    }

    /** A wrong command line: the tool prints the message and its usage, and exits with status 2. */
    public static final class UsageException extends RuntimeException {
        public UsageException(String message) {
            super(message);
        }
    }
}
