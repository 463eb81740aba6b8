package org.beatwise.wiring;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where a station keeps its database and models: {@code --home DIR}, else {@code BEATWISE_HOME},
 * else {@code ~/.beatwise}.
 */
public record DataHome(Path dir) {

    public static final String ENV = "BEATWISE_HOME";

    public static DataHome resolve(String option, Map<String, String> env) {
        if (option != null && !option.isBlank()) {
            return new DataHome(Path.of(option).toAbsolutePath());
        }
        String fromEnv = env.get(ENV);
        if (fromEnv != null && !fromEnv.isBlank()) {
            return new DataHome(Path.of(fromEnv).toAbsolutePath());
        }
        return new DataHome(Path.of(System.getProperty("user.home"), ".beatwise"));
    }

    public Path models() {
        return dir.resolve("models");
    }
}
