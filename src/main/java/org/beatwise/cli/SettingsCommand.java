package org.beatwise.cli;

import java.util.Map;
import org.beatwise.wiring.Services;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * Station settings for an administrator without a screen: sign-in rules ({@code auth.*}), alert rules
 * ({@code alert.*}) and map tiles ({@code map.tiles}). A new value is checked by the same validated
 * record the app uses before anything is stored.
 */
@Command(name = "settings", description = "Show station settings, or change one: settings set KEY VALUE.",
        subcommands = SettingsCommand.Set.class)
final class SettingsCommand implements Runnable {

    private final CliContext ctx;
    @Mixin CommonOptions options;

    SettingsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    static Map<String, String> all(Services s) {
        return s.stationSettings().all();
    }

    @Override
    public void run() {
        Map<String, String> all = all(ctx.services());
        StringBuilder text = new StringBuilder();
        all.forEach((k, v) -> text.append(String.format("%-28s %s%n", k, v)));
        // a map, not a record: the keys are the settings records' own namespaced keys, which they define
        ctx.print(options.json, all, text.toString().stripTrailing());
    }

    @Command(name = "set", description = "Change one setting, e.g. 'settings set alert.confidence_threshold 0.5'.")
    static final class Set implements Runnable {
        private final CliContext ctx;
        @Mixin CommonOptions options;
        @Parameters(index = "0", paramLabel = "KEY") String key;
        @Parameters(index = "1", paramLabel = "VALUE", arity = "0..1", defaultValue = "") String value;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public void run() {
            Services s = ctx.services();
            s.stationSettings().set(ctx.admin(), key, value);
            ctx.print(options.json, Map.of(key, all(s).get(key)), key + " = " + all(s).get(key));
        }
    }
}
