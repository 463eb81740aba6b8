package org.beatwise.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.function.LongPredicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Names for datasets a bench creates and deletes again, {@code <prefix><host>-<pid>-<nanos>}: they say
 * which process on which station made them, so a later run can tell a dataset whose run was stopped
 * by a signal from one a run elsewhere is still using.
 */
public record ThrowAwayNames(String prefix) {

    private static final Pattern TAIL = Pattern.compile("(\\d+)-(\\d+)");

    public String name(String host, long pid, long nanos) {
        return prefix + host + "-" + pid + "-" + nanos;
    }

    /** The names made on {@code host} by a process that is no longer {@code alive}, in the order given. */
    public List<String> leftBehind(List<String> names, String host, LongPredicate alive) {
        String mine = prefix + host + "-";
        return names.stream().filter(n -> n.startsWith(mine)).filter(n -> {
            Matcher m = TAIL.matcher(n.substring(mine.length()));
            return m.matches() && !alive.test(Long.parseLong(m.group(1)));
        }).toList();
    }

    /**
     * This station's host name, lower case, or "localhost" when the system does not say. Read from the
     * system, never resolved: {@code InetAddress.getLocalHost()} may ask a name server, and a station
     * sends nothing to the network.
     */
    public static String thisHost() {
        String name = System.getenv("COMPUTERNAME"); // Windows
        if (name == null) {
            try {
                name = Files.readString(Path.of("/proc/sys/kernel/hostname"));
            } catch (IOException | RuntimeException e) {
                name = System.getenv("HOSTNAME");
            }
        }
        name = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
        return name.isEmpty() ? "localhost" : name;
    }
}
