package org.beatwise.cli;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.ParseResult;

/**
 * Runs the headless command line. Exit status: 0 success, 1 failure (one line on stderr, the stack
 * trace only with {@code --debug}), 2 wrong command or option (with usage).
 */
public final class Cli {

    private Cli() { }

    public static int execute(String[] args, InputStream in, OutputStream out, OutputStream err, Map<String, String> env) {
        PrintWriter o = new PrintWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), true);
        PrintWriter e = new PrintWriter(new OutputStreamWriter(err, StandardCharsets.UTF_8), true);
        BufferedReader i = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        try (CliContext ctx = new CliContext(i, o, e, env)) {
            CommandLine cl = commandLine(ctx);
            return cl.execute(args);
        }
    }

    /** True when the arguments name no command (nor help/version): the launcher then opens the desktop app. */
    public static boolean wantsDesktop(String[] args) {
        try (CliContext ctx = new CliContext(null, null, null, Map.of())) {
            ParseResult pr = commandLine(ctx).parseArgs(args);
            return !pr.hasSubcommand() && !pr.isUsageHelpRequested() && !pr.isVersionHelpRequested();
        } catch (CommandLine.ParameterException ex) {
            return false;
        }
    }

    /** The {@code --home} given on the command line, if any (for the desktop app). */
    public static String homeOption(String[] args) {
        try (CliContext ctx = new CliContext(null, null, null, Map.of())) {
            commandLine(ctx).parseArgs(args);
            return ctx.homeOption();
        } catch (CommandLine.ParameterException ex) {
            return null;
        }
    }

    /** The {@code --db} given on the command line, if any (for the desktop app). */
    public static String dbOption(String[] args) {
        try (CliContext ctx = new CliContext(null, null, null, Map.of())) {
            commandLine(ctx).parseArgs(args);
            return ctx.dbOption();
        } catch (CommandLine.ParameterException ex) {
            return null;
        }
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cl = new CommandLine(new BeatwiseCommand(ctx), new Factory(ctx));
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExecutionStrategy(parsed -> {
            ctx.mayCreateHome(CreatingCommands.mayCreateHome(parsed));
            return new CommandLine.RunLast().execute(parsed);
        });
        if (ctx.out() != null) {
            cl.setOut(ctx.out());
            cl.setErr(ctx.err());
        }
        // picocli prints either "Did you mean …" or the usage; always print the usage (exit 2 promises it)
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine c = ex.getCommandLine();
            c.getErr().println(ex.getMessage());
            CommandLine.UnmatchedArgumentException.printSuggestions(ex, c.getErr());
            c.usage(c.getErr());
            return 2;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            String message = ex.getMessage() == null ? ex.getClass().getSimpleName() : ex.getMessage();
            commandLine.getErr().println("beatwise: " + message);
            if (ctx.debug()) {
                ex.printStackTrace(commandLine.getErr());
            }
            return 1;
        });
        return cl;
    }

    /** Gives every command the shared context through its constructor. */
    private record Factory(CliContext ctx) implements CommandLine.IFactory {
        @Override
        public <K> K create(Class<K> cls) throws Exception {
            try {
                return cls.getDeclaredConstructor(CliContext.class).newInstance(ctx);
            } catch (NoSuchMethodException e) {
                return CommandLine.defaultFactory().create(cls);
            }
        }
    }
}
