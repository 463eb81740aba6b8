package org.beatwise.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.beatwise.testing.HoldDataHome;
import org.beatwise.testing.TestHomes;
import org.beatwise.wiring.DataHome;
import org.beatwise.wiring.Services;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desktop launcher on a data home another program holds: shared with a current Beatwise; with an
 * older one, which cannot share, one line and exit 1, never a stack trace.
 */
class DesktopLauncherTest {

    @TempDir
    Path dir;

    @Test
    void aDataHomeHeldByAnOlderBeatwiseEndsTheLauncherWithOneLine() throws Exception {
        Path home = TestHomes.station(dir.resolve("held"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldDataHome.class.getName(), home.toString(), "--older")).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger exit = new AtomicInteger(-1);
            Object services = DesktopLauncher.open(new DataHome(home), new PrintStream(err, true, StandardCharsets.UTF_8),
                    exit::set).join();

            assertNull(services);
            assertEquals(1, exit.get());
            List<String> lines = err.toString(StandardCharsets.UTF_8).lines().toList();
            assertEquals(1, lines.size(), lines.toString());
            assertTrue(lines.get(0).startsWith("beatwise: the data home " + home + " is in use by another Beatwise program "
                    + "(pid " + holder.pid() + ", user "), lines.get(0));
            assertTrue(lines.get(0).endsWith("): close that program (an older Beatwise cannot share a data home) or use another --home"),
                    lines.get(0));
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(2, TimeUnit.MINUTES));
        }
    }

    @Test
    void aDataHomeHeldByTheAppOpensForASecondProgram() throws Exception {
        Path home = TestHomes.station(dir.resolve("shared"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(List.of(java, "-cp", System.getProperty("java.class.path"),
                HoldDataHome.class.getName(), home.toString())).redirectErrorStream(true).start();
        try {
            BufferedReader out = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8));
            assertEquals("ready", out.readLine());

            ByteArrayOutputStream err = new ByteArrayOutputStream();
            AtomicInteger exit = new AtomicInteger(-1);
            try (Services services = DesktopLauncher.open(new DataHome(home), new PrintStream(err, true, StandardCharsets.UTF_8),
                    exit::set).join()) {
                assertNotNull(services, err.toString(StandardCharsets.UTF_8));
                assertEquals(-1, exit.get());
                assertFalse(services.auth().hasUsers());
            }
        } finally {
            holder.getOutputStream().close();
            assertTrue(holder.waitFor(2, TimeUnit.MINUTES));
        }
    }
}
